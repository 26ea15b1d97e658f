// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// What may be written as XML 1.0 character data. pugixml accepts, and writes
// back, bytes that XML forbids (C0 controls become "&#1;", malformed UTF-8 is
// passed through), so anything the aggregator writes is checked or cleaned
// here first: a merged answer must stay well-formed whatever a unit sent.

#include <cstddef>
#include <string>
#include <string_view>

namespace tidnav::core {

/// Whether `text` is well-formed UTF-8 made only of XML 1.0 Chars.
bool is_xml_text(std::string_view text) noexcept;

/// As is_xml_text, and without any character reference ("&#"): a UTF-8
/// document for which this holds cannot make pugixml hold a non-XML
/// character in any name or text. One pass over the whole document.
bool is_plain_xml_text(std::string_view text) noexcept;

/// `text` with every byte that cannot be an XML 1.0 Char replaced by U+FFFD,
/// cut (on a character boundary) to at most `max_bytes` bytes.
std::string xml_safe_text(std::string_view text, std::size_t max_bytes = std::string::npos);

}  // namespace tidnav::core
