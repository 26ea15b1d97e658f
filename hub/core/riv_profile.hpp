// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// RIV-TA basic profiles. Requests announce theirs by the header element they
// carry (wsa:To => 2.0, LogicalAddress => 2.1); TAK names them "RIVTABP20" and
// "RIVTABP21". Anything else is kept as `other` so the caller can answer VP005.

#include <cstdint>
#include <string_view>

#include "hub/core/hsa_id.hpp"

namespace tidnav::core {

enum class riv_profile : std::uint8_t { unknown, rivtabp20, rivtabp21, other };

/// "rivtabp20"/"RIVTABP20" -> rivtabp20, likewise 21; empty -> unknown; else other.
constexpr riv_profile parse_riv_profile(std::string_view name) noexcept {
  const std::string_view t = trim_ascii(name);
  if (t.empty()) return riv_profile::unknown;
  if (iequals(t, "rivtabp20")) return riv_profile::rivtabp20;
  if (iequals(t, "rivtabp21")) return riv_profile::rivtabp21;
  return riv_profile::other;
}

/// The request-side spelling VP uses in logs and exchange properties.
constexpr std::string_view to_string(riv_profile p) noexcept {
  switch (p) {
    case riv_profile::rivtabp20: return "rivtabp20";
    case riv_profile::rivtabp21: return "rivtabp21";
    case riv_profile::other: return "other";
    case riv_profile::unknown: break;
  }
  return "unknown";
}

}  // namespace tidnav::core
