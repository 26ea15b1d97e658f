// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/obs/histogram.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace tidnav::obs {

std::vector<double> default_latency_buckets() {
  return {0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
          0.05,    0.1,    0.25,    0.5,    1,     2.5,    5,     10,   30};
}

bucket_layout::bucket_layout(std::vector<double> bounds) : bounds_(std::move(bounds)) {
  if (!bounds_.empty() && std::isinf(bounds_.back()) && bounds_.back() > 0) bounds_.pop_back();
  for (std::size_t i = 0; i < bounds_.size(); ++i) {
    if (!std::isfinite(bounds_[i])) throw std::invalid_argument("histogram bucket bound is not finite");
    if (i > 0 && !(bounds_[i - 1] < bounds_[i]))
      throw std::invalid_argument("histogram bucket bounds must be strictly increasing");
  }
  le_text_.reserve(bounds_.size() + 1);
  for (const double b : bounds_) {
    std::string s;
    append_double(s, b);
    le_text_.push_back(std::move(s));
  }
  le_text_.emplace_back("+Inf");
}

std::size_t bucket_layout::bucket_for(double v) const noexcept {
  // lower_bound: a value equal to a bound belongs to that bound's bucket (le = "<=").
  return static_cast<std::size_t>(std::lower_bound(bounds_.begin(), bounds_.end(), v) - bounds_.begin());
}

histogram::histogram(init_type layout)
    : layout_(std::move(layout)),
      counts_(std::make_unique<std::atomic<std::uint64_t>[]>(layout_->bounds().size() + 1)) {}

void histogram::observe(double seconds) noexcept {
  if (std::isnan(seconds)) return;
  counts_[layout_->bucket_for(seconds)].fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(seconds, std::memory_order_relaxed);
}

std::uint64_t histogram::cumulative_count(std::size_t i) const noexcept {
  std::uint64_t n = 0;
  for (std::size_t k = 0; k <= i && k <= layout_->bounds().size(); ++k) n += counts_[k].load(std::memory_order_relaxed);
  return n;
}

std::uint64_t histogram::count() const noexcept { return cumulative_count(layout_->bounds().size()); }

void histogram::write_samples(std::string& out, std::string_view name, std::string_view labels) const {
  // _count is the +Inf bucket read in the same pass, so the two always agree even
  // while observations land; _sum may be a few observations ahead or behind.
  const auto& le = layout_->le_text();
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < le.size(); ++i) {
    cumulative += counts_[i].load(std::memory_order_relaxed);
    append_series(out, name, "_bucket", labels, le[i]);
    append_uint(out, cumulative);
    out += '\n';
  }
  append_series(out, name, "_sum", labels);
  append_double(out, sum());
  out += '\n';
  append_series(out, name, "_count", labels);
  append_uint(out, cumulative);
  out += '\n';
}

}  // namespace tidnav::obs
