// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>

#include "hub/audit/audit_log.hpp"

using namespace tidnav::audit;
using namespace std::chrono_literals;

namespace {

// A store that keeps records in memory and fails while `failing` is set, or
// blocks while `blocked` is set (a stalled disk).
struct fake_store final : audit_store {
  struct shared {
    std::mutex mutex;
    std::vector<audit_record> rows;
    std::atomic<bool> failing{false};
    std::atomic<bool> blocked{false};
    std::atomic<int> appends{0};
  };
  explicit fake_store(std::shared_ptr<shared> s) : s_(std::move(s)) {}
  void append(std::span<const audit_record> records) override {
    ++s_->appends;
    while (s_->blocked) std::this_thread::sleep_for(1ms);
    if (s_->failing) throw audit_error("disk full");
    std::lock_guard lock(s_->mutex);
    s_->rows.insert(s_->rows.end(), records.begin(), records.end());
  }
  std::vector<audit_record> query(const audit_query&) override { return {}; }
  std::shared_ptr<shared> s_;
};

struct reports {
  std::mutex mutex;
  std::vector<std::string> events;
  report_fn fn() {
    return [this](std::string_view, std::string_view event, const std::string& detail) {
      std::lock_guard lock(mutex);
      events.push_back(std::string(event) + ": " + detail);
    };
  }
  bool has(std::string_view event) {
    std::lock_guard lock(mutex);
    for (const auto& e : events)
      if (e.starts_with(event)) return true;
    return false;
  }
};

audit_record rec(int i) {
  audit_record r;
  r.at_ms = i;
  r.correlation_id = "c" + std::to_string(i);
  r.person = "191212121212";
  return r;
}

}  // namespace

TEST_CASE("submitted records are written in order and flush waits for them", "[audit]") {
  auto s = std::make_shared<fake_store::shared>();
  audit_log log(std::make_unique<fake_store>(s));
  for (int i = 0; i < 100; ++i) REQUIRE(log.submit(rec(i)));
  REQUIRE(log.flush(5s));
  std::lock_guard lock(s->mutex);
  REQUIRE(s->rows.size() == 100);
  for (int i = 0; i < 100; ++i) CHECK(s->rows[static_cast<std::size_t>(i)].correlation_id == "c" + std::to_string(i));
  CHECK(log.written() == 100);
  CHECK(log.dropped() == 0);
}

TEST_CASE("a full queue drops, counts and reports loudly", "[audit]") {
  auto s = std::make_shared<fake_store::shared>();
  reports rep;
  audit_log_options o;
  o.capacity = 4;
  o.report = rep.fn();
  s->blocked = true;
  audit_log log(std::make_unique<fake_store>(s), o);
  REQUIRE(log.submit(rec(0)));
  // Wait until the writer holds record 0 in a (blocked) append, so the queue is empty again.
  for (int i = 0; i < 2000 && s->appends == 0; ++i) std::this_thread::sleep_for(1ms);
  REQUIRE(s->appends == 1);
  int accepted = 0;
  for (int i = 1; i <= 10; ++i) accepted += log.submit(rec(i)) ? 1 : 0;
  CHECK(accepted == 4);
  CHECK(log.dropped() == 6);
  s->blocked = false;
  REQUIRE(log.flush(5s));
  for (int i = 0; i < 2000 && !rep.has("audit_dropped"); ++i) std::this_thread::sleep_for(1ms);
  CHECK(rep.has("audit_dropped: 6 audit records dropped"));
  CHECK(log.written() == 5);
}

TEST_CASE("a failing store keeps the records and retries until it works", "[audit]") {
  auto s = std::make_shared<fake_store::shared>();
  reports rep;
  audit_log_options o;
  o.retry = 10ms;
  o.report = rep.fn();
  s->failing = true;
  audit_log log(std::make_unique<fake_store>(s), o);
  for (int i = 0; i < 3; ++i) REQUIRE(log.submit(rec(i)));
  CHECK_FALSE(log.flush(100ms));
  CHECK(log.write_errors() >= 1);
  CHECK(rep.has("audit_write_failed"));
  s->failing = false;
  REQUIRE(log.flush(5s));
  std::lock_guard lock(s->mutex);
  CHECK(s->rows.size() == 3);
  CHECK(log.dropped() == 0);
}

TEST_CASE("shutdown writes what is queued, or says how much was lost", "[audit]") {
  auto s = std::make_shared<fake_store::shared>();
  {
    audit_log log(std::make_unique<fake_store>(s));
    for (int i = 0; i < 50; ++i) log.submit(rec(i));
  }
  CHECK(s->rows.size() == 50);

  auto broken = std::make_shared<fake_store::shared>();
  broken->failing = true;
  reports rep;
  {
    audit_log_options o;
    o.retry = 5ms;
    o.report = rep.fn();
    audit_log log(std::make_unique<fake_store>(broken), o);
    for (int i = 0; i < 7; ++i) log.submit(rec(i));
  }
  CHECK(rep.has("audit_lost: 7 audit records"));
}
