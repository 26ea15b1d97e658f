// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/ei/identity.hpp"
#include "hub/ei/migrations.hpp"
#include "hub/ei/sqlite_db.hpp"
#include "hub/ei/sqlite_store.hpp"
#include "tests/unit/hub/ei/ei_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <map>
#include <thread>

using namespace tidnav::ei;
using test::remove;
using test::sample;
using test::temp_dir;
using test::upsert;

namespace {

constexpr const char* own = "5565594230";

engagement owned(engagement e, const char* owner = own) {
  e.owner = owner;
  return e;
}

update_batch batch_of(std::vector<engagement_transaction> txs, const std::string& now = "20270101120000",
                      std::span<const subscriber> subs = {}) {
  update_batch b;
  b.now_ts = now;
  b.now_ms = 1000;
  b.subscribers = subs;
  for (auto& t : txs) b.items.push_back({std::move(t), {}});
  return b;
}

std::vector<change_outcome> apply(sqlite_store& s, std::vector<engagement_transaction> txs,
                                  const std::string& now = "20270101120000") {
  return s.apply_update(batch_of(std::move(txs), now)).outcomes;
}

find_query person(const char* domain = "riv:crm:scheduling") {
  find_query q;
  q.registered_resident_identification = "191212121212";
  q.service_domain = domain;
  return q;
}

}  // namespace

TEST_CASE("a new database is migrated to the latest schema, once", "[ei][store]") {
  temp_dir dir;
  const int latest = all_migrations().back().version;
  {
    sqlite_store s(dir.file("ei.db"));
    CHECK(s.schema_version() == latest);
  }
  sqlite_store again(dir.file("ei.db"));  // reopening applies nothing twice
  CHECK(again.schema_version() == latest);
  sqlite_connection raw(dir.file("ei.db"), false);
  auto q = raw.query("SELECT version, name FROM schema_migrations ORDER BY version");
  int n = 0;
  while (q.step()) {
    CHECK(q.integer(0) == all_migrations()[n].version);
    CHECK(q.text(1) == all_migrations()[n].name);
    ++n;
  }
  CHECK(n == static_cast<int>(all_migrations().size()));
}

TEST_CASE("a database from a newer tidnav is refused", "[ei][store]") {
  temp_dir dir;
  { sqlite_store s(dir.file("ei.db")); }
  {
    sqlite_connection raw(dir.file("ei.db"), false);
    raw.exec("INSERT INTO schema_migrations VALUES (999, 'future', datetime('now'))");
  }
  CHECK_THROWS_AS(sqlite_store(dir.file("ei.db")), store_error);
}

TEST_CASE("the store runs in WAL mode with synchronous=FULL", "[ei][store]") {
  temp_dir dir;
  sqlite_store s(dir.file("ei.db"));
  CHECK(s.pragma("journal_mode") == "wal");
  CHECK(s.pragma("synchronous") == "2");  // FULL
  CHECK(s.pragma("foreign_keys") == "1");
  CHECK(s.pragma("integrity_check") == "ok");
}

TEST_CASE("FindContent's lookup is served by an index", "[ei][store]") {
  temp_dir dir;
  { sqlite_store s(dir.file("ei.db")); }
  sqlite_connection raw(dir.file("ei.db"), false);
  auto q = raw.query(
      "EXPLAIN QUERY PLAN SELECT * FROM engagements WHERE registered_resident_id = 'x' AND service_domain = 'y'");
  std::string plan;
  while (q.step()) plan += q.text(3) + "\n";
  INFO(plan);
  CHECK(plan.find("engagements_by_resident") != std::string::npos);
}

