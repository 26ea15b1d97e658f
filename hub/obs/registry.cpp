// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/obs/registry.hpp"

#include <algorithm>
#include <mutex>
#include <stdexcept>

#include "hub/obs/callback_family.hpp"
#include "hub/obs/utf8.hpp"

namespace tidnav::obs {

callback_family::callback_family(metric_type type, std::string name, std::string help,
                                 std::vector<std::string> label_names, samples_callback fn)
    : family_base(std::move(name), std::move(help), type, std::move(label_names)), fn_(std::move(fn)) {}

void callback_family::render_samples(std::string& out) const {
  std::vector<callback_sample> samples;
  try {
    fn_(samples);
  } catch (...) {
    return;  // a scrape must not fail because one source is broken
  }
  std::sort(samples.begin(), samples.end(),
            [](const callback_sample& a, const callback_sample& b) { return a.label_values < b.label_values; });
  std::string labels;
  for (const callback_sample& s : samples) {
    if (s.label_values.size() != label_names().size()) continue;
    labels.clear();
    for (std::size_t i = 0; i < s.label_values.size(); ++i) {
      if (i > 0) labels += ',';
      labels += label_names()[i];
      labels += "=\"";
      std::string clean;
      append_sanitized_utf8(clean, s.label_values[i], s.label_values[i].size());
      append_escaped_label_value(labels, clean);
      labels += '"';
    }
    append_series(out, name(), {}, labels);
    append_double(out, s.value);
    out += '\n';
  }
}

registry::registry()
    : overflow_(std::make_unique<counter_family>(
          std::string(label_overflow_metric_name),
          "Label value sets folded into the \"other\" child because the family reached its maximum number of "
          "children.",
          std::vector<std::string>{"family"}, family_options{unlimited_children, 256}, no_init{}, nullptr)) {}

registry::~registry() = default;

void registry::check_new(const std::string& name, const std::vector<std::string>& label_names,
                         metric_type type) const {
  if (!is_valid_metric_name(name)) throw std::invalid_argument("invalid metric name: " + name);
  if (name == label_overflow_metric_name) throw std::invalid_argument("metric name is reserved: " + name);
  for (std::size_t i = 0; i < label_names.size(); ++i) {
    const std::string& l = label_names[i];
    if (!is_valid_label_name(l)) throw std::invalid_argument("metric " + name + ": invalid label name: " + l);
    if (type == metric_type::histogram && l == "le")
      throw std::invalid_argument("metric " + name + ": label \"le\" is reserved for histograms");
    if (std::find(label_names.begin() + static_cast<std::ptrdiff_t>(i) + 1, label_names.end(), l) !=
        label_names.end())
      throw std::invalid_argument("metric " + name + ": duplicate label name: " + l);
  }
  for (const auto& f : families_)
    if (f->name() == name) throw std::invalid_argument("metric registered twice: " + name);
}

counter* registry::overflow_counter_for(const std::string& family_name, std::size_t label_count,
                                        const family_options& options) {
  // A family without labels has one child and cannot overflow.
  if (label_count == 0 || options.max_children == unlimited_children) return nullptr;
  // Created now so dashboards see 0 rather than no series.
  return &overflow_->with_labels({std::string_view(family_name)});
}

namespace {

template <class Metric>
family<Metric>& add_family(std::vector<std::unique_ptr<family_base>>& families, std::string name, std::string help,
                           std::vector<std::string> labels, family_options options,
                           typename Metric::init_type init, counter* overflow) {
  auto f = std::make_unique<family<Metric>>(std::move(name), std::move(help), std::move(labels), options,
                                            std::move(init), overflow);
  auto& ref = *f;
  families.push_back(std::move(f));
  return ref;
}

}  // namespace

counter_family& registry::add_counter_family(std::string name, std::string help,
                                             std::vector<std::string> label_names, family_options options) {
  const std::unique_lock lock(mu_);
  check_new(name, label_names, metric_type::counter);
  counter* overflow = overflow_counter_for(name, label_names.size(), options);
  return add_family<counter>(families_, std::move(name), std::move(help), std::move(label_names), options, {},
                             overflow);
}

counter& registry::add_counter(std::string name, std::string help) {
  return add_counter_family(std::move(name), std::move(help), {}).with_labels({});
}

gauge_family& registry::add_gauge_family(std::string name, std::string help, std::vector<std::string> label_names,
                                         family_options options) {
  const std::unique_lock lock(mu_);
  check_new(name, label_names, metric_type::gauge);
  counter* overflow = overflow_counter_for(name, label_names.size(), options);
  return add_family<gauge>(families_, std::move(name), std::move(help), std::move(label_names), options, {},
                           overflow);
}

gauge& registry::add_gauge(std::string name, std::string help) {
  return add_gauge_family(std::move(name), std::move(help), {}).with_labels({});
}

histogram_family& registry::add_histogram_family(std::string name, std::string help,
                                                 std::vector<std::string> label_names, std::vector<double> bounds,
                                                 family_options options) {
  auto layout = std::make_shared<const bucket_layout>(std::move(bounds));
  const std::unique_lock lock(mu_);
  check_new(name, label_names, metric_type::histogram);
  counter* overflow = overflow_counter_for(name, label_names.size(), options);
  return add_family<histogram>(families_, std::move(name), std::move(help), std::move(label_names), options,
                               std::move(layout), overflow);
}

histogram& registry::add_histogram(std::string name, std::string help, std::vector<double> bounds) {
  return add_histogram_family(std::move(name), std::move(help), {}, std::move(bounds)).with_labels({});
}

void registry::add_callback(metric_type type, std::string name, std::string help, value_callback fn) {
  if (!fn) throw std::invalid_argument("metric " + name + ": empty callback");
  add_callback_family(type, std::move(name), std::move(help), {},
                      [fn = std::move(fn)](std::vector<callback_sample>& out) { out.push_back({{}, fn()}); });
}

void registry::add_callback_family(metric_type type, std::string name, std::string help,
                                   std::vector<std::string> label_names, samples_callback fn) {
  if (type == metric_type::histogram) throw std::invalid_argument("metric " + name + ": callback histograms are not supported");
  if (!fn) throw std::invalid_argument("metric " + name + ": empty callback");
  const std::unique_lock lock(mu_);
  check_new(name, label_names, type);
  families_.push_back(
      std::make_unique<callback_family>(type, std::move(name), std::move(help), std::move(label_names), std::move(fn)));
}

void registry::render(std::string& out) const {
  const std::shared_lock lock(mu_);
  for (const auto& f : families_) f->render(out);
  overflow_->render(out);
}

std::string registry::render() const {
  std::string out;
  out.reserve(16 * 1024);
  render(out);
  return out;
}

}  // namespace tidnav::obs
