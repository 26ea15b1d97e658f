// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/obs/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace tidnav::obs {
namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";

bool is_continuation(unsigned char c) noexcept { return (c & 0xC0) == 0x80; }

}  // namespace

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) noexcept {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = at(i);
  if (c < 0x80) return 1;
  const std::size_t left = s.size() - i;
  // Ranges from RFC 3629 section 4: no overlongs, no surrogates, nothing above U+10FFFF.
  if (c >= 0xC2 && c <= 0xDF) {
    return left >= 2 && is_continuation(at(i + 1)) ? 2 : 0;
  }
  if (c >= 0xE0 && c <= 0xEF) {
    if (left < 3 || !is_continuation(at(i + 1)) || !is_continuation(at(i + 2))) return 0;
    if (c == 0xE0 && at(i + 1) < 0xA0) return 0;
    if (c == 0xED && at(i + 1) > 0x9F) return 0;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (left < 4 || !is_continuation(at(i + 1)) || !is_continuation(at(i + 2)) || !is_continuation(at(i + 3)))
      return 0;
    if (c == 0xF0 && at(i + 1) < 0x90) return 0;
    if (c == 0xF4 && at(i + 1) > 0x8F) return 0;
    return 4;
  }
  return 0;
}

bool is_valid_utf8(std::string_view s) noexcept {
  std::size_t i = 0;
  // Label values are almost always ASCII: eight bytes per step until the first non-ASCII one.
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, sizeof word);
    if ((word & 0x8080808080808080ull) != 0) break;
  }
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t n = utf8_sequence_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

void append_sanitized_utf8(std::string& out, std::string_view s, std::size_t max_bytes) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_sequence_length(s, i);
    const std::size_t consumed = n == 0 ? 1 : n;
    if (i + consumed > max_bytes) break;
    if (n == 0) {
      out += replacement;
    } else {
      out.append(s.data() + i, n);
    }
    i += consumed;
  }
}

}  // namespace tidnav::obs