TEST_CASE("insert, update in place, unchanged and delete", "[ei][store]") {
  temp_dir dir;
  sqlite_store s(dir.file("ei.db"));
  const auto post = owned(sample(1));
  const std::string id = engagement_id(post);

  CHECK(apply(s, {upsert(post)}, "20270101120000") == std::vector{change_outcome::inserted});
  auto stored = s.get(id);
  REQUIRE(stored);
  CHECK(stored->creation_time == "20270101120000");
  CHECK_FALSE(stored->update_time);
  CHECK(stored->owner == own);

  SECTION("an identical post changes nothing") {
    CHECK(apply(s, {upsert(post)}, "20270102120000") == std::vector{change_outcome::unchanged});
    CHECK(s.get(id) == stored);
  }
  SECTION("a new mostRecentContent updates in place and stamps updateTime") {
    auto later = post;
    later.most_recent_content = "20270201080000";
    CHECK(apply(s, {upsert(later)}, "20270103120000") == std::vector{change_outcome::updated});
    auto now = s.get(id);
    REQUIRE(now);
    CHECK(now->most_recent_content == "20270201080000");
    CHECK(now->creation_time == "20270101120000");
    CHECK(now->update_time == "20270103120000");
    CHECK(s.find(person()).size() == 1);
  }
  SECTION("dropping mostRecentContent is a change too") {
    auto none = post;
    none.most_recent_content.reset();
    CHECK(apply(s, {upsert(none)}) == std::vector{change_outcome::updated});
    CHECK_FALSE(s.get(id)->most_recent_content);
  }
  SECTION("deleteFlag deletes, a second delete finds nothing") {
    CHECK(apply(s, {remove(post)}) == std::vector{change_outcome::deleted});
    CHECK_FALSE(s.get(id));
    CHECK(apply(s, {remove(post)}) == std::vector{change_outcome::unchanged});
  }
  SECTION("an HSA-id in another case is the same post") {
    auto shouting = post;
    shouting.logical_address = "se2321000016-abc1";
    shouting.most_recent_content = "20280101000000";
    CHECK(apply(s, {upsert(shouting)}) == std::vector{change_outcome::updated});
    CHECK(s.get(id)->logical_address == "SE2321000016-ABC1");  // first spelling kept
  }
  SECTION("one batch, several outcomes, in order") {
    auto later = post;
    later.most_recent_content = "20290101000000";
    CHECK(apply(s, {upsert(owned(sample(2))), upsert(later), upsert(owned(sample(3))), remove(owned(sample(3))),
                    remove(owned(sample(9)))}) ==
          std::vector{change_outcome::inserted, change_outcome::updated, change_outcome::inserted,
                      change_outcome::deleted, change_outcome::unchanged});
    CHECK(s.find(person()).size() == 2);
  }
}

TEST_CASE("a failing batch leaves nothing behind", "[ei][store]") {
  temp_dir dir;
  sqlite_store s(dir.file("ei.db"));
  {
    sqlite_connection raw(dir.file("ei.db"), false);
    // Makes the third insert fail inside the transaction.
    raw.exec(
        "CREATE TRIGGER refuse BEFORE INSERT ON engagements WHEN NEW.business_object_instance_id = 'BKG-3' "
        "BEGIN SELECT RAISE(ABORT, 'refused by test'); END");
  }
  subscriber all{"SE2321000016-SUB1", "https://sub.example/pn", "", {}};
  std::vector<subscriber> subs{all};
  auto b = batch_of({upsert(owned(sample(1))), upsert(owned(sample(2))), upsert(owned(sample(3)))}, "20270101120000",
                    subs);
  CHECK_THROWS_AS(s.apply_update(b), store_error);
  CHECK(s.find(person()).empty());
  CHECK(s.outbox_stats().pending == 0);
  // The writer is usable again afterwards.
  CHECK(apply(s, {upsert(owned(sample(1)))}) == std::vector{change_outcome::inserted});
}

TEST_CASE("notifications keep owner and times as sent", "[ei][store]") {
  temp_dir dir;
  sqlite_store s(dir.file("ei.db"));
  auto post = owned(sample(1), "SE2321000016-NAT1");
  post.creation_time = "20250101000000";
  post.update_time = "20250102000000";
  update_batch b = batch_of({upsert(post)}, "20270101120000");
  b.origin = change_origin::notification;
  CHECK(s.apply_update(b).outcomes == std::vector{change_outcome::inserted});
  auto stored = s.get(engagement_id(post));
  REQUIRE(stored);
  CHECK(stored->creation_time == "20250101000000");
  CHECK(stored->update_time == "20250102000000");
  CHECK(stored->owner == "SE2321000016-NAT1");
}

TEST_CASE("an owner change removes the older copy in the same transaction", "[ei][store]") {
  temp_dir dir;
  sqlite_store s(dir.file("ei.db"));
  const auto ours = owned(sample(1));
  apply(s, {upsert(ours)});
  auto theirs = owned(sample(1), "SE2321000016-NAT1");
  theirs.creation_time = "20250101000000";
  update_batch b = batch_of({upsert(theirs)});
  b.origin = change_origin::notification;
  b.items[0].supersedes_id = engagement_id(ours);
  const auto r = s.apply_update(b);
  CHECK(r.outcomes == std::vector{change_outcome::inserted});
  CHECK(r.superseded == 1);
  const auto found = s.find(person());
  REQUIRE(found.size() == 1);
  CHECK(found[0].owner == "SE2321000016-NAT1");
}

