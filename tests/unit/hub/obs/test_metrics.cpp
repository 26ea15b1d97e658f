// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "hub/obs/registry.hpp"

using namespace tidnav::obs;

namespace {

const std::string overflow_header =
    "# HELP tidnav_metric_label_overflow_total Label value sets folded into the \"other\" child because the "
    "family reached its maximum number of children.\n"
    "# TYPE tidnav_metric_label_overflow_total counter\n";

}  // namespace

TEST_CASE("obs: counters render in registration order, children sorted by label values", "[obs][metrics]") {
  registry reg;
  reg.add_counter("tidnav_requests_total", "Requests received.").inc(3);
  auto& calls = reg.add_counter_family("tidnav_calls_total", "Calls by contract.", {"contract", "outcome"});
  calls.with_labels({"urn:b", "ok"}).inc(2);
  calls.with_labels({"urn:a", "VP009"}).inc();
  calls.with_labels({"urn:b", "ok"}).inc();

  CHECK(reg.render() ==
        "# HELP tidnav_requests_total Requests received.\n"
        "# TYPE tidnav_requests_total counter\n"
        "tidnav_requests_total 3\n"
        "# HELP tidnav_calls_total Calls by contract.\n"
        "# TYPE tidnav_calls_total counter\n"
        "tidnav_calls_total{contract=\"urn:a\",outcome=\"VP009\"} 1\n"
        "tidnav_calls_total{contract=\"urn:b\",outcome=\"ok\"} 3\n" +
            overflow_header + "tidnav_metric_label_overflow_total{family=\"tidnav_calls_total\"} 0\n");
}

TEST_CASE("obs: gauges render doubles", "[obs][metrics]") {
  registry reg;
  auto& g = reg.add_gauge("tidnav_snapshot_loaded", "1 when a routing snapshot is loaded.");
  g.set(1);
  auto& q = reg.add_gauge_family("tidnav_pool_idle", "Idle pooled connections.", {"producer"},
                                 family_options{.max_children = unlimited_children});
  q.with_labels({"https://b"}).inc(2.5);
  q.with_labels({"https://a"}).set(4);
  q.with_labels({"https://a"}).dec();
  CHECK(reg.render() ==
        "# HELP tidnav_snapshot_loaded 1 when a routing snapshot is loaded.\n"
        "# TYPE tidnav_snapshot_loaded gauge\n"
        "tidnav_snapshot_loaded 1\n"
        "# HELP tidnav_pool_idle Idle pooled connections.\n"
        "# TYPE tidnav_pool_idle gauge\n"
        "tidnav_pool_idle{producer=\"https://a\"} 3\n"
        "tidnav_pool_idle{producer=\"https://b\"} 2.5\n");
}

TEST_CASE("obs: histograms render cumulative buckets, sum and count", "[obs][metrics]") {
  registry reg;
  auto& h = reg.add_histogram_family("tidnav_call_seconds", "Call latency.", {"contract"}, {0.25, 0.5, 1},
                                     family_options{.max_children = unlimited_children});
  auto& a = h.with_labels({"urn:a"});
  a.observe(0.25);
  a.observe(0.375);
  a.observe(1.0);
  a.observe(4.0);
  reg.add_histogram("tidnav_empty_seconds", "Nothing yet.", {0.5});
  CHECK(reg.render() ==
        "# HELP tidnav_call_seconds Call latency.\n"
        "# TYPE tidnav_call_seconds histogram\n"
        "tidnav_call_seconds_bucket{contract=\"urn:a\",le=\"0.25\"} 1\n"
        "tidnav_call_seconds_bucket{contract=\"urn:a\",le=\"0.5\"} 2\n"
        "tidnav_call_seconds_bucket{contract=\"urn:a\",le=\"1\"} 3\n"
        "tidnav_call_seconds_bucket{contract=\"urn:a\",le=\"+Inf\"} 4\n"
        "tidnav_call_seconds_sum{contract=\"urn:a\"} 5.625\n"
        "tidnav_call_seconds_count{contract=\"urn:a\"} 4\n"
        "# HELP tidnav_empty_seconds Nothing yet.\n"
        "# TYPE tidnav_empty_seconds histogram\n"
        "tidnav_empty_seconds_bucket{le=\"0.5\"} 0\n"
        "tidnav_empty_seconds_bucket{le=\"+Inf\"} 0\n"
        "tidnav_empty_seconds_sum 0\n"
        "tidnav_empty_seconds_count 0\n");
}

