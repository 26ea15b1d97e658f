// SPDX-License-Identifier: GPL-2.0-or-later
#include "contracts/xml_prescreen.hpp"

#include <cstring>

namespace tidnav::contracts {
namespace {

bool starts_with(std::string_view s, std::size_t at, std::string_view prefix) {
  return s.size() - at >= prefix.size() && s.compare(at, prefix.size(), prefix) == 0;
}

// Returns the position just past `terminator`, or npos.
std::size_t skip_past(std::string_view s, std::size_t from, std::string_view terminator) {
  const auto hit = s.find(terminator, from);
  return hit == std::string_view::npos ? hit : hit + terminator.size();
}

bool valid_entity(std::string_view name) {
  if (name == "lt" || name == "gt" || name == "amp" || name == "quot" || name == "apos") return true;
  if (name.size() < 2 || name[0] != '#') return false;
  const bool hex = name[1] == 'x';
  const std::size_t digits_from = hex ? 2 : 1;
  if (name.size() <= digits_from || name.size() - digits_from > 8) return false;
  for (std::size_t i = digits_from; i < name.size(); ++i) {
    const char c = name[i];
    const bool ok = (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::optional<prescreen_error> prescreen_xml(std::string_view xml, std::size_t max_bytes) {
  if (xml.size() > max_bytes) {
    return prescreen_error{max_bytes, "message of " + std::to_string(xml.size()) +
                                          " bytes exceeds the limit of " + std::to_string(max_bytes)};
  }
  std::size_t i = 0;
  while (i < xml.size()) {
    const char* base = xml.data();
    const void* lt = std::memchr(base + i, '<', xml.size() - i);
    const void* amp = std::memchr(base + i, '&', xml.size() - i);
    if (!lt && !amp) break;
    const std::size_t at_lt = lt ? static_cast<const char*>(lt) - base : xml.size();
    const std::size_t at_amp = amp ? static_cast<const char*>(amp) - base : xml.size();
    if (at_amp < at_lt) {
      const auto semi = xml.find(';', at_amp);
      if (semi == std::string_view::npos || semi - at_amp > 12 ||
          !valid_entity(xml.substr(at_amp + 1, semi - at_amp - 1))) {
        return prescreen_error{at_amp, "reference to an undeclared entity"};
      }
      i = semi + 1;
      continue;
    }
    i = at_lt;
    std::size_t next = i + 1;
    if (starts_with(xml, i, "<!--")) {
      next = skip_past(xml, i + 4, "-->");
      if (next == std::string_view::npos) return prescreen_error{i, "unterminated comment"};
    } else if (starts_with(xml, i, "<![CDATA[")) {
      next = skip_past(xml, i + 9, "]]>");
      if (next == std::string_view::npos) return prescreen_error{i, "unterminated CDATA section"};
    } else if (starts_with(xml, i, "<!")) {
      return prescreen_error{i, starts_with(xml, i, "<!DOCTYPE") ? "DOCTYPE is not allowed in SOAP"
                                                                  : "markup declaration is not allowed in SOAP"};
    } else if (starts_with(xml, i, "<?")) {
      next = skip_past(xml, i + 2, "?>");
      if (next == std::string_view::npos) return prescreen_error{i, "unterminated processing instruction"};
    }
    i = next;
  }
  return std::nullopt;
}

}  // namespace tidnav::contracts
