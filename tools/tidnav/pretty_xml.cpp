// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/tidnav/pretty_xml.hpp"

#include <pugixml.hpp>

#include <cstring>
#include <sstream>

namespace tidnav::cli {
namespace {

const char* local(const char* name) {
  const char* colon = std::strchr(name, ':');
  return colon ? colon + 1 : name;
}

}  // namespace

std::string pretty_xml(std::string_view xml) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_declaration)) return std::string(xml);
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_indent);
  return out.str();
}

bool is_soap_fault(std::string_view xml) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size())) return false;
  for (pugi::xml_node part : doc.document_element().children()) {
    if (std::strcmp(local(part.name()), "Body") != 0) continue;
    pugi::xml_node first = part.first_child();
    while (first && first.type() != pugi::node_element) first = first.next_sibling();
    return first && std::strcmp(local(first.name()), "Fault") == 0;
  }
  return false;
}

}  // namespace tidnav::cli
