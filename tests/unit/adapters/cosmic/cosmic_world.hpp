// SPDX-License-Identifier: GPL-2.0-or-later
// The Cosmic adapter wired to a fresh Cosmic simulator (seed
// tests/fixtures/cosmic/seed.json) as tools/ wires it: Åsa's HSA-id is its own native id.
#pragma once

#include "adapters/cosmic/cosmic_booking_system.hpp"
#include "adapters/cosmic/sim/cosmic_simulator.hpp"
#include "tests/unit/adapters/fhir/fhir_sim_suite.hpp"

#include <memory>
#include <string>

namespace tidnav::adapters::cosmic::test {

class cosmic_world : public adapters::test::fhir_sim_world {
 public:
  explicit cosmic_world(std::string subscription_key = "sim-subscription-key");

  std::unique_ptr<sim::cosmic_simulator> sim;
  std::unique_ptr<cosmic_booking_system> system;

  std::string slot_id(const std::string& native) const override;
  std::string appointment_id(const std::string& native) const override;
  std::size_t active_bookings_on_slot(const std::string& native_slot) override;
};

// The 2.0 contract id of a native slot / appointment at Åsa.
std::string slot_uuid(const std::string& native);
std::string appointment_uuid(const std::string& native);

}  // namespace tidnav::adapters::cosmic::test
