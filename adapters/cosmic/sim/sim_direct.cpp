// SPDX-License-Identifier: GPL-2.0-or-later
// Changes made "directly in Cosmic" (clinic staff in the COSMIC client), never
// through the adapter: the change feed must find them. Staff are not bound by
// the patient's permitted actions, but slots still hold one booking each.
#include "adapters/cosmic/sim/sim_schedule.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace tidnav::adapters::cosmic::sim {

sim_answer sim_schedule::direct(std::string_view action, std::string_view body) {
  using json = nlohmann::json;
  using fhir::sim::outcome;
  const json doc = json::parse(body, nullptr, false);
  if (!doc.is_object()) return outcome(400, "invalid", "body must be a JSON object");
  const std::lock_guard lock(mu_);
  if (action == "book") {
    const std::string who = doc.value("patient", "");
    const json a = {{"resourceType", "Appointment"},
                    {"status", "booked"},
                    {"slot", json::array({{{"reference", "Slot/" + doc.value("slot", "")}}})},
                    {"participant", json::array({{{"actor", {{"type", "Patient"},
                                                             {"identifier", {{"value", who}}}}},
                                                  {"status", "accepted"}}})}};
    return create_appointment(who, a.dump());
  }
  const std::string id = doc.value("id", "");
  const auto it = std::find_if(seed_.appointments.begin(), seed_.appointments.end(),
                               [&](const sim_appointment& a) { return a.id == id; });
  if (it == seed_.appointments.end()) return outcome(404, "not-found", "no such appointment");
  if (it->status == "cancelled") return outcome(409, "conflict", "the appointment is already cancelled");
  if (action == "cancel") {
    it->status = "cancelled";
  } else if (action == "move") {
    const sim_slot* to = slot(doc.value("slot", ""));
    if (!to) return outcome(404, "not-found", "no such slot");
    if (slot_taken(to->id, it->id)) return outcome(409, "conflict", "the slot is already booked");
    it->slot = to->id;
  } else {
    return outcome(404, "not-supported", "direct actions: book, move, cancel");
  }
  it->last_updated = fhir::sim::now_updated();
  return {200, {}, json{{"id", it->id}, {"status", it->status}}.dump()};
}

}  // namespace tidnav::adapters::cosmic::sim
