// SPDX-License-Identifier: GPL-2.0-or-later
// Owns the objects a generated gSOAP message points to. The generated classes
// hold raw pointers to optional values and children; building a request (or a
// converted copy of one) needs somewhere for those to live until it is written.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tidnav::adapters::bridge {

class object_arena {
 public:
  template <class T>
  T* make() {
    auto h = std::make_unique<holder<T>>();
    T* p = &h->value;
    items_.push_back(std::move(h));
    return p;
  }
  template <class T>
  T* copy(T value) {
    T* p = make<T>();
    *p = std::move(value);
    return p;
  }
  std::string* str(std::string value) { return copy(std::move(value)); }
  // Null for an empty value: the contracts forbid empty optional elements.
  std::string* opt(std::string value) { return value.empty() ? nullptr : copy(std::move(value)); }
  std::string* opt(const std::optional<std::string>& value) { return value ? opt(*value) : nullptr; }

 private:
  struct base {
    virtual ~base() = default;
  };
  template <class T>
  struct holder : base {
    T value{};
  };
  std::vector<std::unique_ptr<base>> items_;
};

}  // namespace tidnav::adapters::bridge
