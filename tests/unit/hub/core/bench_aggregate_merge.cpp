// SPDX-License-Identifier: GPL-2.0-or-later
// Time to merge 4 unit answers x 100 bookings, for crm 1.1 GetSubjectOfCareSchedule
// and 2.0 GetAppointments (plus the two timeslot kinds for reference). Each merge
// is timed on its own; prints mean and p99 in microseconds. The answers are
// built once from the fixtures (compact, as JAXB/CXF producers send, and
// indented like the fixtures), with interleaved start times and a few
// duplicates across units, so sorting and de-duplication do real work.
// Wall time is what a caller waits; thread CPU time leaves out the time the
// thread was not running (the project machine is shared: read both).
//
// The hub keeps freed memory in the process (hub/app/memory_policy); the
// bench does the same unless given --glibc-defaults, which shows what the
// merge costs when every large buffer is a fresh mapping.
//
//   bench_aggregate_merge [iterations=1000] [--glibc-defaults] [--only <kind>]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <numeric>
#include <string>
#include <vector>

#include "aggregate_fixtures.hpp"
#include "hub/app/memory_policy.hpp"
#include "hub/core/aggregate_merge.hpp"

using namespace tidnav::core;
using tidnav::test::booking;

namespace {

constexpr int units = 4;
constexpr int per_unit = 100;

std::vector<unit_answer> answers_for(aggregate_kind k, bool indent) {
  std::vector<unit_answer> out;
  for (int u = 0; u < units; ++u) {
    const std::string unit = "SE2321000016-U00" + std::to_string(u);
    std::vector<booking> bookings;
    for (int i = 0; i < per_unit; ++i) {
      // Every 10th booking is also reported by the next unit (same unit and id): a duplicate.
      const bool dup = u > 0 && i % 10 == 0;
      const int owner = dup ? u - 1 : u;
      const int n = owner * per_unit + i;
      const std::string owner_unit = "SE2321000016-U00" + std::to_string(owner);
      bookings.push_back({owner_unit, tidnav::test::uuid_for(n), tidnav::test::ts_plus_minutes((i * 97 + owner * 13) % 20000)});
    }
    unit_answer a;
    a.logical_address = unit;
    a.ok = true;
    a.body = tidnav::test::make_answer(k, bookings, indent);
    out.push_back(std::move(a));
  }
  return out;
}

double thread_cpu_us() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

struct stats {
  double mean = 0;
  double p99 = 0;
};

stats summarise(std::vector<double>& us) {
  std::sort(us.begin(), us.end());
  stats s;
  s.mean = std::accumulate(us.begin(), us.end(), 0.0) / static_cast<double>(us.size());
  s.p99 = us[std::min(us.size() - 1, static_cast<std::size_t>(static_cast<double>(us.size()) * 0.99))];
  return s;
}

void run(aggregate_kind k, bool indent, int iterations) {
  const std::vector<unit_answer> answers = answers_for(k, indent);
  std::size_t input_bytes = 0;
  for (const auto& a : answers) input_bytes += a.body.size();
  std::vector<double> wall;
  std::vector<double> cpu;
  wall.reserve(static_cast<std::size_t>(iterations));
  cpu.reserve(static_cast<std::size_t>(iterations));
  std::size_t out_bytes = 0;
  for (int i = 0; i < iterations + 20; ++i) {
    std::vector<unit_answer> in = answers;  // the merge parses in place; the hub hands over the received bodies
    const double c0 = thread_cpu_us();
    const auto t0 = std::chrono::steady_clock::now();
    const std::string merged = merge_answers(k, std::move(in), "20260310142535");
    const auto t1 = std::chrono::steady_clock::now();
    const double c1 = thread_cpu_us();
    out_bytes = merged.size();
    if (i >= 20) {  // 20 warm-up rounds
      wall.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
      cpu.push_back(c1 - c0);
    }
  }
  const stats w = summarise(wall);
  const stats c = summarise(cpu);
  std::printf("%-16s %-8s %dx%d in %7zu B out %7zu B | wall mean %7.1f us p99 %7.1f us | cpu mean %7.1f us p99 %7.1f us | n=%d\n",
              std::string(to_string(k)).c_str(), indent ? "indented" : "compact", units, per_unit, input_bytes, out_bytes,
              w.mean, w.p99, c.mean, c.p99, iterations);
}

}  // namespace

int main(int argc, char** argv) {
  int iterations = 1000;
  bool glibc_defaults = false;
  std::string only;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--glibc-defaults") {
      glibc_defaults = true;
    } else if (arg == "--only" && i + 1 < argc) {
      only = argv[++i];
    } else {
      iterations = std::max(1, std::atoi(argv[i]));
    }
  }
  if (glibc_defaults) {
    std::printf("memory: glibc defaults\n");
  } else {
    std::printf("memory: %s\n", tidnav::app::keep_freed_memory().detail.c_str());
  }
  for (const bool indent : {false, true}) {
    for (const aggregate_kind k : {aggregate_kind::schedule_11, aggregate_kind::appointments_20,
                                   aggregate_kind::timeslots_20, aggregate_kind::timeslots_11}) {
      if (only.empty() || only == to_string(k)) run(k, indent, iterations);
    }
  }
  return 0;
}
