// SPDX-License-Identifier: GPL-2.0-or-later
// Changes made "directly in Millennium" (clinic staff at a PowerChart
// terminal), never through the adapter: the change feed must find them. They
// go through the same rules as the FHIR writes, so the state stays one the API
// could have produced, and set meta.lastUpdated like any other change.
#include "adapters/millennium/sim/sim_store.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace tidnav::adapters::millennium::sim {

sim_answer sim_store::direct(std::string_view action, std::string_view body) {
  using json = nlohmann::json;
  const json doc = json::parse(body, nullptr, false);
  if (!doc.is_object()) return fhir::sim::outcome(400, "invalid", "body must be a JSON object");
  const std::lock_guard lock(mu_);
  if (action == "book") {
    // `patient` is a Patient id or a person number.
    std::string patient = doc.value("patient", "");
    for (const auto& p : seed_.patients) {
      if (p.value == patient) patient = p.id;
    }
    const json a = {{"resourceType", "Appointment"},
                    {"status", "booked"},
                    {"slot", json::array({{{"reference", "Slot/" + doc.value("slot", "")}}})},
                    {"participant", json::array({{{"actor", {{"reference", "Patient/" + patient}}},
                                                  {"status", "accepted"}}})}};
    return create_appointment("", a.dump());
  }
  const std::string id = doc.value("id", "");
  const auto it = std::find_if(seed_.appointments.begin(), seed_.appointments.end(),
                               [&](const sim_appointment& a) { return a.id == id; });
  if (it == seed_.appointments.end()) return fhir::sim::outcome(404, "not-found", "no such appointment");
  const std::string version = "W/\"" + std::to_string(it->version) + "\"";
  if (action == "cancel") {
    const json ops = json::array({{{"op", "replace"}, {"path", "/status"}, {"value", "cancelled"}},
                                  {{"op", "add"},
                                   {"path", "/cancelationReason"},
                                   {"value", {{"coding", json::array({{{"code", "prov"}}})}}}}});
    return patch_appointment(id, version, "application/json-patch+json", ops.dump());
  }
  if (action == "move") {
    const json ops = json::array(
        {{{"op", "replace"}, {"path", "/slot"}, {"value", json::array({{{"reference", "Slot/" + doc.value("slot", "")}}})}}});
    return patch_appointment(id, version, "application/json-patch+json", ops.dump());
  }
  return fhir::sim::outcome(404, "not-supported", "direct actions: book, move, cancel");
}

}  // namespace tidnav::adapters::millennium::sim
