// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "hub/obs/call_log.hpp"
#include "hub/obs/call_log_metrics.hpp"

using namespace tidnav::obs;
namespace fs = std::filesystem;

namespace {

// Collects lines from the writer thread.
struct collector {
  std::mutex mu;
  std::vector<std::string> lines;

  std::unique_ptr<log_output> output() {
    return function_output([this](std::string_view l) {
      const std::lock_guard lock(mu);
      lines.emplace_back(l);
    });
  }
  std::vector<nlohmann::json> parsed() {
    const std::lock_guard lock(mu);
    std::vector<nlohmann::json> out;
    for (const auto& l : lines) out.push_back(nlohmann::json::parse(l));
    return out;
  }
};

call_record record(std::string id) {
  call_record r;
  r.correlation_id = std::move(id);
  r.consumer = "SE2321000016-92V4";
  r.contract = "urn:riv:crm:scheduling:MakeBookingResponder:1";
  r.outcome = "ok";
  r.http_status = 200;
  return r;
}

std::vector<nlohmann::json> read_json_lines(const fs::path& p) {
  std::ifstream in(p);
  std::vector<nlohmann::json> out;
  for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
  return out;
}

struct temp_dir {
  fs::path path;
  temp_dir() {
    std::random_device rd;
    path = fs::temp_directory_path() /
           ("tidnav_obs_" + std::to_string(::getpid()) + "_" + std::to_string(rd()));
    fs::create_directories(path);
  }
  ~temp_dir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

}  // namespace

TEST_CASE("obs: records are written as JSON lines in submit order once flush returns", "[obs][call_log]") {
  collector c;
  call_log log(c.output());
  for (int i = 0; i < 1000; ++i) {
    auto r = record("id-" + std::to_string(i));
    REQUIRE(log.submit(std::move(r)));
  }
  log.flush();
  const auto lines = c.parsed();
  REQUIRE(lines.size() == 1000);
  for (int i = 0; i < 1000; ++i) {
    CHECK(lines[static_cast<std::size_t>(i)].at("correlation_id") == "id-" + std::to_string(i));
    CHECK(lines[static_cast<std::size_t>(i)].at("event") == "call");
  }
  CHECK(log.submitted() == 1000);
  CHECK(log.written() == 1000);
  CHECK(log.dropped() == 0);
}

TEST_CASE("obs: submit moves the record and stamps an unset timestamp", "[obs][call_log]") {
  collector c;
  call_log log(c.output());
  auto r = record("a-long-correlation-id-that-is-not-small-string-optimised");
  REQUIRE(log.submit(std::move(r)));
  CHECK(r.correlation_id.empty());  // NOLINT(bugprone-use-after-move): moved into the ring
  log.flush();
  const auto lines = c.parsed();
  REQUIRE(lines.size() == 1);
  const std::string ts = lines[0].at("ts");
  CHECK_FALSE(ts.starts_with("1970"));
  CHECK(ts.size() == 24);
}

TEST_CASE("obs: concurrent submitters: every record arrives, each thread's in order", "[obs][call_log]") {
  collector c;
  call_log log(c.output(), {.capacity = 1 << 16});
  constexpr int threads = 4;
  constexpr int per_thread = 5000;
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (int i = 0; i < per_thread; ++i) log.submit(record(std::to_string(t) + ":" + std::to_string(i)));
    });
  }
  for (auto& th : pool) th.join();
  log.flush();
  const auto lines = c.parsed();
  REQUIRE(lines.size() == threads * per_thread);
  std::vector<int> next(threads, 0);
  bool in_order = true;
  for (const auto& j : lines) {
    const std::string id = j.at("correlation_id");
    const auto colon = id.find(':');
    const auto t = static_cast<std::size_t>(std::stoi(id.substr(0, colon)));
    in_order = in_order && std::stoi(id.substr(colon + 1)) == next[t];
    ++next[t];
  }
  CHECK(in_order);
}

