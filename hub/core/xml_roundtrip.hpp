// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Parsing and writing a document so that what comes out says the same as what
// went in, down to comments, CDATA, processing instructions and the whitespace
// between elements. Used where the hub changes a few names or attributes in a
// document it then hands on (RIV-TA profile rewrite, served WSDL/XSD), so the
// reader sees the original apart from that change.

#include <optional>
#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace tidnav::core {

/// Parses `text` into `doc` (encoding detected from BOM or declaration; UTF-8
/// otherwise). Returns nullopt on success, else why not: the parser's reason
/// with its offset, or that a DOCTYPE is present. A DOCTYPE is refused because
/// its entity declarations could change what the document says, and pugixml
/// would not apply them anyway.
std::optional<std::string> load_faithful(pugi::xml_document& doc, std::string_view text);

/// `doc` as UTF-8 text without added indentation, starting with an XML
/// declaration that says UTF-8 (the one in the document is corrected, or one
/// is added). pugixml keeps no whitespace outside the root element, so nodes at
/// document level are separated by one newline.
std::string to_utf8_xml(pugi::xml_document& doc);

}  // namespace tidnav::core
