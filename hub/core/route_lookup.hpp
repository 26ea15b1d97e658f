// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Routing (vägval) exactly in the platform's order:
//   "VG#VE" address: its parts right to left, nothing else;
//   otherwise: the address itself -> HSA parents up to and including "SE"
//   (when enabled for the contract) -> "*".
// The first step with at least one route valid at `now` decides.

#include <optional>
#include <string>
#include <string_view>

#include "hub/core/result.hpp"
#include "hub/core/routing_table.hpp"
#include "hub/core/vp_error.hpp"

namespace tidnav::core {

struct route_match {
  const route* first = nullptr;  ///< first valid route at the deciding step
  std::size_t count = 0;         ///< valid routes at that step; 0 = no step matched
  /// The address that matched: the request's, an HSA parent, "*", or one part of
  /// "VG#VE". Points into the snapshot, the request address or a literal.
  std::string_view matched_address;
};

/// Walks the lookup order. When `trace` is given it receives the platform's
/// trace string (steps joined by ',', with markers "(leaf)", "(parent)",
/// "(default)"). Allocation-free unless `trace` is given.
route_match find_routes(const routing_snapshot& snap, std::string_view contract, std::string_view address,
                        instant now, std::string* trace = nullptr);

/// "serviceNamespace: <ns>, receiverId: <address>" ("null" for a missing namespace).
std::string routing_summary(std::optional<std::string_view> contract, std::string_view address);

/// The platform's route selection: exactly one route with a non-blank URL, or
/// VP004 (none; with ". Whitespace detected in incoming request!" when the
/// address contains a space), VP006 (more than one, whatever their profiles),
/// VP010 (blank URL). A missing contract namespace finds nothing (VP004).
result<const route*, vp_fault> select_route(const routing_snapshot& snap, std::optional<std::string_view> contract,
                                            std::string_view address, instant now,
                                            std::string* trace = nullptr);

}  // namespace tidnav::core
