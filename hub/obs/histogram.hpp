// SPDX-License-Identifier: GPL-2.0-or-later
// Fixed-bucket histogram (seconds), lock-free: one relaxed fetch_add on the
// bucket and a CAS loop on the sum per observation.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hub/obs/exposition.hpp"

namespace tidnav::obs {

// 50 µs .. 30 s: a local in-process producer answers in tens of µs, a regional
// booking system in up to the 30 s the hub allows a producer.
std::vector<double> default_latency_buckets();

// Upper bounds shared by every child of a family, with their `le` text rendered once.
class bucket_layout {
 public:
  // Bounds must be finite, strictly increasing; a trailing +Inf is dropped (it is
  // always implicit). Throws std::invalid_argument otherwise.
  explicit bucket_layout(std::vector<double> bounds);

  const std::vector<double>& bounds() const noexcept { return bounds_; }
  const std::vector<std::string>& le_text() const noexcept { return le_text_; }
  // Index of the bucket `v` belongs to: the first bound >= v, or bounds().size() (+Inf).
  std::size_t bucket_for(double v) const noexcept;

 private:
  std::vector<double> bounds_;
  std::vector<std::string> le_text_;
};

class histogram {
 public:
  using init_type = std::shared_ptr<const bucket_layout>;
  static constexpr metric_type type = metric_type::histogram;

  explicit histogram(init_type layout);
  histogram(const histogram&) = delete;
  histogram& operator=(const histogram&) = delete;

  // NaN is ignored: it would turn _sum into NaN for the life of the process.
  void observe(double seconds) noexcept;
  template <class Rep, class Period>
  void observe(std::chrono::duration<Rep, Period> d) noexcept {
    observe(std::chrono::duration<double>(d).count());
  }

  // Cumulative count of observations <= bounds()[i]; i == bounds().size() is +Inf.
  std::uint64_t cumulative_count(std::size_t i) const noexcept;
  std::uint64_t count() const noexcept;
  double sum() const noexcept { return sum_.load(std::memory_order_relaxed); }

  void write_samples(std::string& out, std::string_view name, std::string_view labels) const;

 private:
  init_type layout_;
  // Per-bucket (not cumulative) counts so an observation touches one counter.
  std::unique_ptr<std::atomic<std::uint64_t>[]> counts_;
  std::atomic<double> sum_{0};
};

}  // namespace tidnav::obs
