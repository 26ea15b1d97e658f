// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// One call's routing decision with the platform's precedence between faults:
// VP003 (no logical address) -> routing (VP004, VP006, VP010) -> authorisation
// (VP002, VP007). Routing runs before authorisation, so an unauthorised caller
// learns whether a route exists (VP004 vs VP007); that is what VP does.
//
// VP008 (no TAK data at all) is the caller's to answer: without a snapshot
// there is nothing to call this with.

#include <optional>
#include <string>
#include <string_view>

#include "hub/core/result.hpp"
#include "hub/core/routing_table.hpp"
#include "hub/core/vp_error.hpp"

namespace tidnav::core {

/// What routing needs to know about a call; nullopt means "absent". The views
/// are not owned: the strings must outlive the decide_route() call.
struct call_identity {
  std::optional<std::string_view> consumer;         ///< sender HSA-id (certificate or trusted header)
  std::optional<std::string_view> contract;         ///< namespace of the Body's first child
  std::optional<std::string_view> logical_address;  ///< raw To / LogicalAddress text
};

/// The platform's log traces (labels.routerVagvalTrace / routerBehorighetTrace).
struct route_traces {
  std::string routing;
  std::string authorization;
};

/// The chosen route (it points into `snap`; keep the snapshot alive while using
/// it) or the fault to answer. `traces`, when given, is filled either way.
result<const route*, vp_fault> decide_route(const routing_snapshot& snap, const call_identity& call, instant now,
                                            route_traces* traces = nullptr);

}  // namespace tidnav::core
