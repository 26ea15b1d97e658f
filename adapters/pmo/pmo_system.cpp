// SPDX-License-Identifier: GPL-2.0-or-later
// `system: pmo` in adapter.yaml (adapters/host's registry).
#include "adapters/bridge/host/bridge_factory.hpp"
#include "adapters/pmo/pmo_profile.hpp"

namespace tidnav::adapters::host {

void register_pmo_system(system_registry& registry) {
  registry.add(pmo::system_name, bridge::bridge_factory(&pmo::pmo_profile));
}

}  // namespace tidnav::adapters::host
