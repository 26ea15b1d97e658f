// SPDX-License-Identifier: GPL-2.0-or-later
// The systems `tidnav adapter` knows. Each registers itself from its own file;
// this is the one place that calls them.
#pragma once

#include "adapters/host/system_registry.hpp"

namespace tidnav::adapters::host {

void register_millennium_system(system_registry& registry);
void register_cosmic_system(system_registry& registry);
// adapters/pasis/pasis_system.cpp and adapters/pmo/pmo_system.cpp (crm:scheduling bridges).
void register_pasis_system(system_registry& registry);
void register_pmo_system(system_registry& registry);

// memory, millennium, cosmic (and whatever is added in builtin_systems.cpp).
void register_builtin_systems(system_registry& registry);
// A registry with the built-in systems, built once.
const system_registry& builtin_systems();

}  // namespace tidnav::adapters::host
