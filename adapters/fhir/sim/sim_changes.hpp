// SPDX-License-Identifier: GPL-2.0-or-later
// The simulators' side of the change feed (adapters/core/change_source.hpp):
// meta.lastUpdated to the millisecond on every change, and the search
// `Appointment?_lastUpdated=gt<W>&_sort=_lastUpdated&_count=N` paged with
// opaque next links. Both simulators answer it the same way.
#pragma once

#include "adapters/core/change_source.hpp"
#include "adapters/fhir/sim/sim_support.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tidnav::adapters::fhir::sim {

using sim_updated = change_time;

// Now, to the millisecond, and later than any earlier answer in this process:
// two changes never share a lastUpdated.
sim_updated now_updated();
std::string updated_text(sim_updated t);

// Whether meta.lastUpdated `t` passes the query's _lastUpdated bounds
// (gt/ge/lt/le); nullopt when the parameter is malformed.
struct change_filter {
  std::optional<sim_updated> after;  // exclusive
  std::optional<sim_updated> from;   // inclusive
  std::optional<sim_updated> before; // exclusive
  bool passes(sim_updated t) const;
};
std::optional<change_filter> read_change_filter(const query_params& q);

// One page of a change search over `hits` (already filtered and sorted by
// lastUpdated): _count (default 20) and an opaque pageContext in the next link.
sim_answer change_page(const std::vector<nlohmann::json>& hits, const query_params& q, std::string_view base,
                       std::string_view path);

}  // namespace tidnav::adapters::fhir::sim
