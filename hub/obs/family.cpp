// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/obs/family.hpp"

#include <algorithm>
#include <functional>
#include <mutex>
#include <stdexcept>

#include "hub/obs/utf8.hpp"

namespace tidnav::obs {
namespace {

template <class Range>
std::size_t hash_values(const Range& values) noexcept {
  std::size_t h = values.size();
  for (const auto& v : values) h = (h * 1000003u) ^ std::hash<std::string_view>{}(std::string_view(v));
  return h;
}

template <class A, class B>
bool equal_values(const A& a, const B& b) noexcept {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const auto& x, const auto& y) { return std::string_view(x) == std::string_view(y); });
}

bool needs_sanitizing(std::span<const std::string_view> values, std::size_t max_bytes) noexcept {
  return std::any_of(values.begin(), values.end(),
                     [&](std::string_view v) { return v.size() > max_bytes || !is_valid_utf8(v); });
}

}  // namespace

family_base::family_base(std::string name, std::string help, metric_type type, std::vector<std::string> label_names)
    : name_(std::move(name)), help_(std::move(help)), type_(type), label_names_(std::move(label_names)) {}

family_base::~family_base() = default;

void family_base::render(std::string& out) const {
  const std::size_t mark = out.size();
  out += "# HELP ";
  out += name_;
  out += ' ';
  append_escaped_help(out, help_);
  out += "\n# TYPE ";
  out += name_;
  out += ' ';
  out += type_name(type_);
  out += '\n';
  const std::size_t header_end = out.size();
  render_samples(out);
  if (out.size() == header_end) out.resize(mark);
}

template <class Metric>
family<Metric>::family(std::string name, std::string help, std::vector<std::string> label_names,
                       family_options options, init_type init, counter* overflow)
    : family_base(std::move(name), std::move(help), Metric::type, std::move(label_names)),
      options_(options),
      init_(std::move(init)),
      overflow_(overflow) {}

template <class Metric>
family<Metric>::~family() = default;

template <class Metric>
std::size_t family<Metric>::child_hash::operator()(const child* c) const noexcept {
  return hash_values(c->values);
}
template <class Metric>
std::size_t family<Metric>::child_hash::operator()(std::span<const std::string_view> v) const noexcept {
  return hash_values(v);
}
template <class Metric>
bool family<Metric>::child_equal::operator()(const child* a, const child* b) const noexcept {
  return equal_values(a->values, b->values);
}
template <class Metric>
bool family<Metric>::child_equal::operator()(std::span<const std::string_view> a, const child* b) const noexcept {
  return equal_values(a, b->values);
}
template <class Metric>
bool family<Metric>::child_equal::operator()(const child* a, std::span<const std::string_view> b) const noexcept {
  return equal_values(a->values, b);
}

template <class Metric>
Metric& family<Metric>::with_labels(std::span<const std::string_view> values) {
  if (values.size() != label_names().size())
    throw std::invalid_argument("metric " + name() + ": expected " + std::to_string(label_names().size()) +
                                " label values, got " + std::to_string(values.size()));
  if (!needs_sanitizing(values, options_.max_label_value_bytes)) return lookup(values);
  // Rare path (hostile or broken input): clean copies, then the normal lookup.
  std::vector<std::string> clean(values.size());
  std::vector<std::string_view> views(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    append_sanitized_utf8(clean[i], values[i], options_.max_label_value_bytes);
    views[i] = clean[i];
  }
  return lookup(views);
}

template <class Metric>
Metric& family<Metric>::lookup(std::span<const std::string_view> values) {
  {
    const std::shared_lock lock(mu_);
    if (const auto it = index_.find(values); it != index_.end()) return const_cast<child*>(*it)->metric;
    if (other_ != nullptr && named_children_ >= options_.max_children) {
      if (overflow_ != nullptr) overflow_->inc();
      return other_->metric;
    }
  }
  const std::unique_lock lock(mu_);
  if (const auto it = index_.find(values); it != index_.end()) return const_cast<child*>(*it)->metric;
  if (named_children_ < options_.max_children) {
    ++named_children_;
    return add_child_locked(values).metric;
  }
  if (other_ == nullptr) {
    const std::vector<std::string_view> others(values.size(), overflow_label_value);
    if (const auto it = index_.find(std::span<const std::string_view>(others)); it != index_.end()) {
      other_ = const_cast<child*>(*it);  // a real child already carries "other" everywhere
    } else {
      other_ = &add_child_locked(others);
    }
  }
  if (overflow_ != nullptr) overflow_->inc();
  return other_->metric;
}

template <class Metric>
typename family<Metric>::child& family<Metric>::add_child_locked(std::span<const std::string_view> values) {
  std::string labels;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) labels += ',';
    labels += label_names()[i];
    labels += "=\"";
    append_escaped_label_value(labels, values[i]);
    labels += '"';
  }
  child& c = children_.emplace_back(std::vector<std::string>(values.begin(), values.end()), std::move(labels), init_);
  index_.insert(&c);
  return c;
}

template <class Metric>
std::size_t family<Metric>::size() const {
  const std::shared_lock lock(mu_);
  return children_.size();
}

template <class Metric>
void family<Metric>::render_samples(std::string& out) const {
  std::vector<const child*> sorted;
  const std::shared_lock lock(mu_);
  sorted.reserve(children_.size());
  for (const child& c : children_) sorted.push_back(&c);
  // Sorted by label values so a scrape does not depend on which request came first.
  std::sort(sorted.begin(), sorted.end(), [](const child* a, const child* b) {
    return std::lexicographical_compare(a->values.begin(), a->values.end(), b->values.begin(), b->values.end());
  });
  for (const child* c : sorted) c->metric.write_samples(out, name(), c->labels);
}

template class family<counter>;
template class family<gauge>;
template class family<histogram>;

}  // namespace tidnav::obs
