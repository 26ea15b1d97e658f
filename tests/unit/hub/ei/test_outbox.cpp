// SPDX-License-Identifier: GPL-2.0-or-later
#include "contracts/schema_validator.hpp"
#include "contracts/soap_fault.hpp"
#include "hub/ei/ei_codec.hpp"
#include "hub/ei/outbox_backoff.hpp"
#include "hub/ei/outbox_worker.hpp"
#include "hub/ei/sqlite_store.hpp"
#include "hub/ei/timestamp.hpp"
#include "tests/unit/hub/ei/ei_test_support.hpp"

#include <catch2/catch.hpp>

#include <limits>
#include <mutex>
#include <thread>

using namespace tidnav::ei;
using namespace std::chrono_literals;
using test::fake_sender;
using test::sample;
using test::temp_dir;
using test::upsert;

namespace {

std::int64_t to_unix_ms_now() { return to_unix_ms(std::chrono::system_clock::now()); }

bool eventually(const std::function<bool()>& pred, std::chrono::milliseconds timeout = 10s) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < until) {
    if (pred()) return true;
    std::this_thread::sleep_for(5ms);
  }
  return pred();
}

const std::vector<subscriber>& subscribers() {
  static const std::vector<subscriber> subs = {{"SE2321000016-SUB1", "https://sub1.example/pn", "", {}}};
  return subs;
}

void enqueue(sqlite_store& s, int n, bool del = false) {
  update_batch b;
  b.now_ts = "20270101120000";
  b.now_ms = to_unix_ms_now();
  b.subscribers = subscribers();
  auto e = sample(n);
  e.owner = "5565594230";
  b.items.push_back({del ? test::remove(e) : upsert(e), {}});
  s.apply_update(b);
}

outbox_worker_config fast(int initial_ms = 40, int max_ms = 100) {
  outbox_worker_config c;
  c.backoff.initial = std::chrono::milliseconds(initial_ms);
  c.backoff.max = std::chrono::milliseconds(max_ms);
  c.backoff.multiplier = 2.0;
  c.backoff.jitter = 0.0;
  c.poll_interval = 20ms;
  return c;
}

// Never answers: for the send timeout.
class silent_sender : public notification_sender {
 public:
  void send(const outbound_notification&, std::function<void(bool, std::string)> done) override {
    std::lock_guard lock(mutex_);
    pending_.push_back(std::move(done));
  }
  std::size_t count() {
    std::lock_guard lock(mutex_);
    return pending_.size();
  }
  // Answers the i-th send (0-based), once.
  void answer(std::size_t i, bool ok) {
    std::function<void(bool, std::string)> d;
    {
      std::lock_guard lock(mutex_);
      d = std::move(pending_.at(i));
      pending_.at(i) = nullptr;
    }
    if (d) d(ok, "answer of send " + std::to_string(i));
  }

 private:
  std::mutex mutex_;
  std::vector<std::function<void(bool, std::string)>> pending_;
};

}  // namespace

TEST_CASE("back-off doubles from the initial delay up to the cap", "[ei][outbox]") {
  backoff_policy p;
  p.initial = 100ms;
  p.max = 1000ms;
  p.multiplier = 2.0;
  p.jitter = 0.0;
  const std::pair<int, long> rows[] = {{1, 100}, {2, 200}, {3, 400}, {4, 800}, {5, 1000}, {6, 1000}, {1000, 1000}};
  for (auto [attempt, ms] : rows) {
    INFO(attempt);
    CHECK(retry_delay(p, attempt, 0.5).count() == ms);
  }
}

TEST_CASE("back-off jitter stays within its share and under the cap", "[ei][outbox]") {
  backoff_policy p;
  p.initial = 1000ms;
  p.max = 10000ms;
  p.jitter = 0.2;
  CHECK(retry_delay(p, 1, 0.0).count() == 800);
  CHECK(retry_delay(p, 1, 0.5).count() == 1000);
  CHECK(retry_delay(p, 1, 0.999).count() >= 1199);
  CHECK(retry_delay(p, 20, 1.0).count() == 10000);  // never above the cap
}

TEST_CASE("giving up only with a configured attempt limit", "[ei][outbox]") {
  backoff_policy p;
  CHECK_FALSE(give_up(p, 1000000));
  p.max_attempts = 3;
  CHECK_FALSE(give_up(p, 2));
  CHECK(give_up(p, 3));
}