TEST_CASE("FindContent filters by exact match on every given field", "[ei][store]") {
  temp_dir dir;
  sqlite_store s(dir.file("ei.db"));
  auto a = owned(sample(1));
  auto b = owned(sample(2));
  b.categorization = "Booking";
  b.logical_address = "SE2321000016-DEF2";
  b.clinical_process_interest_id = "c0ffee";
  b.most_recent_content = "20270301000000";
  b.source_system = "SE2321000016-SYS2";
  b.data_controller = "2321000016";
  auto c = owned(sample(3), "SE2321000016-NAT1");
  auto other_person = owned(sample(4));
  other_person.registered_resident_identification = "197710102384";
  auto other_domain = owned(sample(5));
  other_domain.service_domain = "riv:supportprocess:logistics:scheduling";
  update_batch batch = batch_of({upsert(a), upsert(b), upsert(other_person), upsert(other_domain)});
  s.apply_update(batch);
  update_batch from_peer = batch_of({upsert(c)});
  from_peer.origin = change_origin::notification;
  s.apply_update(from_peer);

  auto ids = [&](const find_query& q) {
    std::vector<std::string> out;
    for (const auto& e : s.find(q)) out.push_back(e.business_object_instance_identifier);
    std::sort(out.begin(), out.end());
    return out;
  };
  using v = std::vector<std::string>;
  CHECK(ids(person()) == v{"BKG-1", "BKG-2", "BKG-3"});
  CHECK(ids(person("riv:supportprocess:logistics:scheduling")) == v{"BKG-5"});
  CHECK(ids(person("riv:other")).empty());

  struct row {
    const char* name;
    void (*set)(find_query&);
    v expected;
  };
  const std::vector<row> rows = {
      {"categorization", [](find_query& q) { q.categorization = "Booking"; }, {"BKG-2"}},
      {"categorization is case-sensitive", [](find_query& q) { q.categorization = "booking"; }, {}},
      {"logicalAddress", [](find_query& q) { q.logical_address = "SE2321000016-DEF2"; }, {"BKG-2"}},
      {"logicalAddress ignores case", [](find_query& q) { q.logical_address = "se2321000016-def2"; }, {"BKG-2"}},
      {"businessObjectInstanceIdentifier", [](find_query& q) { q.business_object_instance_identifier = "BKG-3"; },
       {"BKG-3"}},
      {"clinicalProcessInterestId", [](find_query& q) { q.clinical_process_interest_id = "NA"; },
       {"BKG-1", "BKG-3"}},
      {"mostRecentContent is exact, not a lower bound",
       [](find_query& q) { q.most_recent_content = "20270301000000"; }, {"BKG-2"}},
      {"sourceSystem", [](find_query& q) { q.source_system = "SE2321000016-SYS1"; }, {"BKG-1", "BKG-3"}},
      {"dataController", [](find_query& q) { q.data_controller = "2321000016"; }, {"BKG-2"}},
      {"owner", [](find_query& q) { q.owner = "SE2321000016-NAT1"; }, {"BKG-3"}},
      {"owner ignores case", [](find_query& q) { q.owner = "se2321000016-nat1"; }, {"BKG-3"}},
      {"filters combine with AND",
       [](find_query& q) {
         q.source_system = "SE2321000016-SYS1";
         q.owner = own;
       },
       {"BKG-1"}},
      {"no match", [](find_query& q) { q.business_object_instance_identifier = "nope"; }, {}},
  };
  for (const auto& r : rows) {
    DYNAMIC_SECTION(r.name) {
      auto q = person();
      r.set(q);
      CHECK(ids(q) == r.expected);
    }
  }
}

TEST_CASE("changes are queued per subscriber in the same transaction; identical posts queue nothing",
          "[ei][store][outbox]") {
  temp_dir dir;
  sqlite_store s(dir.file("ei.db"));
  const std::vector<subscriber> subs = {
      {"SE2321000016-ALL", "https://all.example/pn", "", {}},
      {"SE2321000016-CRM", "route:crm", "RIV:CRM:SCHEDULING", {}},  // domain compared without case
      {"SE2321000016-BKG", "route:bkg", "riv:crm:scheduling", {"booking", "Invitation"}},
      {"SE2321000016-V2", "route:v2", "riv:supportprocess:logistics:scheduling", {}},
      {"5565594230", "route:self", "", {}},  // owns the posts: never told about them
  };
  auto booking = owned(sample(2));
  booking.categorization = "Booking";
  auto r = s.apply_update(batch_of({upsert(owned(sample(1))), upsert(booking)}, "20270101120000", subs));
  CHECK(r.notifications == 3);

  auto due = s.due_notifications(2000, 10, {});
  REQUIRE(due.size() == 3);
  std::map<std::string, std::vector<std::string>> got;
  for (const auto& e : due) {
    for (const auto& t : e.transactions) got[e.logical_address].push_back(t.record.business_object_instance_identifier);
  }
  CHECK(got["SE2321000016-ALL"] == std::vector<std::string>{"BKG-1", "BKG-2"});
  CHECK(got["SE2321000016-CRM"] == std::vector<std::string>{"BKG-1", "BKG-2"});
  CHECK(got["SE2321000016-BKG"] == std::vector<std::string>{"BKG-2"});
  CHECK(got.count("SE2321000016-V2") == 0);
  CHECK(got.count("5565594230") == 0);

  const auto& first = due[0].transactions[0].record;
  CHECK(first.owner == own);
  CHECK(first.creation_time == "20270101120000");
  CHECK(first.update_time == "20270101120000");  // a notification always says when

  // Re-posting the same content is not a change: nothing more is queued.
  auto again = s.apply_update(batch_of({upsert(owned(sample(1))), upsert(booking)}, "20270102120000", subs));
  CHECK(again.outcomes == std::vector{change_outcome::unchanged, change_outcome::unchanged});
  CHECK(again.notifications == 0);
  CHECK(s.outbox_stats().pending == 3);

  // A delete is told without mostRecentContent, stamped with its time.
  s.apply_update(batch_of({remove(owned(sample(1)))}, "20270103120000", subs));
  CHECK(s.outbox_stats().pending == 5);
}

