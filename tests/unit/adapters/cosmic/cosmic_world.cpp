// SPDX-License-Identifier: GPL-2.0-or-later
#include "cosmic_world.hpp"

#include "adapters/core/name_uuid.hpp"
#include "tests/unit/adapters/core/adapter_test_support.hpp"
#include "tests/unit/hub/net/net_test_util.hpp"

#include <catch2/catch.hpp>

namespace tidnav::adapters::cosmic::test {

using adapters::test::asa;

cosmic_world::cosmic_world(std::string subscription_key) : fhir_sim_world({"A-", "HS-LAK30", "HS-SSK20"}) {
  sim::simulator_options so;
  so.seed_file = adapters::test::source_path("tests/fixtures/cosmic/seed.json");
  so.tls = tidnav::test::server_ctx();
  sim = sim::start_cosmic_simulator(so);
  cosmic_options o;
  o.base_url = sim->base_url();
  o.token_url = sim->token_url();
  o.client_id = "tidnav-test";
  o.client_secret = "sim-secret";
  o.subscription_key = std::move(subscription_key);
  system = std::make_unique<cosmic_booking_system>(o, *transport_);
  system_ = system.get();
  std::vector<std::string> errors;
  units_ = unit_table::build({{asa, asa, "Vårdcentralen Åsa"}}, errors);
  REQUIRE(errors.empty());
}

std::string slot_uuid(const std::string& native) { return contract_id(native_id_kind::timeslot, asa, native); }
std::string appointment_uuid(const std::string& native) { return contract_id(native_id_kind::appointment, asa, native); }

std::string cosmic_world::slot_id(const std::string& native) const { return slot_uuid(native); }
std::string cosmic_world::appointment_id(const std::string& native) const { return appointment_uuid(native); }
std::size_t cosmic_world::active_bookings_on_slot(const std::string& native_slot) {
  return sim->schedule().active_bookings_on_slot(native_slot);
}

}  // namespace tidnav::adapters::cosmic::test
