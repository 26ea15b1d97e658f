// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Moving elements between documents without changing what their names mean.
// pugixml keeps QNames as text, so an item taken from an answer that binds
// "ns2" to the core namespace would land unbound (or bound to something else)
// in the merged answer. The bridge works out, per item, which prefixes the
// subtree takes from its source ancestors and which of those the destination
// does not already bind the same way; those are declared on the item. Items
// from one answer share their ancestors, so the outcome per prefix is cached.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pugixml.hpp>

namespace tidnav::core {

struct ns_binding {
  std::string_view prefix;  ///< "" = default namespace
  std::string_view uri;     ///< points into the source document
};

class namespace_bridge {
 public:
  /// Items will be taken from children of `source_parent` and written under
  /// `dest_parent`. `check_text` false skips the character checks, for a
  /// document already known to hold only XML characters.
  namespace_bridge(pugi::xml_node source_parent, pugi::xml_node dest_parent, bool check_text = true) noexcept
      : source_parent_(source_parent), dest_parent_(dest_parent), check_text_(check_text) {}

  /// Whether `child` (a child element of source_parent) is in namespace `uri`.
  /// Uses the per-prefix cache unless the child declares namespaces itself.
  bool child_in(pugi::xml_node child, std::string_view uri);

  /// Fills `needed` with the declarations `item` must carry at its new place.
  /// Also checks (when asked to) that every name and text in the subtree is
  /// XML 1.0, which pugixml does not. False, with `why`, when the subtree uses
  /// an undeclared prefix or has such a character: writing it would make the
  /// merged answer malformed. Prefixes in attribute values ("xsi:type" QNames)
  /// are kept bound too.
  bool plan(pugi::xml_node item, std::vector<ns_binding>& needed, std::string& why);

 private:
  struct outer {
    std::string_view prefix;
    bool bound = false;     ///< the source binds it (always true for "")
    bool declare = false;   ///< the destination binds it differently
    std::string_view uri;
  };
  const outer& resolve(std::string_view prefix);

  class planner;
  struct scope_mark {
    int depth;          ///< depth (below the item) of the element that declared
    std::size_t size;   ///< inner_.size() before its declarations
  };

  pugi::xml_node source_parent_;
  pugi::xml_node dest_parent_;
  bool check_text_ = true;
  std::vector<outer> cache_;
  std::vector<std::pair<std::string_view, std::string_view>> inner_;  ///< declarations inside the item, innermost last
  std::vector<scope_mark> marks_;
};

/// Adds `needed` to `element` as namespace declarations (xmlns / xmlns:p).
void declare_on(pugi::xml_node element, const std::vector<ns_binding>& needed);

}  // namespace tidnav::core
