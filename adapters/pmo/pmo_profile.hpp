// SPDX-License-Identifier: GPL-2.0-or-later
// PMO (CompuGroup Medical, primary care in Skåne) as 1177 reaches it today:
// through a crm:scheduling 1.1 producer, RIVTABP21 (LogicalAddress and Actor
// headers, eleven contracts). PMO publishes no API of its own
// (../shared/reference/native-systems.md §4), so the adapter is a profile of
// the bridge (adapters/bridge); see README.md for its settings.
#pragma once

#include "adapters/bridge/legacy_profile.hpp"

#include <string>

namespace tidnav::adapters::pmo {

inline constexpr const char* system_name = "pmo";

// The profile with PMO's defaults; `endpoint` is its producer's URL.
bridge::legacy_profile pmo_profile(std::string endpoint);

}  // namespace tidnav::adapters::pmo