TEST_CASE("the outbox keeps each subscriber's queue in order", "[ei][store][outbox]") {
  temp_dir dir;
  sqlite_store s(dir.file("ei.db"));
  const std::vector<subscriber> subs = {{"SE2321000016-A", "a", "", {}}, {"SE2321000016-B", "b", "", {}}};
  s.apply_update(batch_of({upsert(owned(sample(1)))}, "20270101120000", subs));
  s.apply_update(batch_of({remove(owned(sample(1)))}, "20270101120001", subs));

  auto heads = s.due_notifications(2000, 10, {});
  REQUIRE(heads.size() == 2);  // only the first of each queue
  for (const auto& h : heads) CHECK_FALSE(h.transactions[0].delete_flag);

  // A failed head holds its queue back; the other queue moves on.
  const auto a = heads[0].logical_address == "SE2321000016-A" ? heads[0] : heads[1];
  const auto b = heads[0].logical_address == "SE2321000016-A" ? heads[1] : heads[0];
  s.mark_failed(a.id, 5000, "down", false);
  s.mark_delivered(b.id);
  auto next = s.due_notifications(2000, 10, {});
  REQUIRE(next.size() == 1);
  CHECK(next[0].logical_address == "SE2321000016-B");
  CHECK(next[0].transactions[0].delete_flag);
  CHECK_FALSE(next[0].transactions[0].record.most_recent_content);
  CHECK(next[0].transactions[0].record.update_time == "20270101120001");
  CHECK(s.next_due_ms() == 1000);  // B's second entry was due at 1000

  // In-flight entries are excluded on request.
  const std::int64_t in_flight[] = {next[0].id};
  CHECK(s.due_notifications(2000, 10, in_flight).empty());

  auto later = s.due_notifications(5000, 10, in_flight);
  REQUIRE(later.size() == 1);
  CHECK(later[0].id == a.id);
  CHECK(later[0].attempts == 1);

  s.mark_failed(a.id, 6000, "gone", true);  // gave up: the rest of A's queue may go
  auto after = s.due_notifications(6000, 10, in_flight);
  REQUIRE(after.size() == 1);
  CHECK(after[0].logical_address == "SE2321000016-A");
  CHECK(after[0].transactions[0].delete_flag);

  const auto c = s.outbox_stats();
  CHECK(c.pending == 2);
  CHECK(c.dead == 1);
  CHECK(c.delivered == 1);
  CHECK(c.failed_attempts == 2);
}

TEST_CASE("readers are not blocked by an open write transaction", "[ei][store]") {
  temp_dir dir;
  sqlite_store s(dir.file("ei.db"));
  apply(s, {upsert(owned(sample(1)))});
  sqlite_connection other_writer(dir.file("ei.db"), false);
  sqlite_transaction held(other_writer);  // holds the write lock
  other_writer.exec("DELETE FROM engagements");
  // The store's readers see the last commit at once.
  CHECK(s.find(person()).size() == 1);
}

TEST_CASE("concurrent writers and readers all succeed", "[ei][store]") {
  temp_dir dir;
  sqlite_store s(dir.file("ei.db"));
  std::vector<std::thread> threads;
  std::atomic<int> errors{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      try {
        for (int i = 0; i < 25; ++i) {
          apply(s, {upsert(owned(sample(t * 100 + i)))});
          if (s.find(person()).empty()) ++errors;
        }
      } catch (const std::exception&) {
        ++errors;
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(errors == 0);
  CHECK(s.find(person()).size() == 100);
}
