// SPDX-License-Identifier: GPL-2.0-or-later
// Micro benchmark, not a test: cost of the hot-path operations from 1 and 2 threads.
//   bench_metrics [iterations-per-thread]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "hub/obs/registry.hpp"

using namespace tidnav::obs;
using clk = std::chrono::steady_clock;

namespace {

double ns_per_op(int threads, long iterations, const std::function<void(int, long)>& body) {
  std::vector<std::thread> pool;
  const auto start = clk::now();
  for (int t = 0; t < threads; ++t) pool.emplace_back([&, t] { body(t, iterations); });
  for (auto& th : pool) th.join();
  // Wall time per operation per thread: what one request pays.
  return std::chrono::duration<double, std::nano>(clk::now() - start).count() / static_cast<double>(iterations);
}

}  // namespace

int main(int argc, char** argv) {
  const long n = argc > 1 ? std::atol(argv[1]) : 10000000;
  registry reg;
  counter& total = reg.add_counter("requests_total", "r");
  auto& calls = reg.add_counter_family("calls_total", "c", {"contract", "outcome"});
  const std::vector<std::string> contracts = {
      "urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1",
      "urn:riv:crm:scheduling:MakeBookingResponder:1",
      "urn:riv:crm:scheduling:CancelBookingResponder:1",
      "urn:riv:crm:scheduling:UpdateBookingResponder:1",
  };
  for (const auto& c : contracts) calls.with_labels({c, "ok"});
  auto& latency = reg.add_histogram_family("call_seconds", "l", {"contract"});
  histogram& lat0 = latency.with_labels({contracts[0]});
  histogram& lat1 = latency.with_labels({contracts[1]});

  std::printf("bench_metrics: %ld operations per thread\n", n);
  for (const int threads : {1, 2}) {
    const double inc = ns_per_op(threads, n, [&](int, long k) {
      for (long i = 0; i < k; ++i) total.inc();
    });
    const double lookup = ns_per_op(threads, n / 10, [&](int t, long k) {
      for (long i = 0; i < k; ++i) calls.with_labels({contracts[static_cast<std::size_t>(i + t) % 4], "ok"}).inc();
    });
    const double observe_shared = ns_per_op(threads, n, [&](int, long k) {
      for (long i = 0; i < k; ++i) lat0.observe(static_cast<double>(i % 5000) * 1e-5);
    });
    const double observe_own = ns_per_op(threads, n, [&](int t, long k) {
      histogram& h = t == 0 ? lat0 : lat1;
      for (long i = 0; i < k; ++i) h.observe(static_cast<double>(i % 5000) * 1e-5);
    });
    std::printf("  %d thread(s): counter.inc (same counter) %.1f ns | with_labels(2 labels)+inc %.1f ns | "
                "histogram.observe same child %.1f ns, own child %.1f ns\n",
                threads, inc, lookup, observe_shared, observe_own);
  }
  const auto s = clk::now();
  std::string text;
  for (int i = 0; i < 1000; ++i) {
    text.clear();
    reg.render(text);
  }
  std::printf("  render(): %.1f us for %zu bytes (total checksum %llu)\n",
              std::chrono::duration<double, std::micro>(clk::now() - s).count() / 1000, text.size(),
              static_cast<unsigned long long>(total.value()));
  return 0;
}
