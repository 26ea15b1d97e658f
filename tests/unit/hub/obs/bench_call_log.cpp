// SPDX-License-Identifier: GPL-2.0-or-later
// Micro benchmark, not a test. A call_log writing to /dev/null (real formatting
// and write(2) calls, no disk), three ways:
//   burst:     1M records from 2 threads as fast as they can (the queue overflows)
//   writer:    1M records from 1 thread that retries when full (writer capacity)
//   paced:     2 threads at 25k records/s each for 2 s (the hub's target load)
//   bench_call_log [records] [capacity] [output-path]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <algorithm>
#include <thread>
#include <vector>

#include "hub/obs/call_log.hpp"

using namespace tidnav::obs;
using clk = std::chrono::steady_clock;

namespace {

call_record make_record(int thread, int i) {
  call_record r;
  r.event = call_event::call;
  r.timestamp = std::chrono::system_clock::now();  // the pipeline stamps the call's start, not submit()
  r.correlation_id = "5b1f0c3e-8a8e-4c55-9d0c-" + std::to_string(1000000 * thread + i);
  r.consumer = "SE2321000016-92V4";
  r.contract = "urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1";
  r.operation = "urn:riv:crm:scheduling:GetSubjectOfCareSchedule:1:rivtabp21";
  r.logical_address = "SE2321000016-15CQ";
  r.riv_profile_in = "RIVTABP21";
  r.riv_profile_out = "RIVTABP21";
  r.producer = "https://cosmic.region.example:8443/tidbok/GetSubjectOfCareSchedule";
  r.outcome = "ok";
  r.http_status = 200;
  r.hub_us = 85;
  r.producer_us = 41230;
  r.attempts = 1;
  r.request_bytes = 1402;
  r.response_bytes = 8812;
  r.connection_id = static_cast<std::uint64_t>(i % 64);
  r.remote_ip = "10.20.30.40";
  r.tls_protocol = "TLSv1.3";
  return r;
}

void burst(int total, std::size_t capacity, const std::string& path) {
  constexpr int threads = 2;
  constexpr int chunk = 1024;  // records built before each timed run of submits
  const int per_thread = total / threads;
  call_log log(file_output(path), {.capacity = capacity});
  std::vector<double> submit_ns(threads);
  const auto start = clk::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      std::vector<call_record> batch(chunk);
      clk::duration in_submit{};
      for (int done = 0; done < per_thread; done += chunk) {
        const int n = std::min(chunk, per_thread - done);
        for (int i = 0; i < n; ++i) batch[static_cast<std::size_t>(i)] = make_record(t, done + i);
        const auto s = clk::now();
        for (int i = 0; i < n; ++i) log.submit(std::move(batch[static_cast<std::size_t>(i)]));
        in_submit += clk::now() - s;
      }
      submit_ns[static_cast<std::size_t>(t)] =
          std::chrono::duration<double, std::nano>(in_submit).count() / per_thread;
    });
  }
  for (auto& th : pool) th.join();
  log.flush();
  const double secs = std::chrono::duration<double>(clk::now() - start).count();
  std::printf("burst:  %d records from %d threads, capacity %zu\n", per_thread * threads, threads, log.capacity());
  std::printf("  submit(): %.1f / %.1f ns per call (threads 0/1; accepted and dropped calls together)\n",
              submit_ns[0], submit_ns[1]);
  std::printf("  written %llu, dropped %llu, in %.3f s = %.0f records/s written\n",
              static_cast<unsigned long long>(log.written()), static_cast<unsigned long long>(log.dropped()), secs,
              static_cast<double>(log.written()) / secs);
}

void writer_capacity(int total, std::size_t capacity, const std::string& path) {
  call_log log(file_output(path), {.capacity = capacity});
  const auto start = clk::now();
  for (int i = 0; i < total; ++i) {
    call_record r = make_record(0, i);
    while (!log.submit(std::move(r))) std::this_thread::yield();  // r is untouched when refused
  }
  log.flush();
  const double secs = std::chrono::duration<double>(clk::now() - start).count();
  std::printf("writer: %llu records from 1 thread retrying when full: %.0f records/s written (%llu refused "
              "submits retried)\n",
              static_cast<unsigned long long>(log.written()), static_cast<double>(log.written()) / secs,
              static_cast<unsigned long long>(log.dropped()));
}

void paced(std::size_t capacity, const std::string& path) {
  constexpr int threads = 2;
  constexpr int per_tick = 250;  // per thread per 10 ms = 25k/s per thread
  constexpr int ticks = 200;     // 2 s
  call_log log(file_output(path), {.capacity = capacity});
  std::vector<double> submit_ns(threads);
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      std::vector<call_record> batch(per_tick);
      clk::duration in_submit{};
      auto next = clk::now();
      for (int k = 0; k < ticks; ++k) {
        for (int i = 0; i < per_tick; ++i) batch[static_cast<std::size_t>(i)] = make_record(t, k * per_tick + i);
        const auto s = clk::now();
        for (int i = 0; i < per_tick; ++i) log.submit(std::move(batch[static_cast<std::size_t>(i)]));
        in_submit += clk::now() - s;
        next += std::chrono::milliseconds(10);
        std::this_thread::sleep_until(next);
      }
      submit_ns[static_cast<std::size_t>(t)] =
          std::chrono::duration<double, std::nano>(in_submit).count() / (per_tick * ticks);
    });
  }
  for (auto& th : pool) th.join();
  log.flush();
  std::printf("paced:  50k records/s from 2 threads for 2 s: submit() %.1f / %.1f ns per call, written %llu, "
              "dropped %llu\n",
              submit_ns[0], submit_ns[1], static_cast<unsigned long long>(log.written()),
              static_cast<unsigned long long>(log.dropped()));
}

}  // namespace

int main(int argc, char** argv) {
  const int total = argc > 1 ? std::atoi(argv[1]) : 1000000;
  const std::size_t capacity = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 65536;
  const std::string path = argc > 3 ? argv[3] : "/dev/null";
  std::printf("bench_call_log: output %s, sizeof(call_record) %zu bytes\n", path.c_str(), sizeof(call_record));
  burst(total, capacity, path);
  writer_capacity(total, capacity, path);
  paced(capacity, path);
  return 0;
}
