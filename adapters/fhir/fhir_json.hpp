// SPDX-License-Identifier: GPL-2.0-or-later
// FHIR R4 JSON pieces every FHIR booking backend shares: instants, bodies,
// searchset Bundles, periods, and the free dates derived from free slots.
// Pure functions over nlohmann::json; what one vendor's resources mean stays
// in that adapter (millennium/fhir_mapping, cosmic/fhir_json).
#pragma once

#include "adapters/core/booking_error.hpp"
#include "adapters/core/booking_model.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tidnav::adapters::fhir {

// "2031-03-10T08:30:00Z" (what we send); reading also takes offsets and fractions.
std::string fhir_instant(instant t);
std::optional<instant> parse_fhir_instant(std::string_view text);

// j[key] when it is a string, else "".
std::string str(const nlohmann::json& j, std::string_view key);

// A JSON object body, or bad_backend_answer naming `system` ("Millennium", "Cosmic").
booking_result<nlohmann::json> parse_body(std::string_view body, std::string_view system);
// The resources of a searchset Bundle with the given resourceType (OperationOutcome entries are skipped).
booking_result<std::vector<nlohmann::json>> bundle_resources(const nlohmann::json& bundle, std::string_view type);
// start/end of a Slot or Appointment, end after start, else bad_backend_answer naming `what`.
booking_result<std::pair<instant, instant>> period(const nlohmann::json& resource, std::string_view what);

// What every FHIR Slot says the same way: id, start and end; `unit` as given
// (the caller knows where the backend names the unit, if it does).
booking_result<timeslot> slot_basics(const nlohmann::json& slot, std::string_view unit);

// The Swedish days with free slots, one entry per (day, time type), counted.
// For backends with no date search (neither Millennium nor COS has one).
std::vector<available_date> dates_from_slots(const std::vector<timeslot>& slots);

}  // namespace tidnav::adapters::fhir
