// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Reading one unit's 2xx answer for the merge: is it a usable response of the
// contract, and which items does it bring (with their keys and the namespace
// declarations they need where the merged answer puts them).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "hub/core/aggregate_items.hpp"
#include "hub/core/aggregate_kind.hpp"
#include "hub/core/aggregate_ns_bridge.hpp"

namespace tidnav::core {

struct merge_item {
  pugi::xml_node node;  ///< in unit_items::doc
  std::vector<ns_binding> declarations;
  item_key key;
};

/// Owns the parsed answer, so it must stay where it is built (nodes point into it).
struct unit_items {
  pugi::xml_document doc;
  std::vector<merge_item> items;
  std::string result_code;  ///< GetAvailableTimeslots 2.0 only: trimmed resultCode, "" when absent
  std::string result_text;
};

/// Fills `out` from `body`, the envelope `unit` answered with. `body` is parsed
/// in place (pugixml unescapes into it, so it is not the answer afterwards) and
/// must outlive `out`: copying each unit's answer into a fresh buffer was a
/// large share of the merge's page faults. Items are planned for writing under
/// `dest_response`. Returns why the answer is unusable (nullopt: usable); then
/// `out.items` is empty. Never throws on bad input. Keys may point into
/// `unit`, which must outlive `out`.
std::optional<std::string> read_unit_answer(aggregate_kind k, std::string& body, std::string_view unit,
                                            pugi::xml_node dest_response, unit_items& out);

}  // namespace tidnav::core
