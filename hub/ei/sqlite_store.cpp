// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/ei/sqlite_store.hpp"

#include "hub/ei/identity.hpp"
#include "hub/ei/migrations.hpp"
#include "hub/ei/sqlite_db.hpp"

#include <algorithm>
#include <map>

namespace tidnav::ei {
namespace {

constexpr std::string_view engagement_columns =
    "registered_resident_id, service_domain, categorization, logical_address, business_object_instance_id, "
    "clinical_process_interest_id, most_recent_content, source_system, creation_time, update_time, "
    "data_controller, owner";

// Reads the twelve engagement columns starting at `first`.
engagement read_engagement(const sqlite_query& q, int first) {
  engagement e;
  e.registered_resident_identification = q.text(first);
  e.service_domain = q.text(first + 1);
  e.categorization = q.text(first + 2);
  e.logical_address = q.text(first + 3);
  e.business_object_instance_identifier = q.text(first + 4);
  e.clinical_process_interest_id = q.text(first + 5);
  e.most_recent_content = q.optional_text(first + 6);
  e.source_system = q.text(first + 7);
  e.creation_time = q.optional_text(first + 8);
  e.update_time = q.optional_text(first + 9);
  e.data_controller = q.text(first + 10);
  e.owner = q.optional_text(first + 11);
  return e;
}

// Binds the twelve engagement values to ?first..?first+11.
void bind_engagement(sqlite_query& q, int first, const engagement& e) {
  q.bind(first, e.registered_resident_identification)
      .bind(first + 1, e.service_domain)
      .bind(first + 2, na_if_empty(e.categorization))
      .bind(first + 3, e.logical_address)
      .bind(first + 4, na_if_empty(e.business_object_instance_identifier))
      .bind(first + 5, na_if_empty(e.clinical_process_interest_id))
      .bind(first + 6, e.most_recent_content)
      .bind(first + 7, e.source_system)
      .bind(first + 8, e.creation_time)
      .bind(first + 9, e.update_time)
      .bind(first + 10, e.data_controller)
      .bind(first + 11, e.owner);
}

std::optional<engagement> load(sqlite_connection& conn, const std::string& id) {
  static const std::string sql = "SELECT " + std::string(engagement_columns) + " FROM engagements WHERE id = ?1";
  auto q = conn.query(sql);
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  return read_engagement(q, 0);
}

void erase(sqlite_connection& conn, const std::string& id) {
  conn.query("DELETE FROM engagements WHERE id = ?1").bind(1, id).run();
}

// What subscribers are told about a change: the post as stored, and for a
// delete without mostRecentContent (deletes carry no business time) and with
// the time of the delete. A ProcessNotification always carries updateTime, so
// a post never updated reports its creation time.
engagement_transaction notification_of(engagement stored, bool deleted, const std::string& deleted_at) {
  if (deleted) {
    stored.most_recent_content.reset();
    stored.update_time = deleted_at;
  }
  if (!stored.update_time) stored.update_time = stored.creation_time;
  return {deleted, std::move(stored)};
}

struct pending_queue {
  const subscriber* sub;
  std::vector<engagement_transaction> transactions;
};

void enqueue(sqlite_connection& conn, const pending_queue& pq, std::int64_t now_ms) {
  conn.query(
          "INSERT INTO outbox (queue, logical_address, target, created_ms, next_attempt_ms) "
          "VALUES (?1, ?2, ?3, ?4, ?4)")
      .bind(1, queue_key(*pq.sub))
      .bind(2, pq.sub->logical_address)
      .bind(3, pq.sub->target)
      .bind(4, now_ms)
      .run();
  const std::int64_t outbox_id = conn.last_insert_rowid();
  static const std::string sql = "INSERT INTO outbox_items (outbox_id, seq, delete_flag, " +
                                 std::string(engagement_columns) +
                                 ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";
  std::int64_t seq = 0;
  for (const auto& t : pq.transactions) {
    auto q = conn.query(sql);
    q.bind(1, outbox_id).bind(2, seq++).bind(3, static_cast<std::int64_t>(t.delete_flag ? 1 : 0));
    bind_engagement(q, 4, t.record);
    q.run();
  }
}

}  // namespace

class sqlite_store::reader_lease {
 public:
  explicit reader_lease(sqlite_store& store) : store_(store) {
    {
      std::lock_guard lock(store_.readers_mutex_);
      if (!store_.idle_readers_.empty()) {
        conn_ = std::move(store_.idle_readers_.back());
        store_.idle_readers_.pop_back();
      }
    }
    if (!conn_) {
      conn_ = std::make_unique<sqlite_connection>(store_.path_, false);
      conn_->exec("PRAGMA query_only=ON");
    }
  }
  ~reader_lease() {
    std::lock_guard lock(store_.readers_mutex_);
    if (store_.idle_readers_.size() < store_.options_.max_idle_readers) {
      store_.idle_readers_.push_back(std::move(conn_));
    }
  }
  sqlite_connection& operator*() { return *conn_; }
  sqlite_connection* operator->() { return conn_.get(); }

