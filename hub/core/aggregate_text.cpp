// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/aggregate_text.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "hub/core/utf8_xml_char.hpp"

namespace tidnav::core {
namespace {

constexpr std::string_view replacement_char = "\xEF\xBF\xBD";

// Length of the XML Char encoded at s[i] in well-formed UTF-8, or 0 when there
// is none (see utf8_xml_char_length, or a C0 control other than TAB, LF and CR).
std::size_t xml_char_length(std::string_view s, std::size_t i) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return (b0 >= 0x20 || b0 == '\t' || b0 == '\n' || b0 == '\r') ? 1 : 0;
  return utf8_xml_char_length(s, i);
}

// Eight bytes at a time while they are all printable ASCII (0x20..0x7F) and,
// when `refs` is set, none is '&': nearly all of an answer is. A byte >= 0x80
// has its high bit set; a byte < 0x20 (the lowest one, when all are < 0x80)
// sets it in w - 0x20 per byte; an '&' is a zero byte of w ^ 0x26... Such a
// chunk is done one character at a time, then the fast path resumes.
template <bool refs>
bool scan(std::string_view text) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ull;
  constexpr std::uint64_t highs = 0x8080808080808080ull;
  std::size_t i = 0;
  while (i < text.size()) {
    if (i + 8 <= text.size()) {
      std::uint64_t w;
      std::memcpy(&w, text.data() + i, 8);
      std::uint64_t special = (w | (w - 0x20 * ones)) & highs;
      if constexpr (refs) {
        const std::uint64_t amp = w ^ (0x26 * ones);
        special |= (amp - ones) & ~amp & highs;
      }
      if (special == 0) {
        i += 8;
        continue;
      }
    }
    const std::size_t chunk_end = std::min(i + 8, text.size());
    while (i < chunk_end) {
      const auto b = static_cast<unsigned char>(text[i]);
      if (refs && b == '&' && i + 1 < text.size() && text[i + 1] == '#') return false;
      if ((b >= 0x20 && b < 0x80) || b == '\n' || b == '\t' || b == '\r') {  // indentation, mostly
        ++i;
        continue;
      }
      const std::size_t len = xml_char_length(text, i);
      if (len == 0) return false;
      i += len;
    }
  }
  return true;
}

}  // namespace

bool is_xml_text(std::string_view text) noexcept { return scan<false>(text); }

bool is_plain_xml_text(std::string_view text) noexcept { return scan<true>(text); }

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