TEST_CASE("obs: a full queue drops and counts; the writer reports the drops in the log", "[obs][call_log]") {
  std::promise<void> entered;
  std::promise<void> release;
  auto released = release.get_future().share();
  bool first = true;
  std::mutex mu;
  std::vector<std::string> lines;
  call_log log(function_output([&](std::string_view l) {
                 if (first) {
                   first = false;
                   entered.set_value();
                   released.wait();  // the output stalls, like a full disk or a blocked pipe
                 }
                 const std::lock_guard lock(mu);
                 lines.emplace_back(l);
               }),
               {.capacity = 2});
  REQUIRE(log.capacity() == 2);
  REQUIRE(log.submit(record("r1")));
  entered.get_future().wait();  // the writer holds r1 and is stuck in the output
  CHECK(log.submit(record("r2")));
  CHECK(log.submit(record("r3")));
  CHECK_FALSE(log.submit(record("r4")));
  CHECK_FALSE(log.submit(record("r5")));
  CHECK_FALSE(log.submit(record("r6")));
  CHECK(log.dropped() == 3);
  release.set_value();
  log.flush();
  const std::lock_guard lock(mu);
  REQUIRE(lines.size() == 4);
  CHECK(nlohmann::json::parse(lines[0]).at("correlation_id") == "r1");
  CHECK(nlohmann::json::parse(lines[1]).at("correlation_id") == "r2");
  CHECK(nlohmann::json::parse(lines[2]).at("correlation_id") == "r3");
  const auto drop = nlohmann::json::parse(lines[3]);
  CHECK(drop.at("event") == "log_dropped");
  CHECK(drop.at("count") == 3);
}

TEST_CASE("obs: the destructor drains what was submitted", "[obs][call_log]") {
  collector c;
  {
    call_log log(c.output(), {.capacity = 1024});
    for (int i = 0; i < 500; ++i) log.submit(record(std::to_string(i)));
  }
  CHECK(c.parsed().size() == 500);
}

TEST_CASE("obs: a failing output is counted and the writer keeps going", "[obs][call_log]") {
  std::vector<std::string> lines;
  call_log log(function_output([&](std::string_view l) {
    if (l.find("\"boom\"") != std::string_view::npos) throw std::runtime_error("output failed");
    lines.emplace_back(l);
  }));
  log.submit(record("boom"));
  log.flush();
  log.submit(record("fine"));
  log.flush();
  CHECK(log.write_errors() == 1);
  CHECK(log.written() == 1);
  REQUIRE(lines.size() == 1);
  CHECK(nlohmann::json::parse(lines[0]).at("correlation_id") == "fine");
}

TEST_CASE("obs: reopen after a logrotate-style rename writes to the new file", "[obs][call_log]") {
  temp_dir dir;
  const fs::path path = dir.path / "calls.log";
  const fs::path rotated = dir.path / "calls.log.1";
  call_log log(file_output(path.string()));
  log.submit(record("before"));
  log.flush();
  fs::rename(path, rotated);
  log.submit(record("late"));  // still goes to the renamed file: it is the open one
  log.flush();
  REQUIRE(log.reopen());
  log.submit(record("after"));
  log.flush();

  const auto old_lines = read_json_lines(rotated);
  REQUIRE(old_lines.size() == 2);
  CHECK(old_lines[0].at("correlation_id") == "before");
  CHECK(old_lines[1].at("correlation_id") == "late");
  const auto new_lines = read_json_lines(path);
  REQUIRE(new_lines.size() == 1);
  CHECK(new_lines[0].at("correlation_id") == "after");
}

TEST_CASE("obs: a failed reopen keeps the old file and says so", "[obs][call_log]") {
  temp_dir dir;
  const fs::path sub = dir.path / "logs";
  fs::create_directories(sub);
  call_log log(file_output((sub / "calls.log").string()));
  log.submit(record("one"));
  log.flush();
  fs::rename(sub, dir.path / "moved");  // the directory is gone: the path cannot be opened
  CHECK_FALSE(log.reopen());
  log.submit(record("two"));
  log.flush();
  const auto lines = read_json_lines(dir.path / "moved" / "calls.log");
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].at("correlation_id") == "one");
  CHECK(lines[1].at("event") == "log_reopen_failed");
  CHECK(lines[2].at("correlation_id") == "two");
}

TEST_CASE("obs: file_output appends to an existing file and throws when it cannot open", "[obs][call_log]") {
  temp_dir dir;
  const fs::path path = dir.path / "calls.log";
  std::ofstream(path) << "{\"existing\":true}\n";
  {
    call_log log(file_output(path.string()));
    log.submit(record("x"));
  }
  const auto lines = read_json_lines(path);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].at("existing") == true);
  CHECK_THROWS_AS(file_output((dir.path / "missing" / "calls.log").string()), std::system_error);
}

TEST_CASE("obs: call log counters are exposed as metrics", "[obs][call_log]") {
  collector c;
  call_log log(c.output(), {.capacity = 8});
  registry reg;
  register_call_log_metrics(reg, log);
  log.submit(record("1"));
  log.flush();
  const std::string text = reg.render();
  CHECK(text.find("tidnav_call_log_submitted_total 1\n") != std::string::npos);
  CHECK(text.find("tidnav_call_log_written_total 1\n") != std::string::npos);
  CHECK(text.find("tidnav_call_log_dropped_total 0\n") != std::string::npos);
  CHECK(text.find("tidnav_call_log_queue_capacity 8\n") != std::string::npos);
}
