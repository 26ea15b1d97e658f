// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <memory>
#include <stdexcept>

#include "hub/obs/histogram.hpp"

using namespace tidnav::obs;

namespace {

histogram make(std::vector<double> bounds) {
  return histogram(std::make_shared<const bucket_layout>(std::move(bounds)));
}

}  // namespace

TEST_CASE("obs: a value equal to a bound is counted in that bound's bucket", "[obs][histogram]") {
  auto h = make({0.25, 0.5, 1});
  h.observe(0.25);
  CHECK(h.cumulative_count(0) == 1);
  h.observe(0.5);
  CHECK(h.cumulative_count(0) == 1);
  CHECK(h.cumulative_count(1) == 2);
  h.observe(std::nextafter(1.0, 2.0));  // just above the last bound: +Inf only
  CHECK(h.cumulative_count(2) == 2);
  CHECK(h.cumulative_count(3) == 3);
  CHECK(h.count() == 3);
}

TEST_CASE("obs: bucket_for picks the first bound not below the value", "[obs][histogram]") {
  const bucket_layout l({0.001, 0.01, 0.1});
  CHECK(l.bucket_for(0) == 0);
  CHECK(l.bucket_for(-5) == 0);
  CHECK(l.bucket_for(0.001) == 0);
  CHECK(l.bucket_for(0.0011) == 1);
  CHECK(l.bucket_for(0.1) == 2);
  CHECK(l.bucket_for(0.2) == 3);
  CHECK(l.bucket_for(std::numeric_limits<double>::infinity()) == 3);
}

TEST_CASE("obs: bucket layouts are validated", "[obs][histogram]") {
  CHECK_THROWS_AS(bucket_layout({1, 0.5}), std::invalid_argument);
  CHECK_THROWS_AS(bucket_layout({0.5, 0.5}), std::invalid_argument);
  CHECK_THROWS_AS(bucket_layout({std::numeric_limits<double>::quiet_NaN()}), std::invalid_argument);
  const bucket_layout with_inf({1, std::numeric_limits<double>::infinity()});
  CHECK(with_inf.bounds() == std::vector<double>{1});
  CHECK(with_inf.le_text() == std::vector<std::string>{"1", "+Inf"});
  const bucket_layout none({});
  CHECK(none.le_text() == std::vector<std::string>{"+Inf"});
}

TEST_CASE("obs: default latency buckets span 50 microseconds to 30 seconds", "[obs][histogram]") {
  const auto b = default_latency_buckets();
  REQUIRE(b.size() >= 10);
  CHECK(b.front() == 0.00005);
  CHECK(b.back() == 30);
  CHECK(std::is_sorted(b.begin(), b.end()));
  const bucket_layout l(b);  // must not throw
  CHECK(l.le_text().front() == "5e-05");
  CHECK(l.le_text()[1] == "0.0001");
  CHECK(l.le_text().back() == "+Inf");
}

TEST_CASE("obs: NaN is ignored and durations are converted to seconds", "[obs][histogram]") {
  auto h = make({0.001, 1});
  h.observe(std::numeric_limits<double>::quiet_NaN());
  CHECK(h.count() == 0);
  CHECK(h.sum() == 0);
  h.observe(std::chrono::microseconds(500));
  h.observe(std::chrono::milliseconds(250));
  CHECK(h.cumulative_count(0) == 1);
  CHECK(h.cumulative_count(1) == 2);
  CHECK(h.sum() == Approx(0.2505));
}
