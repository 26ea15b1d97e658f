// SPDX-License-Identifier: GPL-2.0-or-later
#include "millennium_world.hpp"

#include "adapters/core/name_uuid.hpp"
#include "millennium_test_support.hpp"
#include "tests/unit/adapters/core/adapter_test_support.hpp"
#include "tests/unit/hub/net/net_test_util.hpp"

#include <catch2/catch.hpp>

namespace tidnav::adapters::millennium::test {

millennium_world::millennium_world(std::string secret) : fhir_sim_world({"M-", "2572307", "2572311"}) {
  sim::simulator_options so;
  so.seed_file = adapters::test::source_path("tests/fixtures/millennium/seed.json");
  so.tls = tidnav::test::server_ctx();
  sim = sim::start_millennium_simulator(so);
  auto o = tenant_options(sim->base_url(), sim->token_url());
  o.client_secret = std::move(secret);
  system = std::make_unique<millennium_booking_system>(o, *transport_);
  system_ = system.get();
  std::vector<std::string> errors;
  units_ = unit_table::build({{adapters::test::asa, "LOC-ASA", "Vårdcentralen Åsa"}}, errors);
  REQUIRE(errors.empty());
}

std::string slot_uuid(const std::string& native) { return contract_id(native_id_kind::timeslot, "LOC-ASA", native); }
std::string appointment_uuid(const std::string& native) {
  return contract_id(native_id_kind::appointment, "LOC-ASA", native);
}

std::string millennium_world::slot_id(const std::string& native) const { return slot_uuid(native); }
std::string millennium_world::appointment_id(const std::string& native) const { return appointment_uuid(native); }
std::size_t millennium_world::active_bookings_on_slot(const std::string& native_slot) {
  return sim->store().active_bookings_on_slot(native_slot);
}

}  // namespace tidnav::adapters::millennium::test