TEST_CASE("obs: callback metrics are evaluated at every render", "[obs][metrics]") {
  registry reg;
  std::atomic<std::uint64_t> requests{7};
  reg.add_callback(metric_type::counter, "tidnav_server_requests_total", "Requests.",
                   [&] { return static_cast<double>(requests.load()); });
  reg.add_callback_family(metric_type::gauge, "tidnav_snapshot_info", "Loaded snapshots.", {"source"},
                          [](std::vector<callback_sample>& out) {
                            out.push_back({{"tak"}, 1});
                            out.push_back({{"hsa"}, 0});
                            out.push_back({{"wrong", "arity"}, 5});  // skipped
                          });
  reg.add_callback(metric_type::gauge, "tidnav_broken", "Throws.", []() -> double { throw std::runtime_error("x"); });
  const std::string expected_tail =
      "# HELP tidnav_snapshot_info Loaded snapshots.\n"
      "# TYPE tidnav_snapshot_info gauge\n"
      "tidnav_snapshot_info{source=\"hsa\"} 0\n"
      "tidnav_snapshot_info{source=\"tak\"} 1\n";
  CHECK(reg.render() ==
        "# HELP tidnav_server_requests_total Requests.\n"
        "# TYPE tidnav_server_requests_total counter\n"
        "tidnav_server_requests_total 7\n" +
            expected_tail);
  requests = 8;
  CHECK(reg.render().find("tidnav_server_requests_total 8\n") != std::string::npos);
}

TEST_CASE("obs: label values and HELP text are escaped; invalid UTF-8 and long values are cleaned", "[obs][metrics]") {
  registry reg;
  auto& f = reg.add_counter_family("m_total", "Back\\slash\nnew line.", {"v"},
                                   family_options{.max_children = unlimited_children, .max_label_value_bytes = 8});
  f.with_labels({"a\\b\"c\nd"}).inc();
  f.with_labels({"x\xFFy"}).inc();
  f.with_labels({"0123456789abc"}).inc();
  CHECK(reg.render() ==
        "# HELP m_total Back\\\\slash\\nnew line.\n"
        "# TYPE m_total counter\n"
        "m_total{v=\"01234567\"} 1\n"
        "m_total{v=\"a\\\\b\\\"c\\nd\"} 1\n"
        "m_total{v=\"x\xEF\xBF\xBDy\"} 1\n");
  // The cleaned value is the key: the same raw input finds the same child.
  CHECK(&f.with_labels({"x\xFFy"}) == &f.with_labels({"x\xEF\xBF\xBDy"}));
  CHECK(&f.with_labels({"0123456789abc"}) == &f.with_labels({"01234567"}));
}

TEST_CASE("obs: children keep their address; lookups find the same child", "[obs][metrics]") {
  registry reg;
  auto& f = reg.add_counter_family("c_total", "c", {"k"});
  counter* first = &f.with_labels({"k0"});
  for (int i = 1; i < 5000; ++i) f.with_labels({std::to_string(i)});  // grows the deque and the index
  CHECK(&f.with_labels({"k0"}) == first);
  first->inc(5);
  CHECK(f.with_labels({"k0"}).value() == 5);
}

