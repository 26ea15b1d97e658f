// SPDX-License-Identifier: GPL-2.0-or-later
// The Millennium adapter wired to a fresh Millennium simulator (seed
// tests/fixtures/millennium/seed.json) as tools/ wires it: LOC-ASA is Åsa.
#pragma once

#include "adapters/millennium/millennium_booking_system.hpp"
#include "adapters/millennium/sim/millennium_simulator.hpp"
#include "tests/unit/adapters/fhir/fhir_sim_suite.hpp"

#include <memory>
#include <string>

namespace tidnav::adapters::millennium::test {

class millennium_world : public adapters::test::fhir_sim_world {
 public:
  explicit millennium_world(std::string secret = "sim-secret");

  std::unique_ptr<sim::millennium_simulator> sim;
  std::unique_ptr<millennium_booking_system> system;

  std::string slot_id(const std::string& native) const override;
  std::string appointment_id(const std::string& native) const override;
  std::size_t active_bookings_on_slot(const std::string& native_slot) override;
};

// The 2.0 contract id of a native slot / appointment at LOC-ASA.
std::string slot_uuid(const std::string& native);
std::string appointment_uuid(const std::string& native);

}  // namespace tidnav::adapters::millennium::test
