// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/aggregate_text.hpp"

#include <cstdint>

namespace tidnav::core {
namespace {

constexpr std::string_view replacement_char = "\xEF\xBF\xBD";

// Length of the XML Char encoded at s[i] in well-formed UTF-8, or 0 when there
// is none (malformed, overlong, surrogate, > U+10FFFF, U+FFFE/U+FFFF, or a C0
// control other than TAB, LF and CR).
std::size_t xml_char_length(std::string_view s, std::size_t i) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return (b0 >= 0x20 || b0 == '\t' || b0 == '\n' || b0 == '\r') ? 1 : 0;
  std::size_t len = 0;
  std::uint32_t cp = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) { len = 2; cp = b0 & 0x1Fu; }
  else if (b0 >= 0xE0 && b0 <= 0xEF) { len = 3; cp = b0 & 0x0Fu; }
  else if (b0 >= 0xF0 && b0 <= 0xF4) { len = 4; cp = b0 & 0x07u; }
  else return 0;
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

}  // namespace

bool is_xml_text(std::string_view text) noexcept {
  std::size_t i = 0;
  while (i < text.size()) {
    // ASCII fast path: nearly all of an answer's text is ASCII.
    const auto b = static_cast<unsigned char>(text[i]);
    if (b >= 0x20 && b < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = xml_char_length(text, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string xml_safe_text(std::string_view text, std::size_t max_bytes) {
  std::string out;
  out.reserve(text.size() < max_bytes ? text.size() : max_bytes);
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t len = xml_char_length(text, i);
    const std::string_view piece = len == 0 ? replacement_char : text.substr(i, len);
    if (out.size() + piece.size() > max_bytes) break;
    out.append(piece);
    i += len == 0 ? 1 : len;
  }
  return out;
}

}  // namespace tidnav::core