TEST_CASE("obs: concurrent increments add up exactly", "[obs][metrics]") {
  registry reg;
  auto& total = reg.add_counter("t_total", "t");
  auto& by_key = reg.add_counter_family("k_total", "k", {"key"});
  auto& hist = reg.add_histogram("h_seconds", "h", {0.5, 2});
  auto& level = reg.add_gauge("g", "g");
  constexpr int threads = 4;
  constexpr int per_thread = 100000;
  constexpr int keys = 8;
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      const std::string mine = "k" + std::to_string(t % keys);
      for (int i = 0; i < per_thread; ++i) {
        total.inc();
        // Lookups race with the creation of children by the other threads.
        by_key.with_labels({std::to_string(i % keys)}).inc();
        hist.observe(1.0);
        level.inc(1);
      }
      by_key.with_labels({mine}).inc(2);
    });
  }
  for (auto& th : pool) th.join();
  CHECK(total.value() == threads * per_thread);
  std::uint64_t sum = 0;
  for (int k = 0; k < keys; ++k) sum += by_key.with_labels({std::to_string(k)}).value();
  CHECK(sum == threads * per_thread);
  CHECK(by_key.with_labels({"k0"}).value() == 2);
  CHECK(hist.count() == threads * per_thread);
  CHECK(hist.cumulative_count(0) == 0);
  CHECK(hist.cumulative_count(1) == threads * per_thread);
  CHECK(hist.sum() == threads * per_thread * 1.0);
  CHECK(level.value() == threads * per_thread * 1.0);
}

TEST_CASE("obs: a family over its limit folds new label values into \"other\" and counts it", "[obs][metrics]") {
  registry reg;
  auto& f = reg.add_counter_family("calls_total", "c", {"contract", "outcome"}, family_options{.max_children = 2});
  f.with_labels({"urn:a", "ok"}).inc();
  f.with_labels({"urn:b", "ok"}).inc();
  counter& other = f.with_labels({"urn:hostile1", "ok"});
  other.inc();
  CHECK(&f.with_labels({"urn:hostile2", "x"}) == &other);
  f.with_labels({"urn:hostile2", "x"}).inc();
  // Known values still reach their own child.
  f.with_labels({"urn:a", "ok"}).inc();
  for (int i = 0; i < 10000; ++i) f.with_labels({"urn:flood" + std::to_string(i), "ok"});
  CHECK(f.size() == 3);
  CHECK(reg.render() ==
        "# HELP calls_total c\n"
        "# TYPE calls_total counter\n"
        "calls_total{contract=\"other\",outcome=\"other\"} 2\n"
        "calls_total{contract=\"urn:a\",outcome=\"ok\"} 2\n"
        "calls_total{contract=\"urn:b\",outcome=\"ok\"} 1\n" +
            overflow_header + "tidnav_metric_label_overflow_total{family=\"calls_total\"} 10003\n");
}

TEST_CASE("obs: an existing all-\"other\" child becomes the overflow child", "[obs][metrics]") {
  registry reg;
  auto& f = reg.add_gauge_family("g", "g", {"a"}, family_options{.max_children = 1});
  gauge& literal = f.with_labels({"other"});
  CHECK(&f.with_labels({"new"}) == &literal);
  CHECK(f.size() == 1);
}

TEST_CASE("obs: registration rejects bad names, duplicates and wrong label counts", "[obs][metrics]") {
  registry reg;
  reg.add_counter("a_total", "a");
  CHECK_THROWS_AS(reg.add_gauge("a_total", "dup"), std::invalid_argument);
  CHECK_THROWS_AS(reg.add_counter("bad-name", "x"), std::invalid_argument);
  CHECK_THROWS_AS(reg.add_counter(std::string(label_overflow_metric_name), "x"), std::invalid_argument);
  CHECK_THROWS_AS(reg.add_counter_family("b_total", "b", {"x", "x"}), std::invalid_argument);
  CHECK_THROWS_AS(reg.add_counter_family("c_total", "c", {"__x"}), std::invalid_argument);
  CHECK_THROWS_AS(reg.add_histogram_family("h", "h", {"le"}), std::invalid_argument);
  CHECK_THROWS_AS(reg.add_histogram("h2", "h", {2, 1}), std::invalid_argument);
  CHECK_THROWS_AS(reg.add_callback(metric_type::counter, "cb", "cb", nullptr), std::invalid_argument);
  auto& f = reg.add_counter_family("d_total", "d", {"x", "y"});
  CHECK_THROWS_AS(f.with_labels({"only-one"}), std::invalid_argument);
}

TEST_CASE("obs: a labelled family with no children renders nothing", "[obs][metrics]") {
  registry reg;
  reg.add_counter_family("unused_total", "u", {"x"}, family_options{.max_children = unlimited_children});
  CHECK(reg.render().empty());
}
