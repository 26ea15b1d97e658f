// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/xml_escape.hpp"

#include <cstddef>
#include <cstdint>

namespace tidnav::core {
namespace {

constexpr std::string_view replacement_char = "\xEF\xBF\xBD";

// Length of the well-formed UTF-8 sequence starting at s[i], or 0 if it is not
// one (overlongs, surrogates and values above U+10FFFF included).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t len = 0;
  std::uint32_t cp = 0;
  if (b0 < 0x80) return 1;
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
  if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
  if (cp == 0xFFFE || cp == 0xFFFF) return 0;  // not XML Chars
  return len;
}

void append_escaped(std::string& out, std::string_view text, bool attribute) {
  out.reserve(out.size() + text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    switch (c) {
      case '&': out += "&amp;"; ++i; continue;
      case '<': out += "&lt;"; ++i; continue;
      case '>': out += "&gt;"; ++i; continue;
      case '\r': out += "&#13;"; ++i; continue;
      case '"': if (attribute) { out += "&quot;"; ++i; continue; } break;
      case '\'': if (attribute) { out += "&apos;"; ++i; continue; } break;
      default: break;
    }
    const auto uc = static_cast<unsigned char>(c);
    if (uc < 0x20 && c != '\t' && c != '\n') {
      out += replacement_char;
      ++i;
      continue;
    }
    const std::size_t len = utf8_sequence_length(text, i);
    if (len == 0) {
      out += replacement_char;
      ++i;
      continue;
    }
    out.append(text.substr(i, len));
    i += len;
  }
}

}  // namespace

void append_xml_text(std::string& out, std::string_view text) { append_escaped(out, text, false); }

void append_xml_attribute(std::string& out, std::string_view text) { append_escaped(out, text, true); }

}  // namespace tidnav::core
