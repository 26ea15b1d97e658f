// SPDX-License-Identifier: GPL-2.0-or-later
// The set of metric families one scrape renders.
//
// Registration happens at start-up and throws std::invalid_argument on a bad or
// duplicate name; everything after that (lookups, increments, render) is
// thread-safe and does not throw for valid use. References returned by add_*
// stay valid for the registry's lifetime.
#pragma once

#include <functional>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "hub/obs/counter.hpp"
#include "hub/obs/family.hpp"
#include "hub/obs/histogram.hpp"

namespace tidnav::obs {

// Counts label value sets folded into "other" (label `family` = the family's name).
inline constexpr std::string_view label_overflow_metric_name = "tidnav_metric_label_overflow_total";

// One sample of a labelled callback family.
struct callback_sample {
  std::vector<std::string> label_values;
  double value = 0;
};

// Evaluated at every scrape, on the scraping thread; must be thread-safe and cheap.
// Whatever it reads must outlive the registry (or the registry must stop being
// rendered first). A callback that throws makes its family render nothing.
using value_callback = std::function<double()>;
using samples_callback = std::function<void(std::vector<callback_sample>& out)>;

class registry {
 public:
  registry();
  ~registry();
  registry(const registry&) = delete;
  registry& operator=(const registry&) = delete;

  counter& add_counter(std::string name, std::string help);
  counter_family& add_counter_family(std::string name, std::string help, std::vector<std::string> label_names,
                                     family_options options = {});

  gauge& add_gauge(std::string name, std::string help);
  gauge_family& add_gauge_family(std::string name, std::string help, std::vector<std::string> label_names,
                                 family_options options = {});

  histogram& add_histogram(std::string name, std::string help,
                           std::vector<double> bounds = default_latency_buckets());
  histogram_family& add_histogram_family(std::string name, std::string help, std::vector<std::string> label_names,
                                         std::vector<double> bounds = default_latency_buckets(),
                                         family_options options = {});

  // For values that already live elsewhere (hub/net's server_stats, a snapshot's
  // load time, a queue's drop count). `type` may be counter or gauge.
  void add_callback(metric_type type, std::string name, std::string help, value_callback fn);
  void add_callback_family(metric_type type, std::string name, std::string help,
                           std::vector<std::string> label_names, samples_callback fn);

  // The whole exposition: families in registration order, children sorted by
  // label values, the registry's own overflow counter last.
  std::string render() const;
  void render(std::string& out) const;

 private:
  void check_new(const std::string& name, const std::vector<std::string>& label_names, metric_type type) const;
  counter* overflow_counter_for(const std::string& family_name, std::size_t label_count,
                                const family_options& options);

  mutable std::shared_mutex mu_;
  std::vector<std::unique_ptr<family_base>> families_;
  std::unique_ptr<counter_family> overflow_;
};

}  // namespace tidnav::obs
