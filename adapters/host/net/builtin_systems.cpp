// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/host/net/builtin_systems.hpp"

#include "adapters/host/memory_system.hpp"

namespace tidnav::adapters::host {

void register_builtin_systems(system_registry& registry) {
  register_memory_system(registry);
  register_millennium_system(registry);
  register_cosmic_system(registry);
  register_pasis_system(registry);
  register_pmo_system(registry);
  // New systems: one line each, calling a register_<x>_system() from their own file.
}

const system_registry& builtin_systems() {
  static const system_registry registry = [] {
    system_registry r;
    register_builtin_systems(r);
    return r;
  }();
  return registry;
}

}  // namespace tidnav::adapters::host
