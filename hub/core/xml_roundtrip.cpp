// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/xml_roundtrip.hpp"

#include <sstream>

namespace tidnav::core {
namespace {

// parse_full has no parse_ws_pcdata: without it whitespace between elements
// would be lost, and with it mixed content keeps its exact spacing.
constexpr unsigned faithful_flags = pugi::parse_full | pugi::parse_ws_pcdata;

void declare_utf8(pugi::xml_document& doc) {
  pugi::xml_node decl = doc.first_child();
  if (decl.type() != pugi::node_declaration) {
    decl = doc.prepend_child(pugi::node_declaration);
    decl.append_attribute("version").set_value("1.0");
  }
  if (pugi::xml_attribute enc = decl.attribute("encoding")) {
    enc.set_value("UTF-8");
  } else if (pugi::xml_attribute version = decl.attribute("version")) {
    // The declaration's attributes have a fixed order: version, encoding, standalone.
    decl.insert_attribute_after("encoding", version).set_value("UTF-8");
  } else {
    decl.prepend_attribute("encoding").set_value("UTF-8");
  }
}

}  // namespace

std::optional<std::string> load_faithful(pugi::xml_document& doc, std::string_view text) {
  const pugi::xml_parse_result pr = doc.load_buffer(text.data(), text.size(), faithful_flags, pugi::encoding_auto);
  if (!pr) {
    return "XML parse error at offset " + std::to_string(pr.offset) + ": " + pr.description();
  }
  for (pugi::xml_node n = doc.first_child(); n; n = n.next_sibling()) {
    if (n.type() == pugi::node_doctype) return std::string("DOCTYPE is not allowed");
  }
  return std::nullopt;
}

std::string to_utf8_xml(pugi::xml_document& doc) {
  declare_utf8(doc);
  std::ostringstream out;
  for (pugi::xml_node n = doc.first_child(); n; n = n.next_sibling()) {
    if (n != doc.first_child()) out << '\n';
    n.print(out, "", pugi::format_raw, pugi::encoding_utf8);
  }
  return std::move(out).str();
}

}  // namespace tidnav::core
