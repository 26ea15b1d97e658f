// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/xml_names.hpp"

namespace tidnav::core {

std::optional<std::string_view> namespace_uri(pugi::xml_node element) noexcept {
  const std::string_view prefix = prefix_of(element.name());
  if (prefix == "xml") return xml_namespace_uri;
  for (pugi::xml_node n = element; n && n.type() == pugi::node_element; n = n.parent()) {
    for (const pugi::xml_attribute a : n.attributes()) {
      const std::string_view name = a.name();
      if (name.size() < 5 || name.substr(0, 5) != "xmlns") continue;
      if (prefix.empty() && name.size() == 5) return std::string_view(a.value());
      if (!prefix.empty() && name.size() == 6 + prefix.size() && name[5] == ':' && name.substr(6) == prefix) {
        const std::string_view uri = a.value();
        // xmlns:p="" is not allowed in XML 1.0 namespaces; treat p as unbound.
        if (uri.empty()) return std::nullopt;
        return uri;
      }
    }
  }
  if (prefix.empty()) return std::string_view{};
  return std::nullopt;
}

bool is_element(pugi::xml_node element, std::string_view uri, std::string_view local) noexcept {
  if (element.type() != pugi::node_element || local_name(element.name()) != local) return false;
  const auto ns = namespace_uri(element);
  return ns && *ns == uri;
}

pugi::xml_node next_element(pugi::xml_node n) noexcept {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element) return c;
  }
  for (; n; n = n.parent()) {
    for (pugi::xml_node s = n.next_sibling(); s; s = s.next_sibling()) {
      if (s.type() == pugi::node_element) return s;
    }
  }
  return {};
}

pugi::xml_node first_element_child(pugi::xml_node parent) noexcept {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element) return c;
  }
  return {};
}

pugi::xml_node child_element(pugi::xml_node parent, std::string_view uri, std::string_view local) noexcept {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    if (is_element(c, uri, local)) return c;
  }
  return {};
}

pugi::xml_node child_by_local_name(pugi::xml_node parent, std::string_view local) noexcept {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local_name(c.name()) == local) return c;
  }
  return {};
}

}  // namespace tidnav::core
