// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include <thread>

#include "tools/bench/histogram.hpp"
#include "tools/bench/recorder.hpp"

using namespace tidnav::bench;

namespace {

constexpr std::uint64_t us = 1000;

// Within the histogram's promised precision (1/128 of the value).
bool close_to(std::uint64_t got, std::uint64_t want) {
  const double diff = got > want ? double(got - want) : double(want - got);
  return diff <= double(want) / 128.0;
}

}  // namespace

TEST_CASE("histogram: percentiles of 1..1000 us", "[bench][histogram]") {
  histogram_snapshot h;
  for (std::uint64_t v = 1; v <= 1000; ++v) h.record(v * us);
  CHECK(h.count() == 1000);
  CHECK(h.min() == 1 * us);
  CHECK(h.max() == 1000 * us);
  CHECK(h.mean() == Approx(500.5 * us));
  CHECK(close_to(h.percentile(50), 500 * us));
  CHECK(close_to(h.percentile(90), 900 * us));
  CHECK(close_to(h.percentile(99), 990 * us));
  CHECK(close_to(h.percentile(99.9), 999 * us));
  CHECK(h.percentile(100) == 1000 * us);
  CHECK(close_to(h.percentile(0), 1 * us));
}

TEST_CASE("histogram: a skewed distribution puts the tail where it is", "[bench][histogram]") {
  histogram_snapshot h;
  for (int i = 0; i < 990; ++i) h.record(100 * us);
  for (int i = 0; i < 10; ++i) h.record(50'000 * us);
  CHECK(close_to(h.percentile(50), 100 * us));
  CHECK(close_to(h.percentile(99), 100 * us));  // rank 990 is still the fast group
  CHECK(close_to(h.percentile(99.1), 50'000 * us));
  CHECK(h.max() == 50'000 * us);
}

TEST_CASE("histogram: buckets are exact below 256 ns and within 1/128 above", "[bench][histogram]") {
  for (std::uint64_t v = 0; v < 256; ++v) {
    CHECK(bucket_lowest(bucket_of(v)) == v);
    CHECK(bucket_highest(bucket_of(v)) == v);
  }
  std::size_t previous = bucket_of(255);
  for (std::uint64_t v = 256; v < 60'000'000'000ull; v = v + v / 97 + 1) {
    const auto b = bucket_of(v);
    REQUIRE(b >= previous);
    previous = b;
    REQUIRE(bucket_lowest(b) <= v);
    REQUIRE(bucket_highest(b) >= v);
    REQUIRE(double(bucket_highest(b) - bucket_lowest(b)) <= double(v) / 128.0);
  }
  CHECK(bucket_of(histogram_max_ns * 10) == bucket_count() - 1);
  CHECK(bucket_count() < 4100);
}

TEST_CASE("histogram: empty and clamped values", "[bench][histogram]") {
  histogram_snapshot h;
  CHECK(h.percentile(99) == 0);
  CHECK(h.mean() == 0);
  h.record(120ull * 1'000'000'000);  // two minutes: beyond the range, kept as the max
  CHECK(h.max() == 120ull * 1'000'000'000);
  CHECK(h.percentile(50) <= h.max());
}

TEST_CASE("histogram: merging equals recording everything in one", "[bench][histogram]") {
  histogram_snapshot a, b, all;
  for (std::uint64_t v = 1; v <= 500; ++v) {
    a.record(v * 7 * us);
    all.record(v * 7 * us);
  }
  for (std::uint64_t v = 1; v <= 300; ++v) {
    b.record(v * 13 * us);
    all.record(v * 13 * us);
  }
  a.merge(b);
  CHECK(a.count() == all.count());
  CHECK(a.max() == all.max());
  CHECK(a.min() == all.min());
  CHECK(a.mean() == Approx(all.mean()));
  for (double p : {10.0, 50.0, 90.0, 99.0, 99.9}) CHECK(a.percentile(p) == all.percentile(p));
}

TEST_CASE("recorder: per-thread slots merge into one tally", "[bench][histogram]") {
  recorder rec;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&rec, t] {
      for (std::uint64_t v = 1; v <= 250; ++v) rec.record_ok((v + 250 * std::uint64_t(t)) * us);
      for (int i = 0; i < t; ++i) rec.record_error("http 503");
    });
  }
  for (auto& th : threads) th.join();
  rec.record_error("connect");
  const tally t = rec.snapshot();
  CHECK(t.ok() == 1000);
  CHECK(t.failed() == 7);
  CHECK(t.total() == 1007);
  CHECK(t.errors.at("http 503") == 6);
  CHECK(t.errors.at("connect") == 1);
  CHECK(t.latency.max() == 1000 * us);
  CHECK(close_to(t.latency.percentile(50), 500 * us));
}
