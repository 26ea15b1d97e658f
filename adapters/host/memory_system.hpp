// SPDX-License-Identifier: GPL-2.0-or-later
// `system: memory`: the in-memory booking system (adapters/core) seeded from a
// JSON file. For tests, the sandbox, and trying the adapter without a backend.
#pragma once

#include "adapters/host/system_registry.hpp"

namespace tidnav::adapters::host {

void register_memory_system(system_registry& registry);

}  // namespace tidnav::adapters::host
