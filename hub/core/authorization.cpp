// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/authorization.hpp"

#include <algorithm>

#include "hub/core/default_routing.hpp"

namespace tidnav::core {
namespace {

constexpr int max_hsa_climb = 64;  // see route_lookup.cpp

void trace_step(std::string* trace, std::string_view step) {
  if (trace == nullptr) return;
  if (!trace->empty()) *trace += ',';
  trace->append(step);
}

bool allowed(const std::vector<std::string>& list, std::string_view value) {
  return list.empty() || std::any_of(list.begin(), list.end(), [&](const std::string& s) { return iequals(s, value); });
}

}  // namespace

bool is_authorized(const routing_snapshot& snap, std::string_view consumer, std::string_view contract,
                   std::string_view address, instant now, std::string* trace) {
  const auto grants = snap.grants_for(consumer, contract);
  const auto& policy = snap.policy();

  if (uses_default_routing(address, policy.default_routing_delimiter)) {
    trace_step(trace, "(leaf)");
    const bool valid_request =
        count_default_routing_parts(address, policy.default_routing_delimiter) <= 2 &&
        allowed(policy.default_routing_allowed_contracts, contract) &&
        allowed(policy.default_routing_allowed_senders, consumer);
    if (!valid_request) {
      trace_step(trace, "Invalid parameters");
      return false;
    }
    return for_each_default_routing_part(address, policy.default_routing_delimiter, [&](std::string_view part) {
      trace_step(trace, part);
      return grants.at(part, now);
    });
  }

  trace_step(trace, address);
  if (grants.at(address, now)) return true;

  trace_step(trace, "(default)");
  trace_step(trace, wildcard_address);
  if (grants.at(wildcard_address, now)) return true;

  if (!policy.hsa_authorization.enabled_for(contract)) return false;
  trace_step(trace, "(parent)");
  std::string_view current = address;
  for (int depth = 0; depth < max_hsa_climb; ++depth) {
    current = snap.hsa().parent_of(current);
    trace_step(trace, current);
    if (grants.at(current, now)) return true;
    if (iequals(current, hsa_tree::root_id)) break;
  }
  return false;
}

std::string authorization_summary(std::optional<std::string_view> contract, std::optional<std::string_view> address,
                                  std::optional<std::string_view> consumer) {
  constexpr std::string_view null = "null";
  std::string s = "serviceNamespace: ";
  s.append(contract.value_or(null));
  s.append(", receiverId: ").append(address.value_or(null));
  s.append(", senderId: ").append(consumer.value_or(null));
  return s;
}

result<std::monostate, vp_fault> authorize(const routing_snapshot& snap, std::optional<std::string_view> consumer,
                                           std::optional<std::string_view> contract,
                                           std::optional<std::string_view> address, instant now,
                                           std::string* trace) {
  if (!consumer) return fail(make_fault(vp_code::vp002, authorization_summary(contract, address, consumer)));
  if (!address) return fail(make_fault(vp_code::vp003, authorization_summary(contract, address, consumer)));
  if (!is_authorized(snap, *consumer, contract.value_or(std::string_view{}), *address, now, trace)) {
    return fail(make_fault(vp_code::vp007, authorization_summary(contract, address, consumer)));
  }
  return std::monostate{};
}

}  // namespace tidnav::core