 private:
  sqlite_store& store_;
  std::unique_ptr<sqlite_connection> conn_;
};

sqlite_store::sqlite_store(std::string path, sqlite_store_options options)
    : path_(std::move(path)), options_(options), writer_(std::make_unique<sqlite_connection>(path_, true)) {
  migrate(*writer_);
}

sqlite_store::~sqlite_store() = default;

apply_result sqlite_store::apply_update(const update_batch& batch) {
  std::lock_guard lock(write_mutex_);
  sqlite_connection& conn = *writer_;
  sqlite_transaction tx(conn);
  apply_result result;
  result.outcomes.reserve(batch.items.size());
  std::vector<engagement_transaction> changes;
  const bool from_update = batch.origin == change_origin::update;

  for (const update_item& item : batch.items) {
    const engagement& in = item.change.record;
    const std::string id = engagement_id(in);
    if (!item.supersedes_id.empty() && item.supersedes_id != id) {
      if (auto old = load(conn, item.supersedes_id)) {
        erase(conn, item.supersedes_id);
        changes.push_back(notification_of(std::move(*old), true, batch.now_ts));
        ++result.superseded;
      }
    }
    std::optional<engagement> existing = load(conn, id);
    if (item.change.delete_flag) {
      if (!existing) {
        result.outcomes.push_back(change_outcome::unchanged);
        continue;
      }
      erase(conn, id);
      changes.push_back(notification_of(std::move(*existing), true,
                                        from_update ? batch.now_ts : in.update_time.value_or(batch.now_ts)));
      result.outcomes.push_back(change_outcome::deleted);
    } else if (existing) {
      // Everything else is the key, so only mostRecentContent can differ: an
      // identical post changes nothing and tells no one.
      if (existing->most_recent_content == in.most_recent_content) {
        result.outcomes.push_back(change_outcome::unchanged);
        continue;
      }
      existing->most_recent_content = in.most_recent_content;
      existing->update_time = from_update ? batch.now_ts : in.update_time.value_or(batch.now_ts);
      conn.query("UPDATE engagements SET most_recent_content = ?1, update_time = ?2 WHERE id = ?3")
          .bind(1, existing->most_recent_content)
          .bind(2, existing->update_time)
          .bind(3, id)
          .run();
      changes.push_back(notification_of(std::move(*existing), false, batch.now_ts));
      result.outcomes.push_back(change_outcome::updated);
    } else {
      engagement row = in;
      row.categorization = na_if_empty(row.categorization);
      row.business_object_instance_identifier = na_if_empty(row.business_object_instance_identifier);
      row.clinical_process_interest_id = na_if_empty(row.clinical_process_interest_id);
      if (!row.owner) row.owner = std::string();
      if (from_update) {
        row.creation_time = batch.now_ts;
        row.update_time.reset();
      } else if (!row.creation_time) {
        row.creation_time = batch.now_ts;
      }
      static const std::string sql = "INSERT INTO engagements (id, " + std::string(engagement_columns) +
                                      ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
      auto q = conn.query(sql);
      q.bind(1, id);
      bind_engagement(q, 2, row);
      q.run();
      changes.push_back(notification_of(std::move(row), false, batch.now_ts));
      result.outcomes.push_back(change_outcome::inserted);
    }
  }

  // Group per subscriber queue, keeping the order of application within each.
  std::vector<pending_queue> queues;
  for (const subscriber& s : batch.subscribers) {
    pending_queue pq{&s, {}};
    for (const auto& c : changes) {
      if (wants(s, c.record)) pq.transactions.push_back(c);
    }
    if (!pq.transactions.empty()) queues.push_back(std::move(pq));
  }
  for (const auto& pq : queues) enqueue(conn, pq, batch.now_ms);
  result.notifications = queues.size();

  tx.commit();
  return result;
}

std::vector<engagement> sqlite_store::find(const find_query& query) {
  struct filter {
    const std::optional<std::string>* value;
    const char* column;
    bool hsa_id;  // HSA-ids match whatever their case
  };
  const filter filters[] = {
      {&query.categorization, "categorization", false},
      {&query.logical_address, "logical_address", true},
      {&query.business_object_instance_identifier, "business_object_instance_id", false},
      {&query.clinical_process_interest_id, "clinical_process_interest_id", false},
      {&query.most_recent_content, "most_recent_content", false},
      {&query.source_system, "source_system", true},
      {&query.data_controller, "data_controller", false},
      {&query.owner, "owner", true},
  };
  std::string sql = "SELECT " + std::string(engagement_columns) +
                    " FROM engagements WHERE registered_resident_id = ?1 AND service_domain = ?2";
  int next = 3;
  for (const auto& f : filters) {
    if (!*f.value) continue;
    sql += std::string(" AND ") + f.column + " = ?" + std::to_string(next++) + (f.hsa_id ? " COLLATE NOCASE" : "");
  }
  sql += " ORDER BY creation_time, id";

  reader_lease conn(*this);
  auto q = conn->query(sql);  // one cached statement per combination of filters
  q.bind(1, query.registered_resident_identification).bind(2, query.service_domain);
  next = 3;
  for (const auto& f : filters) {
    if (*f.value) q.bind(next++, **f.value);
  }
  std::vector<engagement> out;
  while (q.step()) out.push_back(read_engagement(q, 0));
  return out;
}

std::optional<engagement> sqlite_store::get(const std::string& id) {
  reader_lease conn(*this);
  return load(*conn, id);
}

std::vector<outbox_entry> sqlite_store::due_notifications(std::int64_t now_ms, std::size_t limit,
                                                          std::span<const std::int64_t> exclude) {
  reader_lease conn(*this);
  // Only the head (lowest id) of each queue is eligible, so one failing
  // notification holds back the later ones to the same subscriber.
  auto q = conn->query(
      "SELECT o.id, o.logical_address, o.target, o.attempts, o.created_ms, o.next_attempt_ms FROM outbox o "
      "WHERE o.dead = 0 AND o.next_attempt_ms <= ?1 "
      "AND o.id = (SELECT MIN(p.id) FROM outbox p WHERE p.dead = 0 AND p.queue = o.queue) "
      "ORDER BY o.next_attempt_ms, o.id LIMIT ?2");
  q.bind(1, now_ms).bind(2, static_cast<std::int64_t>(limit + exclude.size()));
  std::vector<outbox_entry> out;
  while (q.step() && out.size() < limit) {
    const std::int64_t id = q.integer(0);
    if (std::find(exclude.begin(), exclude.end(), id) != exclude.end()) continue;
    outbox_entry e;
    e.id = id;
    e.logical_address = q.text(1);
    e.target = q.text(2);
    e.attempts = static_cast<int>(q.integer(3));
    e.created_ms = q.integer(4);
    e.next_attempt_ms = q.integer(5);
    out.push_back(std::move(e));
  }
  static const std::string items_sql = "SELECT delete_flag, " + std::string(engagement_columns) +
                                       " FROM outbox_items WHERE outbox_id = ?1 ORDER BY seq";
  for (auto& e : out) {
    auto items = conn->query(items_sql);
    items.bind(1, e.id);
    while (items.step()) e.transactions.push_back({items.integer(0) != 0, read_engagement(items, 1)});
  }
  return out;
}

std::optional<std::int64_t> sqlite_store::next_due_ms() {
  reader_lease conn(*this);
  auto q = conn->query(
      "SELECT MIN(o.next_attempt_ms) FROM outbox o WHERE o.dead = 0 "
      "AND o.id = (SELECT MIN(p.id) FROM outbox p WHERE p.dead = 0 AND p.queue = o.queue)");
  if (!q.step() || !q.optional_text(0)) return std::nullopt;
  return q.integer(0);
}

void sqlite_store::mark_delivered(std::int64_t id) {
  std::lock_guard lock(write_mutex_);
  sqlite_transaction tx(*writer_);
  writer_->query("DELETE FROM outbox WHERE id = ?1").bind(1, id).run();
  if (writer_->changes() > 0) writer_->exec("UPDATE outbox_totals SET delivered = delivered + 1 WHERE id = 1");
  tx.commit();
}

void sqlite_store::mark_failed(std::int64_t id, std::int64_t next_attempt_ms, const std::string& detail,
                               bool give_up) {
  std::lock_guard lock(write_mutex_);
  sqlite_transaction tx(*writer_);
  writer_
      ->query(
          "UPDATE outbox SET attempts = attempts + 1, next_attempt_ms = ?2, last_error = ?3, dead = ?4 "
          "WHERE id = ?1")
      .bind(1, id)
      .bind(2, next_attempt_ms)
      .bind(3, std::string_view(detail))
      .bind(4, static_cast<std::int64_t>(give_up ? 1 : 0))
      .run();
  if (writer_->changes() > 0) {
    writer_->exec("UPDATE outbox_totals SET failed_attempts = failed_attempts + 1 WHERE id = 1");
  }
  tx.commit();
}

outbox_counts sqlite_store::outbox_stats() {
  reader_lease conn(*this);
  auto q = conn->query(
      "SELECT (SELECT COUNT(*) FROM outbox WHERE dead = 0), (SELECT COUNT(*) FROM outbox WHERE dead = 1), "
      "delivered, failed_attempts FROM outbox_totals WHERE id = 1");
  outbox_counts c;
  if (q.step()) {
    c.pending = static_cast<std::uint64_t>(q.integer(0));
    c.dead = static_cast<std::uint64_t>(q.integer(1));
    c.delivered = static_cast<std::uint64_t>(q.integer(2));
    c.failed_attempts = static_cast<std::uint64_t>(q.integer(3));
  }
  return c;
}

int sqlite_store::schema_version() {
  reader_lease conn(*this);
  return current_version(*conn);
}

std::string sqlite_store::pragma(const std::string& name) {
  std::lock_guard lock(write_mutex_);
  return writer_->pragma_text(name);
}

}  // namespace tidnav::ei
