// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/xml_escape.hpp"

#include <cstddef>
#include <cstdint>

#include "hub/core/utf8_xml_char.hpp"

namespace tidnav::core {
namespace {

constexpr std::string_view replacement_char = "\xEF\xBF\xBD";

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
    const std::size_t len = uc < 0x80 ? 1 : utf8_xml_char_length(text, i);
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
