// SPDX-License-Identifier: GPL-2.0-or-later
// Integer counter and double gauge. Relaxed atomics: values are only read by the
// scrape, never used to order other memory.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

#include "hub/obs/exposition.hpp"

namespace tidnav::obs {

// Children of counter and gauge families need no per-family data.
struct no_init {};

// Integer because everything the hub counts is a whole number and a fetch_add on
// an integer is one instruction; durations go in a histogram.
class counter {
 public:
  using init_type = no_init;
  static constexpr metric_type type = metric_type::counter;

  explicit counter(no_init = {}) noexcept {}
  counter(const counter&) = delete;
  counter& operator=(const counter&) = delete;

  void inc(std::uint64_t n = 1) noexcept { value_.fetch_add(n, std::memory_order_relaxed); }
  std::uint64_t value() const noexcept { return value_.load(std::memory_order_relaxed); }

  void write_samples(std::string& out, std::string_view name, std::string_view labels) const {
    append_series(out, name, {}, labels);
    append_uint(out, value());
    out += '\n';
  }

 private:
  std::atomic<std::uint64_t> value_{0};
};

class gauge {
 public:
  using init_type = no_init;
  static constexpr metric_type type = metric_type::gauge;

  explicit gauge(no_init = {}) noexcept {}
  gauge(const gauge&) = delete;
  gauge& operator=(const gauge&) = delete;

  void set(double v) noexcept { value_.store(v, std::memory_order_relaxed); }
  void inc(double d = 1) noexcept { value_.fetch_add(d, std::memory_order_relaxed); }
  void dec(double d = 1) noexcept { value_.fetch_sub(d, std::memory_order_relaxed); }
  double value() const noexcept { return value_.load(std::memory_order_relaxed); }

  void write_samples(std::string& out, std::string_view name, std::string_view labels) const {
    append_series(out, name, {}, labels);
    append_double(out, value());
    out += '\n';
  }

 private:
  std::atomic<double> value_{0};
};

}  // namespace tidnav::obs
