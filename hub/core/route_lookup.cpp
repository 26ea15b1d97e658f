// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/route_lookup.hpp"

#include "hub/core/default_routing.hpp"

namespace tidnav::core {
namespace {

// Real HSA trees are about ten levels deep; the bound only stops a climb that
// an hsa-id reused at two DNs could otherwise turn into a loop.
constexpr int max_hsa_climb = 64;

void trace_step(std::string* trace, std::string_view step) {
  if (trace == nullptr) return;
  if (!trace->empty()) *trace += ',';
  trace->append(step);
}

route_match hit_at(const routing_snapshot::contract_routes& routes, std::string_view address, instant now) {
  const auto hit = routes.at(address, now);
  return route_match{hit.first, hit.count, hit.count > 0 ? address : std::string_view{}};
}

}  // namespace

route_match find_routes(const routing_snapshot& snap, std::string_view contract, std::string_view address,
                        instant now, std::string* trace) {
  const auto routes = snap.routes_for(contract);
  const auto& policy = snap.policy();

  if (uses_default_routing(address, policy.default_routing_delimiter)) {
    trace_step(trace, "(leaf)");
    route_match found;
    for_each_default_routing_part(address, policy.default_routing_delimiter, [&](std::string_view part) {
      trace_step(trace, part);
      found = hit_at(routes, part, now);
      return found.count > 0;
    });
    return found;
  }

  trace_step(trace, address);
  if (auto m = hit_at(routes, address, now); m.count > 0) return m;

  if (policy.hsa_routing.enabled_for(contract)) {
    trace_step(trace, "(parent)");
    std::string_view current = address;
    for (int depth = 0; depth < max_hsa_climb; ++depth) {
      current = snap.hsa().parent_of(current);
      trace_step(trace, current);
      if (auto m = hit_at(routes, current, now); m.count > 0) return m;
      if (iequals(current, hsa_tree::root_id)) break;
    }
  }

  trace_step(trace, "(default)");
  trace_step(trace, wildcard_address);
  return hit_at(routes, wildcard_address, now);
}

std::string routing_summary(std::optional<std::string_view> contract, std::string_view address) {
  std::string s = "serviceNamespace: ";
  s.append(contract ? *contract : std::string_view{"null"});
  s.append(", receiverId: ").append(address);
  return s;
}

result<const route*, vp_fault> select_route(const routing_snapshot& snap, std::optional<std::string_view> contract,
                                            std::string_view address, instant now, std::string* trace) {
  const route_match m = find_routes(snap, contract.value_or(std::string_view{}), address, now, trace);
  if (m.count == 0) {
    std::string arg = routing_summary(contract, address);
    // The platform looks for a space anywhere, not for surrounding whitespace.
    if (address.find(' ') != std::string_view::npos) arg += ". Whitespace detected in incoming request!";
    return fail(make_fault(vp_code::vp004, arg));
  }
  if (m.count > 1) return fail(make_fault(vp_code::vp006, routing_summary(contract, address)));
  if (trim_ascii(m.first->url).empty()) return fail(make_fault(vp_code::vp010, routing_summary(contract, address)));
  return m.first;
}

}  // namespace tidnav::core
