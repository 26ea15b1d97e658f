// SPDX-License-Identifier: GPL-2.0-or-later
// Log-linear latency histogram (HDR-style) in nanoseconds.
//
// Values below 256 ns have their own bucket; above, every power of two is split into
// 128 equal steps, so a recorded value is known to within 1/128 (< 0.8 %) of itself.
// 60 s needs about 4,000 buckets (32 KiB), small enough for one per io thread.
//
// latency_histogram has one writer (its io thread) and any number of concurrent
// readers (the progress line): buckets are relaxed atomics written without a locked
// read-modify-write, which costs the writer nothing on x86 and never tears a count.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace tidnav::bench {

inline constexpr std::uint64_t histogram_max_ns = 60ull * 1'000'000'000;  // larger values are clamped

// Bucket index of a value, and the range of values a bucket stands for.
std::size_t bucket_of(std::uint64_t ns) noexcept;
std::uint64_t bucket_lowest(std::size_t index) noexcept;
std::uint64_t bucket_highest(std::size_t index) noexcept;
std::size_t bucket_count() noexcept;

// A plain (non-atomic) copy: merged from the per-thread histograms, then queried.
class histogram_snapshot {
 public:
  histogram_snapshot();

  void record(std::uint64_t ns);  // for tests and single-threaded use
  void merge(const histogram_snapshot& other);

  std::uint64_t count() const noexcept { return count_; }
  std::uint64_t min() const noexcept { return count_ ? min_ : 0; }
  std::uint64_t max() const noexcept { return max_; }  // exact, not bucketed
  double mean() const noexcept;                         // exact, from the running sum
  // p in [0, 100]: the value at rank ceil(p/100 * count), reported as the middle of
  // its bucket (never above max). 0 when empty.
  std::uint64_t percentile(double p) const noexcept;

 private:
  friend class latency_histogram;
  std::vector<std::uint64_t> buckets_;
  std::uint64_t count_ = 0;
  std::uint64_t min_ = UINT64_MAX;
  std::uint64_t max_ = 0;
  long double sum_ = 0;
};

class latency_histogram {
 public:
  latency_histogram();

  void record(std::uint64_t ns) noexcept;  // owner thread only
  void add_to(histogram_snapshot& out) const;  // any thread

 private:
  std::vector<std::atomic<std::uint64_t>> buckets_;
  std::atomic<std::uint64_t> count_{0};
  std::atomic<std::uint64_t> min_{UINT64_MAX};
  std::atomic<std::uint64_t> max_{0};
  std::atomic<std::uint64_t> sum_{0};  // ns; 2^64 ns is 584 years of summed latency
};

}  // namespace tidnav::bench
