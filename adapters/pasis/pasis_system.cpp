// SPDX-License-Identifier: GPL-2.0-or-later
// `system: pasis` in adapter.yaml (adapters/host's registry).
#include "adapters/bridge/host/bridge_factory.hpp"
#include "adapters/pasis/pasis_profile.hpp"

namespace tidnav::adapters::host {

void register_pasis_system(system_registry& registry) {
  registry.add(pasis::system_name, bridge::bridge_factory(&pasis::pasis_profile));
}

}  // namespace tidnav::adapters::host
