// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// The RIV-TA 2.0 <-> 2.1 rewrite the hub applies when the producer's profile
// (from TAK) differs from the consumer's: the address header moves between
// WS-Addressing (wsa:To, BP 2.0) and the RIV registry namespace
// (LogicalAddress, BP 2.1). Unlike the national platform, which re-serialises
// through StAX and drops CDATA, PIs and whitespace events, the rewrite keeps
// everything but the moved names.

#include <string>
#include <string_view>

#include "hub/core/result.hpp"
#include "hub/core/riv_profile.hpp"
#include "hub/core/vp_error.hpp"

namespace tidnav::core {

/// Rewrites a request envelope from one RIV profile to the other. 2.0 -> 2.1: every element in
/// namespace http://www.w3.org/2005/08/addressing moves to urn:riv:itintegration:registry:1 and
/// element `To` becomes `LogicalAddress`; 2.1 -> 2.0 is the reverse. Same profile -> the input
/// unchanged (byte for byte, not even parsed). Any other pair -> VP005 fault; unparseable input,
/// a DOCTYPE or an undeclared prefix -> VP012 (with the reason in the detail).
///
/// Prefixes are resolved through every ancestor, default namespace included. A
/// declaration of the old namespace is rebound to the new one, keeping its prefix
/// as the platform does (<wsa:LogicalAddress xmlns:wsa="urn:riv:itintegration:registry:1">);
/// only when an attribute name or value also uses that declaration does it stay,
/// and each moved element gets a fresh prefix declared on itself instead.
/// Output is UTF-8 with an XML declaration. Cost: one parse and one serialisation
/// (linear), plus O(elements x declarations in scope) for name resolution.
result<std::string, vp_fault> rewrite_riv_profile(std::string_view envelope, riv_profile from, riv_profile to);

}  // namespace tidnav::core
