// SPDX-License-Identifier: GPL-2.0-or-later
// COS FHIR R4 JSON (HealthcareServiceLiteSe, SlotLiteSe, AppointmentSe) read
// into the booking model. Pure functions over nlohmann::json: what Cosmic's
// answers mean lives here, and the unit tests feed it fixture files.
#pragma once

#include "adapters/core/booking_error.hpp"
#include "adapters/core/booking_model.hpp"
#include "adapters/fhir/fhir_json.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tidnav::adapters::cosmic {

// Extension URLs and identifier systems as COS writes them.
inline constexpr std::string_view permitted_actions_url =
    "https://fhir.cambio.se/StructureDefinition/permittedPatientActions";
inline constexpr std::string_view appointment_message_url =
    "https://fhir.cambio.se/StructureDefinition/appointment-message";
inline constexpr std::string_view personnummer_system = "urn:oid:1.2.752.129.2.1.3.1";
inline constexpr std::string_view samordningsnummer_system = "urn:oid:1.2.752.129.2.1.3.3";
inline constexpr std::string_view hsa_system = "urn:oid:1.2.752.129.2.1.4.1";

// Instants, Bundles and bodies are read as every FHIR backend's (adapters/fhir).
using fhir::bundle_resources;
using fhir::fhir_instant;
using fhir::parse_fhir_instant;
// A JSON object body, or bad_backend_answer.
inline booking_result<nlohmann::json> parse_body(std::string_view body) { return fhir::parse_body(body, "Cosmic"); }

struct permitted_actions {
  bool cancel = false;
  bool rebook = false;
};
// The permittedPatientActions extension: codes "cancel" and "rebook" (the code
// list is not published; see README). Absent: nothing is permitted.
permitted_actions read_permitted_actions(const nlohmann::json& resource);

booking_result<time_type> read_healthcare_service(const nlohmann::json& service);
// A free Slot of `unit`; the time type is looked up among `services` by serviceType code.
booking_result<timeslot> read_slot(const nlohmann::json& slot, std::string_view unit,
                                   const std::vector<time_type>& services);
booking_result<appointment> read_appointment(const nlohmann::json& appointment);

// "booked"/"proposed" are active; "cancelled", "noshow", ... are not listed.
bool is_active_status(std::string_view status);

// The participant identifying a person, as we send it.
nlohmann::json patient_participant(const person_id& person);

}  // namespace tidnav::adapters::cosmic
