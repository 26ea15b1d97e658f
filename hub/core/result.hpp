// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// A small expected-like type: GCC 12 in C++20 mode has no std::expected, and
// the core reports errors as values, never by throwing across module edges.

#include <cassert>
#include <type_traits>
#include <utility>
#include <variant>

namespace tidnav::core {

/// Wraps an error so result<T, E> can be built unambiguously even when T == E.
template <class E>
struct failure {
  E error;
};

template <class E>
failure<std::decay_t<E>> fail(E&& e) {
  return failure<std::decay_t<E>>{std::forward<E>(e)};
}

/// Either a value of T or an error of E. Accessing the wrong side is a bug (asserted).
template <class T, class E>
class [[nodiscard]] result {
 public:
  result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
  result(failure<E> f) : v_(std::in_place_index<1>, std::move(f.error)) {}

  bool has_value() const noexcept { return v_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  T& value() & { assert(has_value()); return std::get<0>(v_); }
  const T& value() const& { assert(has_value()); return std::get<0>(v_); }
  T&& value() && { assert(has_value()); return std::get<0>(std::move(v_)); }

  E& error() & { assert(!has_value()); return std::get<1>(v_); }
  const E& error() const& { assert(!has_value()); return std::get<1>(v_); }
  E&& error() && { assert(!has_value()); return std::get<1>(std::move(v_)); }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, E> v_;
};

}  // namespace tidnav::core
