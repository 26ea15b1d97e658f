// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/route_decision.hpp"

#include "hub/core/authorization.hpp"
#include "hub/core/route_lookup.hpp"

namespace tidnav::core {

result<const route*, vp_fault> decide_route(const routing_snapshot& snap, const call_identity& call, instant now,
                                            route_traces* traces) {
  if (!call.logical_address) return fail(make_fault(vp_code::vp003));

  auto selected = select_route(snap, call.contract, *call.logical_address, now,
                               traces ? &traces->routing : nullptr);
  if (!selected) return selected;

  auto granted = authorize(snap, call.consumer, call.contract, call.logical_address, now,
                           traces ? &traces->authorization : nullptr);
  if (!granted) return fail(std::move(granted).error());
  return selected;
}

}  // namespace tidnav::core
