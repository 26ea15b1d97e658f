// SPDX-License-Identifier: GPL-2.0-or-later
// An acknowledged Update must survive the process dying at any instant. A
// child process applies batches in a loop and reports each one on a pipe only
// after apply_update has returned; the parent kills it with SIGKILL at a
// random moment and checks that everything reported is in the database.
#include "hub/ei/identity.hpp"
#include "hub/ei/outbox_worker.hpp"
#include "hub/ei/sqlite_store.hpp"
#include "hub/ei/timestamp.hpp"
#include "tests/unit/hub/ei/ei_test_support.hpp"
#include "tests/unit/hub/ei/pipe_record.hpp"

#include <catch2/catch.hpp>

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <random>
#include <set>
#include <thread>

using namespace tidnav::ei;
using namespace std::chrono_literals;

namespace {

const std::vector<subscriber>& subscribers() {
  static const std::vector<subscriber> subs = {{"SE2321000016-SUB1", "route:sub1", "", {}}};
  return subs;
}

engagement post(const std::string& boi) {
  auto e = test::sample(0);
  e.business_object_instance_identifier = boi;
  e.owner = "5565594230";
  return e;
}

std::string ts_of(std::int64_t i) {
  return stockholm_ts(std::chrono::system_clock::time_point(std::chrono::seconds(1800000000 + i)));
}

update_batch batch_for(std::int64_t i) {
  update_batch b;
  b.now_ts = ts_of(i);
  b.now_ms = 0;
  b.subscribers = subscribers();
  b.items.push_back({test::upsert(post("TX-" + std::to_string(i) + "-a")), {}});
  b.items.push_back({test::upsert(post("TX-" + std::to_string(i) + "-b")), {}});
  auto counter = post("COUNTER");
  counter.most_recent_content = ts_of(i);
  b.items.push_back({test::upsert(counter), {}});
  return b;
}

[[noreturn]] void child(const std::string& path, int ack_fd) {
  try {
    sqlite_store store(path);
    for (std::int64_t i = 0;; ++i) {
      store.apply_update(batch_for(i));
      const char* p = reinterpret_cast<const char*>(&i);
      std::size_t left = sizeof i;
      while (left > 0) {
        const ssize_t n = ::write(ack_fd, p, left);
        if (n <= 0) ::_exit(3);
        p += n;
        left -= static_cast<std::size_t>(n);
      }
    }
  } catch (...) {
    ::_exit(2);
  }
}


}  // namespace

TEST_CASE("every acknowledged Update survives kill -9, and its notifications go out after", "[ei][durability]") {
  test::temp_dir dir;
  const std::string path = dir.file("ei.db");
  { sqlite_store create(path); }  // migrate before the race starts

  // Kill after a random number of acknowledgements, so the kill lands at a
  // different point of the commit cycle on every run.
  std::random_device rd;
  const int kill_after = 50 + static_cast<int>(rd() % 150);

  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::close(fds[0]);
    child(path, fds[1]);
  }
  ::close(fds[1]);

  std::set<std::int64_t> acked;
  std::int64_t i = 0;
  while (static_cast<int>(acked.size()) < kill_after && test::read_record(fds[0], i, 30000)) acked.insert(i);
  ::kill(pid, SIGKILL);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGKILL);
  // Acknowledgements written before the kill count too.
  while (test::read_record(fds[0], i, 100)) acked.insert(i);
  ::close(fds[0]);
  REQUIRE(static_cast<int>(acked.size()) >= kill_after);
  INFO(acked.size() << " batches acknowledged before SIGKILL");

  sqlite_store store(path);
  CHECK(store.pragma("integrity_check") == "ok");
  std::int64_t max_acked = -1;
  std::size_t missing = 0;
  for (std::int64_t n : acked) {
    max_acked = std::max(max_acked, n);
    for (const char* side : {"-a", "-b"}) {
      if (!store.get(engagement_id(post("TX-" + std::to_string(n) + side)))) ++missing;
    }
  }
  CHECK(missing == 0);
  const auto counter = store.get(engagement_id(post("COUNTER")));
  REQUIRE(counter);
  REQUIRE(counter->most_recent_content);
  CHECK(*counter->most_recent_content >= ts_of(max_acked));

  // One outbox entry per committed batch for the one subscriber, all still pending.
  const auto pending = store.outbox_stats().pending;
  CHECK(pending >= acked.size());

  test::fake_sender sender;
  outbox_worker_config cfg;
  cfg.poll_interval = 20ms;
  cfg.max_in_flight = 32;
  outbox_worker worker(store, sender, cfg);
  worker.start();
  const auto until = std::chrono::steady_clock::now() + 60s;
  while (worker.metrics().stored.delivered < pending && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(10ms);
  }
  worker.stop();
  CHECK(store.outbox_stats().delivered == pending);
  std::set<std::string> told;
  for (const auto& a : sender.attempts()) {
    for (std::int64_t n : acked) {
      const std::string needle = "TX-" + std::to_string(n) + "-a<";
      if (a.n.envelope.find(needle) != std::string::npos) told.insert(needle);
    }
  }
  CHECK(told.size() == acked.size());
}
