// SPDX-License-Identifier: GPL-2.0-or-later
// A metric family: one name, fixed label names, children looked up by label values.
//
// Children live in a deque and are never moved or freed while the family lives,
// so a reference from with_labels() may be kept and used without any lock; that
// is the intended hot path. with_labels() itself takes a shared lock and, for a
// value set seen before, does not allocate.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <initializer_list>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "hub/obs/counter.hpp"
#include "hub/obs/exposition.hpp"
#include "hub/obs/histogram.hpp"

namespace tidnav::obs {

inline constexpr std::size_t unlimited_children = SIZE_MAX;
// Every label of the child that absorbs label values beyond max_children.
inline constexpr std::string_view overflow_label_value = "other";

struct family_options {
  // Label values such as the contract namespace come from requests; this bounds
  // the memory a caller can make the hub spend on them.
  std::size_t max_children = 10000;
  // Longer values are cut at a UTF-8 boundary; invalid UTF-8 becomes U+FFFD.
  std::size_t max_label_value_bytes = 256;
};

class family_base {
 public:
  family_base(std::string name, std::string help, metric_type type, std::vector<std::string> label_names);
  virtual ~family_base();
  family_base(const family_base&) = delete;
  family_base& operator=(const family_base&) = delete;

  const std::string& name() const noexcept { return name_; }
  const std::string& help() const noexcept { return help_; }
  metric_type type() const noexcept { return type_; }
  const std::vector<std::string>& label_names() const noexcept { return label_names_; }

  // Appends HELP, TYPE and the samples; nothing at all when there is no sample.
  void render(std::string& out) const;

 protected:
  virtual void render_samples(std::string& out) const = 0;

 private:
  std::string name_;
  std::string help_;
  metric_type type_;
  std::vector<std::string> label_names_;
};

template <class Metric>
class family final : public family_base {
 public:
  using init_type = typename Metric::init_type;

  // `overflow` (may be null) is incremented every time a lookup is folded into
  // the "other" child.
  family(std::string name, std::string help, std::vector<std::string> label_names, family_options options,
         init_type init, counter* overflow);
  ~family() override;

  // One value per label name, in order; throws std::invalid_argument otherwise.
  Metric& with_labels(std::span<const std::string_view> values);
  Metric& with_labels(std::initializer_list<std::string_view> values) {
    return with_labels(std::span<const std::string_view>(values.begin(), values.size()));
  }

  // Children, including the "other" child once it exists.
  std::size_t size() const;

 private:
  struct child {
    child(std::vector<std::string> v, std::string l, const init_type& init)
        : values(std::move(v)), labels(std::move(l)), metric(init) {}
    std::vector<std::string> values;
    std::string labels;  // rendered once: a="x",b="y"
    Metric metric;
  };
  struct child_hash {
    using is_transparent = void;
    std::size_t operator()(const child* c) const noexcept;
    std::size_t operator()(std::span<const std::string_view> v) const noexcept;
  };
  struct child_equal {
    using is_transparent = void;
    bool operator()(const child* a, const child* b) const noexcept;
    bool operator()(std::span<const std::string_view> a, const child* b) const noexcept;
    bool operator()(const child* a, std::span<const std::string_view> b) const noexcept;
  };

  Metric& lookup(std::span<const std::string_view> values);
  child& add_child_locked(std::span<const std::string_view> values);
  void render_samples(std::string& out) const override;

  family_options options_;
  init_type init_;
  counter* overflow_;
  mutable std::shared_mutex mu_;
  std::deque<child> children_;
  std::unordered_set<const child*, child_hash, child_equal> index_;
  child* other_ = nullptr;
  std::size_t named_children_ = 0;
};

extern template class family<counter>;
extern template class family<gauge>;
extern template class family<histogram>;

using counter_family = family<counter>;
using gauge_family = family<gauge>;
using histogram_family = family<histogram>;

}  // namespace tidnav::obs
