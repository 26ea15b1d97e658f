// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Decoding one character of UTF-8 text that is to be XML character data.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace tidnav::core {

/// Length of the multi-byte UTF-8 sequence starting at s[i] (s[i] >= 0x80) if
/// it is well formed and encodes an XML Char; 0 otherwise (malformed,
/// truncated, overlong, a surrogate, above U+10FFFF, U+FFFE or U+FFFF).
/// ASCII bytes are the caller's to judge (which C0 controls it allows differs).
inline std::size_t utf8_xml_char_length(std::string_view s, std::size_t i) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t len = 0;
  std::uint32_t cp = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1Fu;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0Fu;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07u;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0u) != 0x80u) return 0;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF) return 0;
  return len;
}

}  // namespace tidnav::core
