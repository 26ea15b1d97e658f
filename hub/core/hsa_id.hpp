// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// HSA-ids, logical addresses and contract namespaces are compared without regard
// to case, as the national platform does (it lower-cases its map keys). Only
// ASCII is folded: HSA-ids and RIV namespaces are ASCII by definition, and
// ASCII folding cannot change a string's length or allocate.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tidnav::core {

constexpr char ascii_lower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

constexpr char ascii_upper(char c) noexcept {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

constexpr bool is_ascii_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

constexpr bool istarts_with(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

/// FNV-1a over the lower-cased bytes: equal under iequals => equal hash.
constexpr std::size_t ihash(std::string_view s) noexcept {
  std::uint64_t h = 14695981039346656037ull;
  for (char c : s) {
    h ^= static_cast<unsigned char>(ascii_lower(c));
    h *= 1099511628211ull;
  }
  return static_cast<std::size_t>(h);
}

/// Transparent hasher for unordered containers keyed by std::string, so lookups
/// with a std::string_view neither allocate nor lower-case a copy.
struct ci_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return ihash(s); }
};

struct ci_equal {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const noexcept { return iequals(a, b); }
};

constexpr std::string_view trim_ascii(std::string_view s) noexcept {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

/// Canonical spelling for map keys and display: surrounding whitespace removed,
/// ASCII upper case (HSA-ids are conventionally written "SE2321000016-ABC1").
/// Never use this on a request's logical address: the platform routes the raw
/// value, and surrounding whitespace must lead to VP004 with its hint.
inline std::string normalize_hsa_id(std::string_view id) {
  std::string out(trim_ascii(id));
  for (char& c : out) c = ascii_upper(c);
  return out;
}

}  // namespace tidnav::core
