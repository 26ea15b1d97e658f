// SPDX-License-Identifier: GPL-2.0-or-later
// Supervised children with /bin/sh standing in for tidnav: readiness from a
// port file, a child that dies is reported with its log, stop reaps, and no
// child outlives a supervisor that is killed with SIGKILL.
#include <catch2/catch.hpp>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

#include "tools/sandbox/supervisor.hpp"

using namespace tidnav::sandbox;
using namespace std::chrono_literals;

namespace {

std::filesystem::path fresh_dir(const std::string& name) {
  auto d = std::filesystem::temp_directory_path() / ("tidnav-sup-" + std::to_string(::getpid()) + "-" + name);
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  return d;
}

child_spec sh(const std::filesystem::path& dir, const std::string& name, const std::string& script) {
  return {name, {"-c", script}, dir / (name + ".log"), dir / (name + ".port")};
}

bool gone(pid_t pid) {
  if (::kill(pid, 0) != 0) return true;
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string pid_s, comm, state;
  stat >> pid_s >> comm >> state;
  return state == "Z" || state.empty();
}

}  // namespace

TEST_CASE("sandbox supervisor: port files", "[sandbox][supervisor]") {
  CHECK(parse_port_file("https 8443\nhttp 8080\nadmin 23000\n") ==
        std::map<std::string, unsigned>{{"admin", 23000}, {"http", 8080}, {"https", 8443}});
  CHECK(parse_port_file("40123\n") == std::map<std::string, unsigned>{{"port", 40123}});
  CHECK(parse_port_file("401").empty());  // no newline yet: still being written
  CHECK(parse_port_file("").empty());
  CHECK(parse_port_file("port 0\nx 70000\ny abc\n").empty());
}

TEST_CASE("sandbox supervisor: a child becomes ready, then stops and is reaped", "[sandbox][supervisor]") {
  block_sandbox_signals();
  const auto dir = fresh_dir("ready");
  supervisor sup("/bin/sh");
  const auto spec = sh(dir, "worker", "echo started; sleep 0.2; echo 4711 > " + (dir / "worker.port").string() +
                                          "; exec sleep 30");
  sup.start(spec);
  CHECK(sup.running("worker"));
  bool probed = false;
  const auto outcome = sup.wait_ready("worker", 10s, [&](const std::map<std::string, unsigned>& ports) {
    probed = ports.at("port") == 4711;
    return probed;
  });
  CHECK(outcome == wait_outcome::ready);
  CHECK(probed);
  const pid_t pid = sup.pids().at("worker");
  sup.stop("worker", 2s);
  CHECK(!sup.running("worker"));
  CHECK(gone(pid));
  CHECK(!sup.take_exit());  // a stop we asked for is not a failure
  CHECK(sup.log_tail("worker").find("started") != std::string::npos);
}

TEST_CASE("sandbox supervisor: a child that dies is named, with the tail of its log", "[sandbox][supervisor]") {
  block_sandbox_signals();
  const auto dir = fresh_dir("dies");
  supervisor sup("/bin/sh");
  sup.start(sh(dir, "broken", "echo 'config: no such file' >&2; exit 3"));
  const auto outcome = sup.wait_ready("broken", 10s, [](const auto&) { return true; });
  CHECK(outcome == wait_outcome::child_exited);
  auto e = sup.take_exit();
  REQUIRE(e);
  CHECK(e->name == "broken");
  CHECK(e->describe() == "exited with status 3");
  CHECK(sup.log_tail("broken") == "config: no such file\n");
}

TEST_CASE("sandbox supervisor: a child that never gets ready times out", "[sandbox][supervisor]") {
  block_sandbox_signals();
  const auto dir = fresh_dir("slow");
  supervisor sup("/bin/sh");
  sup.start(sh(dir, "silent", "exec sleep 30"));
  CHECK(sup.wait_ready("silent", 300ms, [](const auto&) { return true; }) == wait_outcome::timed_out);
  sup.stop_all(1s);
  CHECK(!sup.running("silent"));
}

TEST_CASE("sandbox supervisor: a child that ignores SIGTERM is killed after the grace time", "[sandbox][supervisor]") {
  block_sandbox_signals();
  const auto dir = fresh_dir("stubborn");
  supervisor sup("/bin/sh");
  sup.start(sh(dir, "stubborn", "trap '' TERM; echo 1 > " + (dir / "stubborn.port").string() + "; while :; do sleep 1; done"));
  REQUIRE(sup.wait_ready("stubborn", 10s, [](const auto&) { return true; }) == wait_outcome::ready);
  const pid_t pid = sup.pids().at("stubborn");
  const auto t0 = std::chrono::steady_clock::now();
  sup.stop("stubborn", 300ms);
  CHECK(std::chrono::steady_clock::now() - t0 < 5s);
  CHECK(gone(pid));
}

TEST_CASE("sandbox supervisor: children die with a supervisor killed by SIGKILL", "[sandbox][supervisor]") {
  const auto dir = fresh_dir("orphans");
  const auto pid_file = dir / "grandchild.pid";
  const pid_t middle = ::fork();
  REQUIRE(middle >= 0);
  if (middle == 0) {
    block_sandbox_signals();
    supervisor sup("/bin/sh");
    sup.start(sh(dir, "grandchild", "echo $$ > " + pid_file.string() + ".tmp; mv " + pid_file.string() + ".tmp " +
                                        pid_file.string() + "; exec sleep 60"));
    for (;;) ::pause();
  }
  pid_t grandchild = 0;
  for (int i = 0; i < 500 && grandchild == 0; ++i) {
    std::ifstream in(pid_file);
    in >> grandchild;
    if (grandchild == 0) std::this_thread::sleep_for(10ms);
  }
  REQUIRE(grandchild > 0);
  CHECK(!gone(grandchild));
  ::kill(middle, SIGKILL);
  ::waitpid(middle, nullptr, 0);
  bool dead = false;
  for (int i = 0; i < 500 && !dead; ++i) {
    dead = gone(grandchild);
    if (!dead) std::this_thread::sleep_for(10ms);
  }
  CHECK(dead);
  if (!dead) ::kill(grandchild, SIGKILL);
}