TEST_CASE("a notification failing N times is retried with growing delays, then delivered", "[ei][outbox]") {
  temp_dir dir;
  sqlite_store store(dir.file("ei.db"));
  fake_sender sender(3);
  outbox_worker worker(store, sender, fast(40, 100));
  enqueue(store, 1);
  worker.start();
  REQUIRE(eventually([&] { return worker.metrics().stored.delivered == 1; }));

  const auto attempts = sender.attempts();
  REQUIRE(attempts.size() == 4);
  for (std::size_t i = 0; i < attempts.size(); ++i) CHECK(attempts[i].n.attempt == static_cast<int>(i) + 1);
  const long expected_gap_ms[] = {40, 80, 100};  // the third is capped
  for (std::size_t i = 1; i < attempts.size(); ++i) {
    const auto gap = std::chrono::duration_cast<std::chrono::milliseconds>(attempts[i].at - attempts[i - 1].at);
    INFO("gap " << i << ": " << gap.count() << " ms");
    CHECK(gap.count() >= expected_gap_ms[i - 1] - 2);
    CHECK(gap.count() < expected_gap_ms[i - 1] + 1000);
  }
  const auto m = worker.metrics();
  CHECK(m.stored.pending == 0);
  CHECK(m.stored.failed_attempts == 3);
  CHECK(m.stored.dead == 0);
  CHECK(m.in_flight == 0);
}

TEST_CASE("what is sent is a schema-valid ProcessNotification to the subscriber", "[ei][outbox]") {
  temp_dir dir;
  sqlite_store store(dir.file("ei.db"));
  fake_sender sender;
  outbox_worker worker(store, sender, fast());
  enqueue(store, 1);
  worker.start();
  REQUIRE(sender.wait_for([](const auto& a) { return !a.empty(); }));
  const auto n = sender.attempts().front().n;
  CHECK(n.logical_address == "SE2321000016-SUB1");
  CHECK(n.target == "https://sub1.example/pn");
  CHECK(n.soap_action == "urn:riv:itintegration:engagementindex:ProcessNotificationResponder:1:ProcessNotification");
  CHECK(n.transactions == 1);
  tidnav::contracts::schema_validator validator;
  const auto issues = validator.validate_envelope(n.envelope, tidnav::contracts::family::ei1);
  for (const auto& i : issues) UNSCOPED_INFO(i.line << ": " << i.message);
  CHECK(issues.empty());
  CHECK(n.envelope.find("<itr:LogicalAddress>SE2321000016-SUB1</itr:LogicalAddress>") != std::string::npos);
  CHECK(n.envelope.find("<ei:owner>5565594230</ei:owner>") != std::string::npos);
  CHECK(n.envelope.find("<ei:creationTime>20270101120000</ei:creationTime>") != std::string::npos);
  CHECK(n.envelope.find("<ei:updateTime>20270101120000</ei:updateTime>") != std::string::npos);
}

TEST_CASE("a subscriber gets its notifications in order even across failures", "[ei][outbox]") {
  temp_dir dir;
  sqlite_store store(dir.file("ei.db"));
  fake_sender sender(2);
  outbox_worker worker(store, sender, fast(10, 20));
  enqueue(store, 1);
  enqueue(store, 1, true);
  enqueue(store, 2);
  worker.start();
  REQUIRE(eventually([&] { return worker.metrics().stored.delivered == 3; }));
  std::vector<std::int64_t> ids;
  for (const auto& a : sender.attempts()) {
    if (ids.empty() || ids.back() != a.n.id) ids.push_back(a.n.id);
  }
  REQUIRE(ids.size() == 3);  // no interleaving: each entry is finished before the next starts
  CHECK(std::is_sorted(ids.begin(), ids.end()));
}

