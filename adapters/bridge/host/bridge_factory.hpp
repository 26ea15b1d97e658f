// SPDX-License-Identifier: GPL-2.0-or-later
// `system: pasis | pmo` (and any later legacy profile) in adapter.yaml: reads
// and checks the bridge's `backend:` keys on top of a profile's defaults and
// builds the bridge with its mTLS transport, id store and violation counter.
// Keys: adapters/bridge/README.md.
#pragma once

#include "adapters/bridge/legacy_profile.hpp"
#include "adapters/host/system_registry.hpp"

#include <functional>

namespace tidnav::adapters::bridge {

// A profile with its defaults, for an endpoint.
using profile_maker = std::function<legacy_profile(std::string endpoint)>;

// The system_factory of a bridge profile, for system_registry::add().
host::system_factory bridge_factory(profile_maker make_profile);

// A business_code by its name ("not_allowed"), for configuration.
std::optional<business_code> business_code_named(std::string_view name);

}  // namespace tidnav::adapters::bridge
