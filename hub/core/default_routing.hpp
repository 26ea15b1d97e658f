// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Old-style default routing: a logical address "VG#VE" names several receivers,
// tried right to left. The platform splits with a StringTokenizer (every
// character of the delimiter separates, empty parts vanish), drops repeats
// keeping the first occurrence, and reverses. This walks the same sequence
// without building a list, because it runs on the request path.

#include <cstddef>
#include <string_view>

namespace tidnav::core {

/// True when `delimiter` is non-empty and `address` contains it.
constexpr bool uses_default_routing(std::string_view address, std::string_view delimiter) noexcept {
  return !delimiter.empty() && address.find(delimiter) != std::string_view::npos;
}

/// Calls visit(part) for each distinct part of `address` in the platform's try
/// order (last distinct part first); stops early when visit returns true.
/// Returns whether a visit returned true.
template <class Visit>
bool for_each_default_routing_part(std::string_view address, std::string_view delimiter, Visit&& visit) {
  // Parts are found right to left; a part is skipped when it also occurs
  // further left, so each distinct part is visited once, in reversed order of
  // first occurrence.
  auto is_delim = [&](char c) { return delimiter.find(c) != std::string_view::npos; };
  auto occurs_before = [&](std::size_t end, std::string_view part) {
    std::size_t i = 0;
    while (i < end) {
      while (i < end && is_delim(address[i])) ++i;
      std::size_t j = i;
      while (j < end && !is_delim(address[j])) ++j;
      if (j > i && address.substr(i, j - i) == part) return true;
      i = j;
    }
    return false;
  };
  std::size_t end = address.size();
  while (end > 0) {
    while (end > 0 && is_delim(address[end - 1])) --end;
    std::size_t begin = end;
    while (begin > 0 && !is_delim(address[begin - 1])) --begin;
    if (begin < end) {
      const std::string_view part = address.substr(begin, end - begin);
      if (!occurs_before(begin, part) && visit(part)) return true;
    }
    end = begin;
  }
  return false;
}

/// Number of distinct parts (the authorisation rule allows at most two).
inline std::size_t count_default_routing_parts(std::string_view address, std::string_view delimiter) {
  std::size_t n = 0;
  for_each_default_routing_part(address, delimiter, [&](std::string_view) {
    ++n;
    return false;
  });
  return n;
}

}  // namespace tidnav::core