TEST_CASE("pending notifications survive a restart, attempts included", "[ei][outbox]") {
  temp_dir dir;
  fake_sender sender(1);
  {
    sqlite_store store(dir.file("ei.db"));
    enqueue(store, 1);
    enqueue(store, 2);
    outbox_worker worker(store, sender, fast(60000, 60000));  // the retry is far away
    worker.start();
    REQUIRE(sender.wait_for([](const auto& a) { return a.size() == 1; }));
    REQUIRE(eventually([&] { return worker.metrics().stored.failed_attempts == 1; }));
    worker.stop();
    CHECK(store.outbox_stats().pending == 2);
  }
  // Restart: a new store and worker on the same file. The failed entry keeps
  // its attempt count and its schedule, so make it due now.
  {
    sqlite_store store(dir.file("ei.db"));
    CHECK(store.outbox_stats().pending == 2);
    CHECK(store.outbox_stats().failed_attempts == 1);
    const auto head = store.due_notifications(std::numeric_limits<std::int64_t>::max(), 10, {});
    REQUIRE(head.size() == 1);
    CHECK(head[0].attempts == 1);
    store.mark_failed(head[0].id, 0, "test: retry now", false);
    sender.set_failures(0);
    outbox_worker worker(store, sender, fast());
    worker.start();
    REQUIRE(eventually([&] { return worker.metrics().stored.delivered == 2; }));
    const auto attempts = sender.attempts();
    REQUIRE(attempts.size() == 3);
    CHECK(attempts[1].n.id == attempts[0].n.id);
    CHECK(attempts[1].n.attempt == 3);  // two failures are on record
    CHECK(store.outbox_stats().pending == 0);
  }
}

TEST_CASE("entries enqueued while no worker runs are delivered after a restart", "[ei][outbox]") {
  temp_dir dir;
  {
    sqlite_store store(dir.file("ei.db"));
    for (int i = 0; i < 5; ++i) enqueue(store, i);
  }
  sqlite_store store(dir.file("ei.db"));
  fake_sender sender;
  outbox_worker worker(store, sender, fast());
  worker.start();
  REQUIRE(eventually([&] { return worker.metrics().stored.delivered == 5; }));
  CHECK(store.outbox_stats().pending == 0);
}

TEST_CASE("with an attempt limit a notification is given up and counted dead", "[ei][outbox]") {
  temp_dir dir;
  sqlite_store store(dir.file("ei.db"));
  fake_sender sender(1000);
  auto cfg = fast(5, 10);
  cfg.backoff.max_attempts = 3;
  outbox_worker worker(store, sender, cfg);
  enqueue(store, 1);
  enqueue(store, 2);
  worker.start();
  REQUIRE(eventually([&] { return worker.metrics().stored.dead == 2; }));
  const auto m = worker.metrics();
  CHECK(m.stored.pending == 0);
  CHECK(m.stored.failed_attempts == 6);
  CHECK(m.stored.delivered == 0);
  CHECK(sender.attempts().size() == 6);
}

TEST_CASE("a send that never answers times out; its late answer is ignored", "[ei][outbox]") {
  temp_dir dir;
  sqlite_store store(dir.file("ei.db"));
  silent_sender sender;
  auto cfg = fast(10, 10);
  cfg.send_timeout = 300ms;
  outbox_worker worker(store, sender, cfg);
  enqueue(store, 1);
  worker.start();
  REQUIRE(eventually([&] { return sender.count() == 2; }));  // timed out, then sent again
  CHECK(store.outbox_stats().failed_attempts == 1);
  sender.answer(0, false);  // the first send's answer is too late to count
  CHECK(store.outbox_stats().failed_attempts == 1);
  sender.answer(1, true);
  CHECK(worker.metrics().stored.delivered == 1);
  CHECK(worker.metrics().stored.pending == 0);
}

TEST_CASE("wake() delivers at once instead of at the next poll", "[ei][outbox]") {
  temp_dir dir;
  sqlite_store store(dir.file("ei.db"));
  fake_sender sender;
  auto cfg = fast();
  cfg.poll_interval = 60s;
  outbox_worker worker(store, sender, cfg);
  worker.start();
  std::this_thread::sleep_for(50ms);  // the worker is asleep now
  enqueue(store, 1);
  worker.wake();
  CHECK(eventually([&] { return worker.metrics().stored.delivered == 1; }, 5s));
}

TEST_CASE("notification_accepted reads the subscriber's answer", "[ei][outbox]") {
  std::string detail;
  std::string err;
  const auto ok = write_notification_response(result_code::ok, std::nullopt, err);
  const auto info = write_notification_response(result_code::info, std::string("skipped one"), err);
  const auto error = write_notification_response(result_code::error, std::string("no"), err);
  CHECK(notification_accepted(200, ok, detail));
  CHECK(notification_accepted(200, info, detail));
  CHECK(detail == "skipped one");
  CHECK_FALSE(notification_accepted(200, error, detail));
  CHECK(detail.find("ERROR: no") != std::string::npos);
  CHECK_FALSE(notification_accepted(500, tidnav::contracts::make_soap_fault(true, "EI004: bad"), detail));
  CHECK(detail.find("EI004: bad") != std::string::npos);
  CHECK_FALSE(notification_accepted(502, "<html>bad gateway</html>", detail));
}
