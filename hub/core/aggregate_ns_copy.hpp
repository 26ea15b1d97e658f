// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Copying elements between documents without changing what their names mean.
// pugixml copies QNames as text, so an item copied from an answer that binds
// "ns2" to the core namespace would land unbound (or bound to something else)
// in the merged answer. The bridge works out, per item, which prefixes the
// subtree takes from its source ancestors and declares on the copy those that
// the destination does not already bind the same way. Items from one answer
// share their ancestors, so the outcome per prefix is cached.

#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace tidnav::core {

struct ns_binding {
  std::string_view prefix;  ///< "" = default namespace
  std::string_view uri;     ///< points into the source document
};

class namespace_bridge {
 public:
  /// Items will be taken from children of `source_parent` and appended to `dest_parent`.
  namespace_bridge(pugi::xml_node source_parent, pugi::xml_node dest_parent) noexcept
      : source_parent_(source_parent), dest_parent_(dest_parent) {}

  /// Fills `needed` with the declarations the copy of `item` must carry. Also
  /// checks that every name and text in the subtree is XML 1.0 (pugixml does
  /// not). False, with `why`, when the subtree uses an undeclared prefix or has
  /// such a character: copying it would make the merged answer malformed.
  /// Prefixes in attribute values ("xsi:type" QNames) are kept bound too.
  bool plan(pugi::xml_node item, std::vector<ns_binding>& needed, std::string& why);

 private:
  struct outer {
    std::string_view prefix;
    bool bound = false;     ///< the source binds it (always true for "")
    bool declare = false;   ///< the destination binds it differently
    std::string_view uri;
  };
  const outer& resolve(std::string_view prefix);

  pugi::xml_node source_parent_;
  pugi::xml_node dest_parent_;
  std::vector<outer> cache_;
  std::vector<std::pair<std::string_view, std::string_view>> inner_;  ///< declarations inside the item, innermost last
  std::vector<std::size_t> marks_;
};

/// Appends a copy of `item` as the last child of `dest_parent` with `needed` declared on it.
pugi::xml_node append_copy_with(pugi::xml_node dest_parent, pugi::xml_node item, const std::vector<ns_binding>& needed);

}  // namespace tidnav::core
