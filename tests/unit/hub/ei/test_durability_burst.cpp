// SPDX-License-Identifier: GPL-2.0-or-later
// kill -9 during a burst of Updates through the service, as the hub runs it:
// several threads send Update envelopes at once, each OK is reported on a
// pipe only after handle() answered it, and the process is killed at a random
// moment. Every post of every OK must be in the database afterwards, with its
// notification waiting in the outbox.
#include "hub/ei/ei_service.hpp"
#include "hub/ei/identity.hpp"
#include "hub/ei/sqlite_store.hpp"
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

constexpr int threads = 4;
constexpr int posts_per_update = 5;

struct ack {
  std::int64_t thread = 0;
  std::int64_t update = 0;
};

engagement post(std::int64_t thread, std::int64_t update, int k) {
  auto e = test::sample(0);
  e.business_object_instance_identifier =
      "BURST-" + std::to_string(thread) + "-" + std::to_string(update) + "-" + std::to_string(k);
  return e;
}

const std::vector<subscriber>& subscribers() {
  static const std::vector<subscriber> subs = {{"SE2321000016-SUB1", "route:sub1", "riv:crm:scheduling", {}}};
  return subs;
}

[[noreturn]] void child(const std::string& path, int ack_fd) {
  try {
    sqlite_store store(path);
    ei_config cfg;
    cfg.subscribers = subscribers();
    ei_service service(store, cfg);
    std::vector<std::thread> senders;
    for (std::int64_t t = 0; t < threads; ++t) {
      senders.emplace_back([&, t] {
        for (std::int64_t u = 0;; ++u) {
          std::vector<engagement_transaction> txs;
          for (int k = 0; k < posts_per_update; ++k) txs.push_back(test::upsert(post(t, u, k)));
          call_context ctx;
          ctx.consumer_hsa_id = "SE2321000016-SYS1";
          ctx.logical_address = "5565594230";
          const auto reply = service.handle("", test::update_envelope("5565594230", txs), ctx);
          if (reply.http_status != 200) ::_exit(4);
          const ack a{t, u};
          // 16 bytes: one atomic pipe write, whichever thread writes.
          if (::write(ack_fd, &a, sizeof a) != static_cast<ssize_t>(sizeof a)) ::_exit(3);
        }
      });
    }
    for (auto& s : senders) s.join();
  } catch (...) {
    ::_exit(2);
  }
  ::_exit(5);
}


}  // namespace

TEST_CASE("kill -9 during a burst of concurrent Updates loses no acknowledged post", "[ei][durability]") {
  test::temp_dir dir;
  const std::string path = dir.file("ei.db");
  { sqlite_store create(path); }

  std::random_device rd;
  const int kill_after = 40 + static_cast<int>(rd() % 120);

  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::close(fds[0]);
    child(path, fds[1]);
  }
  ::close(fds[1]);

  std::set<std::pair<std::int64_t, std::int64_t>> acked;
  ack a;
  while (static_cast<int>(acked.size()) < kill_after && test::read_record(fds[0], a, 30000)) acked.insert({a.thread, a.update});
  ::kill(pid, SIGKILL);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  INFO("child status " << status);
  CHECK(WIFSIGNALED(status));
  while (test::read_record(fds[0], a, 100)) acked.insert({a.thread, a.update});
  ::close(fds[0]);
  REQUIRE(static_cast<int>(acked.size()) >= kill_after);
  INFO(acked.size() << " Updates acknowledged before SIGKILL");

  std::set<std::int64_t> threads_seen;
  for (const auto& [t, u] : acked) threads_seen.insert(t);
  CHECK(threads_seen.size() > 1);  // it was a concurrent burst

  sqlite_store store(path);
  CHECK(store.pragma("integrity_check") == "ok");
  std::size_t missing = 0;
  for (const auto& [t, u] : acked) {
    for (int k = 0; k < posts_per_update; ++k) {
      auto e = post(t, u, k);
      e.owner = "5565594230";
      if (!store.get(engagement_id(e))) ++missing;
    }
  }
  CHECK(missing == 0);
  // One notification per acknowledged Update, still waiting for its subscriber.
  CHECK(store.outbox_stats().pending >= acked.size());
}
