// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/bench/histogram.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace tidnav::bench {
namespace {

constexpr unsigned linear_bits = 8;                 // exact below 2^8 ns
constexpr unsigned sub_bits = linear_bits - 1;      // 128 steps per power of two
constexpr std::uint64_t linear_limit = 1ull << linear_bits;
constexpr std::uint64_t steps = 1ull << sub_bits;

constexpr std::size_t index_of(std::uint64_t v) noexcept {
  if (v < linear_limit) return static_cast<std::size_t>(v);
  const unsigned e = 63u - static_cast<unsigned>(std::countl_zero(v));
  const std::uint64_t sub = v >> (e - sub_bits);  // in [steps, 2 * steps)
  return static_cast<std::size_t>(linear_limit + (e - linear_bits) * steps + (sub - steps));
}

constexpr std::size_t total_buckets = index_of(histogram_max_ns) + 1;

// Single writer: a plain load + store never loses a count and needs no locked instruction.
void bump(std::atomic<std::uint64_t>& a, std::uint64_t by) noexcept {
  a.store(a.load(std::memory_order_relaxed) + by, std::memory_order_relaxed);
}

}  // namespace

std::size_t bucket_of(std::uint64_t ns) noexcept { return index_of(std::min(ns, histogram_max_ns)); }

std::uint64_t bucket_lowest(std::size_t index) noexcept {
  if (index < linear_limit) return index;
  const std::uint64_t k = index - linear_limit;
  const std::uint64_t e = linear_bits + k / steps;
  return (steps + k % steps) << (e - sub_bits);
}

std::uint64_t bucket_highest(std::size_t index) noexcept {
  if (index < linear_limit) return index;
  const std::uint64_t e = linear_bits + (index - linear_limit) / steps;
  return bucket_lowest(index) + (1ull << (e - sub_bits)) - 1;
}

std::size_t bucket_count() noexcept { return total_buckets; }

histogram_snapshot::histogram_snapshot() : buckets_(total_buckets, 0) {}

void histogram_snapshot::record(std::uint64_t ns) {
  ++buckets_[bucket_of(ns)];
  ++count_;
  min_ = std::min(min_, ns);
  max_ = std::max(max_, ns);
  sum_ += static_cast<long double>(ns);
}

void histogram_snapshot::merge(const histogram_snapshot& other) {
  for (std::size_t i = 0; i < total_buckets; ++i) buckets_[i] += other.buckets_[i];
  count_ += other.count_;
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
  sum_ += other.sum_;
}

double histogram_snapshot::mean() const noexcept {
  return count_ ? static_cast<double>(sum_ / static_cast<long double>(count_)) : 0.0;
}

std::uint64_t histogram_snapshot::percentile(double p) const noexcept {
  if (count_ == 0) return 0;
  if (p >= 100) return max_;
  const auto rank = std::max<std::uint64_t>(
      1, static_cast<std::uint64_t>(std::ceil(std::max(0.0, p) / 100.0 * static_cast<double>(count_))));
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < total_buckets; ++i) {
    seen += buckets_[i];
    if (seen >= rank) {
      const std::uint64_t lo = bucket_lowest(i);
      const std::uint64_t mid = lo + (bucket_highest(i) - lo) / 2;
      return std::clamp(mid, min(), max_);
    }
  }
  return max_;
}

latency_histogram::latency_histogram() : buckets_(total_buckets) {}

void latency_histogram::record(std::uint64_t ns) noexcept {
  bump(buckets_[bucket_of(ns)], 1);
  bump(sum_, ns);
  if (ns < min_.load(std::memory_order_relaxed)) min_.store(ns, std::memory_order_relaxed);
  if (ns > max_.load(std::memory_order_relaxed)) max_.store(ns, std::memory_order_relaxed);
  // Last, so a reader that sees the count also sees (at least) that many bucket entries
  // in the common case; exactness is only promised once the writer has stopped.
  count_.store(count_.load(std::memory_order_relaxed) + 1, std::memory_order_release);
}

void latency_histogram::add_to(histogram_snapshot& out) const {
  const std::uint64_t n = count_.load(std::memory_order_acquire);
  if (n == 0) return;
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < total_buckets; ++i) {
    const std::uint64_t b = buckets_[i].load(std::memory_order_relaxed);
    out.buckets_[i] += b;
    seen += b;
  }
  // Counted from the buckets so that percentiles of a live snapshot stay consistent.
  out.count_ += seen;
  out.min_ = std::min(out.min_, min_.load(std::memory_order_relaxed));
  out.max_ = std::max(out.max_, max_.load(std::memory_order_relaxed));
  out.sum_ += static_cast<long double>(sum_.load(std::memory_order_relaxed));
}

}  // namespace tidnav::bench
