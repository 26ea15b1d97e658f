// SPDX-License-Identifier: GPL-2.0-or-later
// PASiS (Region Skåne's legacy patient administration system) as 1177 reaches
// it today: through a crm:scheduling 1.0 producer, RIVTABP20 (the unit in
// wsa:To, no Actor header, nine contracts, no names). PASiS publishes no API of
// its own (../shared/reference/native-systems.md §3), so the adapter is a
// profile of the bridge (adapters/bridge); see README.md for its settings.
#pragma once

#include "adapters/bridge/legacy_profile.hpp"

#include <string>

namespace tidnav::adapters::pasis {

inline constexpr const char* system_name = "pasis";

// The profile with PASiS's defaults; `endpoint` is its producer's URL.
bridge::legacy_profile pasis_profile(std::string endpoint);

}  // namespace tidnav::adapters::pasis
