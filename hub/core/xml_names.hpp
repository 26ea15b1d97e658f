// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Namespace resolution over a pugixml tree. pugixml keeps raw QNames and does
// not resolve prefixes, so matching "{uri}local" needs the in-scope xmlns
// declarations, found by walking up the ancestors.

#include <optional>
#include <string_view>

#include <pugixml.hpp>

namespace tidnav::core {

inline constexpr std::string_view xml_namespace_uri = "http://www.w3.org/XML/1998/namespace";

/// "soap:Body" -> "Body"; "Body" -> "Body".
constexpr std::string_view local_name(std::string_view qname) noexcept {
  const auto colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

/// "soap:Body" -> "soap"; "Body" -> "".
constexpr std::string_view prefix_of(std::string_view qname) noexcept {
  const auto colon = qname.find(':');
  return colon == std::string_view::npos ? std::string_view{} : qname.substr(0, colon);
}

/// The namespace URI of an element: "" when unprefixed and no default namespace
/// is in scope; nullopt when its prefix is not declared (a namespace error).
/// The view points into the document. Cost: O(depth x attributes).
std::optional<std::string_view> namespace_uri(pugi::xml_node element) noexcept;

/// Whether `element` is {uri}local.
bool is_element(pugi::xml_node element, std::string_view uri, std::string_view local) noexcept;

/// The element after `n` in document order (pre-order), or a null node.
pugi::xml_node next_element(pugi::xml_node n) noexcept;

/// First element child of `parent`, or a null node (text, comments and PIs skipped).
pugi::xml_node first_element_child(pugi::xml_node parent) noexcept;

/// First element child of `parent` that is {uri}local, or a null node.
pugi::xml_node child_element(pugi::xml_node parent, std::string_view uri, std::string_view local) noexcept;

/// First element child of `parent` whose local name is `local`, or a null node.
pugi::xml_node child_by_local_name(pugi::xml_node parent, std::string_view local) noexcept;

}  // namespace tidnav::core
