// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Comparing two XML messages by content: every leaf element as
// "/{uri}local/{uri}local=text", so prefixes and layout do not matter.

#include <string>
#include <vector>

#include <pugixml.hpp>

namespace tidnav::test::xml_leaves {

/// The namespace URI of `n`'s prefix (or default namespace), "" when unbound.
inline std::string uri_of(pugi::xml_node n) {
  const std::string qname = n.name();
  const auto colon = qname.find(':');
  const std::string attr = colon == std::string::npos ? "xmlns" : "xmlns:" + qname.substr(0, colon);
  for (pugi::xml_node p = n; p; p = p.parent()) {
    if (auto a = p.attribute(attr.c_str())) return a.value();
  }
  return "";
}

inline std::string local_of(pugi::xml_node n) {
  const std::string qname = n.name();
  const auto colon = qname.find(':');
  return colon == std::string::npos ? qname : qname.substr(colon + 1);
}

/// Appends the leaves under (and including) `n` to `out`, in document order.
inline void collect(pugi::xml_node n, const std::string& path, std::vector<std::string>& out) {
  const std::string here = path + "/{" + uri_of(n) + "}" + local_of(n);
  bool has_child = false;
  for (pugi::xml_node c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    has_child = true;
    collect(c, here, out);
  }
  if (!has_child) out.push_back(here + "=" + n.text().get());
}

}  // namespace tidnav::test::xml_leaves
