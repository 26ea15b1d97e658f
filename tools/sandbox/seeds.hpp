// SPDX-License-Identifier: GPL-2.0-or-later
// The region's units, slots and bookings in each backend's own seed format:
// the in-memory booking system's JSON (adapters/core/memory_fixture.hpp, also
// what the crm:scheduling 1.0/1.1 simulators read), the Millennium simulator's
// FHIR-flavoured seed and the Cosmic simulator's (their READMEs). Generated
// at every start, relative to today, never committed.
#pragma once

#include <string>

#include "tools/sandbox/region.hpp"

namespace tidnav::sandbox {

// Client credentials the FHIR simulators accept (sandbox-local, not secret).
inline constexpr const char* sim_client_id = "tidnav-sandbox";
inline constexpr const char* sim_client_secret = "sandbox-secret";
inline constexpr const char* sim_subscription_key = "sandbox-subscription-key";
// The code system of the Millennium appointment types (an invented tenant).
inline constexpr const char* millennium_code_system = "https://fhir.example.invalid/sandbox/codeSet/14249";
// The tenant id the Millennium simulator serves under /r4/<tenant>.
inline constexpr const char* millennium_tenant = "ec2458f2-1e24-41c8-b71b-0e701af7583d";
inline constexpr const char* millennium_person_system = "urn:oid:1.2.752.129.2.1.3.1";

// memory_fixture JSON for the units of one system (native unit ids).
std::string memory_seed_json(const region& r, system_kind s);
// Millennium simulator seed (patients, slots, appointments; FHIR UTC instants).
std::string millennium_seed_json(const region& r);
// Cosmic simulator seed (services, slots, appointments).
std::string cosmic_seed_json(const region& r);

// Millennium ids derived from the region, shared by the seed and the adapter configuration.
std::string millennium_patient_id(const region& r, std::string_view person);
std::string millennium_practitioner_id(std::string_view hsa_id);
// The Cosmic HealthcareService of a unit's time type.
std::string cosmic_service_id(const unit_def& u, std::string_view time_type);

}  // namespace tidnav::sandbox
