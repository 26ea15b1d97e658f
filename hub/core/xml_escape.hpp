// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace tidnav::core {

/// Appends `text` to `out` escaped for XML character data (element content).
/// Escapes & < > and CR (as &#13;, which a serialiser must do to keep it),
/// and replaces what XML 1.0 cannot carry at all (C0 controls other than TAB,
/// LF and CR; malformed UTF-8) with U+FFFD, so a fault built from hostile
/// input is still well-formed.
void append_xml_text(std::string& out, std::string_view text);

/// As append_xml_text, and also escapes " and ' for use inside attribute values.
void append_xml_attribute(std::string& out, std::string_view text);

inline std::string xml_escape_text(std::string_view text) {
  std::string out;
  append_xml_text(out, text);
  return out;
}

}  // namespace tidnav::core
