// SPDX-License-Identifier: GPL-2.0-or-later
// Millennium FHIR R4 JSON ↔ the booking model, both directions. Pure
// functions over nlohmann::json: what Millennium's answers mean and what we
// send it live here, and the unit tests feed them fixture files.
#pragma once

#include "adapters/core/booking_error.hpp"
#include "adapters/core/booking_model.hpp"
#include "adapters/fhir/fhir_json.hpp"
#include "adapters/millennium/millennium_options.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tidnav::adapters::millennium {

// Extensions as Millennium writes them (the base is documented for scheduling-location;
// is-cancelable / is-reschedulable are assumed to share it, see README).
inline constexpr std::string_view extension_base = "https://fhir-ehr.cerner.com/r4/StructureDefinition/";
inline constexpr std::string_view scheduling_location_url =
    "https://fhir-ehr.cerner.com/r4/StructureDefinition/scheduling-location";
inline constexpr std::string_view is_cancelable_url = "https://fhir-ehr.cerner.com/r4/StructureDefinition/is-cancelable";
inline constexpr std::string_view is_reschedulable_url =
    "https://fhir-ehr.cerner.com/r4/StructureDefinition/is-reschedulable";

// Instants, Bundles and bodies are read as every FHIR backend's (adapters/fhir).
using fhir::bundle_resources;
using fhir::fhir_instant;
using fhir::parse_fhir_instant;
// A JSON object body, or bad_backend_answer.
inline booking_result<nlohmann::json> parse_body(std::string_view body) { return fhir::parse_body(body, "Millennium"); }
// Bundle.link[relation=next].url, or "".
std::string next_link(const nlohmann::json& bundle);
// "Slot/123" (or an absolute ".../Slot/123") → "123" when the type matches, else "".
std::string reference_id(std::string_view reference, std::string_view type);
// The id a create answered with: Location header ".../Appointment/<id>[/_history/<v>]", else the body's id.
std::string created_id(std::string_view location, const nlohmann::json& body);
// The version for If-Match: the ETag as sent, else W/"<meta.versionId>", else "".
std::string if_match_of(std::string_view etag, const nlohmann::json& resource);

// ---- reading --------------------------------------------------------------

const location_config* find_location(const millennium_options& o, std::string_view location_id);
const practitioner_config* practitioner_by_hsa(const millennium_options& o, std::string_view hsa_id);
const practitioner_config* practitioner_by_fhir_id(const millennium_options& o, std::string_view id);

// A free Slot; the unit is its scheduling-location (else `unit`), its type the configured service type.
booking_result<timeslot> read_slot(const nlohmann::json& slot, std::string_view unit, const millennium_options& o);

struct read_appointment_result {
  appointment value;       // `person` is left empty: Millennium names a Patient id, not a person number
  std::string patient_id;  // from participant actor Patient/<id>
  std::string status;      // FHIR status as sent
};
booking_result<read_appointment_result> read_appointment(const nlohmann::json& a, const millennium_options& o);

// "booked" (and the later arrived/checked-in) are active; proposed is a request, cancelled is gone.
bool is_active_status(std::string_view status);

// The person number on a Patient under the configured systems.
std::optional<person_id> read_patient_person(const nlohmann::json& patient, const millennium_options& o);

// ---- writing --------------------------------------------------------------

std::string identifier_system(const person_id& person, const millennium_options& o);
// GET /Patient?identifier=<system>|<number>
std::string patient_search_query(const person_id& person, const millennium_options& o);

struct slot_search {
  std::string location_id;
  std::vector<const service_type_config*> types;  // one code system only (Millennium refuses mixes)
  instant from{};
  instant to{};
  std::vector<std::string> practitioner_ids;  // empty: any
};
// GET /Slot?service-type=..&start=ge..&start=lt..&-location=..[&schedule.actor=..]&_count=..
std::string slot_search_query(const slot_search& s, std::size_t page_size);

// POST /Appointment: status booked, one slot, the patient as the one accepted participant (no type).
nlohmann::json appointment_create(const make_request& r, std::string_view patient_id);
// PATCH bodies (JSON Patch).
nlohmann::json reschedule_patch(std::string_view slot_id);
nlohmann::json cancel_patch(const coded_value& reason);

}  // namespace tidnav::adapters::millennium
