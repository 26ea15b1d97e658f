// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/cosmic/fhir_json.hpp"

namespace tidnav::adapters::cosmic {
namespace {

using json = nlohmann::json;

using fhir::period;
using fhir::str;

booking_result<coded_value> first_coding(const json& concepts) {
  if (!concepts.is_array() || concepts.empty()) return fail(technical_code::bad_backend_answer, "no serviceType");
  const auto& codings = concepts[0].is_object() ? concepts[0].value("coding", json::array()) : json::array();
  if (!codings.is_array() || codings.empty() || !codings[0].is_object()) {
    return fail(technical_code::bad_backend_answer, "serviceType without coding");
  }
  coded_value c{str(codings[0], "code"), str(codings[0], "system"), str(codings[0], "display")};
  if (c.code.empty()) return fail(technical_code::bad_backend_answer, "serviceType without code");
  return c;
}

}  // namespace

permitted_actions read_permitted_actions(const json& resource) {
  permitted_actions p;
  if (!resource.is_object() || !resource.contains("extension") || !resource["extension"].is_array()) return p;
  for (const auto& ext : resource["extension"]) {
    if (str(ext, "url") != permitted_actions_url || !ext.contains("valueCoding")) continue;
    const std::string code = str(ext["valueCoding"], "code");
    p.cancel = p.cancel || code == "cancel";
    p.rebook = p.rebook || code == "rebook";
  }
  return p;
}

booking_result<time_type> read_healthcare_service(const json& service) {
  time_type t;
  t.code = str(service, "id");
  t.name = str(service, "name");
  if (t.code.empty()) return fail(technical_code::bad_backend_answer, "HealthcareService without id");
  if (t.name.empty()) t.name = t.code;
  // Cosmic applies its own web-booking rules per service; we only learn them per slot/appointment.
  t.cancel_allowed = true;
  t.update_allowed = true;
  return t;
}

booking_result<timeslot> read_slot(const json& slot, std::string_view unit, const std::vector<time_type>& services) {
  auto basics = fhir::slot_basics(slot, unit);
  if (!basics) return basics;
  timeslot s = std::move(basics.value());
  auto code = first_coding(slot.value("serviceType", json()));
  if (!code) return core::failure<booking_error>{code.error()};
  s.type.code = code.value().code;
  s.type.name = code.value().display_name.empty() ? code.value().code : code.value().display_name;
  for (const auto& t : services) {
    if (t.code == s.type.code) s.type = t;
  }
  const auto permitted = read_permitted_actions(slot);
  s.type.cancel_allowed = permitted.cancel;
  s.type.update_allowed = permitted.rebook;
  return s;
}

bool is_active_status(std::string_view status) { return status == "booked" || status == "proposed"; }

booking_result<appointment> read_appointment(const json& a) {
  if (str(a, "resourceType") != "Appointment") return fail(technical_code::bad_backend_answer, "not an Appointment");
  appointment out;
  out.id = str(a, "id");
  if (out.id.empty()) return fail(technical_code::bad_backend_answer, "Appointment without id");
  auto p = period(a, "Appointment");
  if (!p) return core::failure<booking_error>{p.error()};
  out.slot.start = p.value().first;
  out.slot.end = p.value().second;
  out.status = str(a, "status") == "proposed" ? appointment_status::preliminary : appointment_status::confirmed;
  if (a.contains("slot") && a["slot"].is_array() && !a["slot"].empty()) {
    const std::string ref = str(a["slot"][0], "reference");
    out.slot.id = ref.rfind("Slot/", 0) == 0 ? ref.substr(5) : ref;
  }
  auto code = first_coding(a.value("serviceType", json()));
  if (!code) return core::failure<booking_error>{code.error()};
  out.slot.type.code = code.value().code;
  out.slot.type.name = code.value().display_name.empty() ? code.value().code : code.value().display_name;
  const auto participants = a.value("participant", json::array());
  if (!participants.is_array()) return fail(technical_code::bad_backend_answer, "participant is not an array");
  for (const auto& part : participants) {
    if (!part.is_object() || !part.contains("actor")) continue;
    const auto& actor = part["actor"];
    const std::string type = str(actor, "type");
    const json id = actor.value("identifier", json::object());
    const std::string system = str(id, "system");
    const std::string value = str(id, "value");
    if (type == "Patient") {
      out.person.number = value;
      out.person.kind = system == samordningsnummer_system ? person_number_kind::samordningsnummer
                                                           : person_number_kind::personnummer;
    } else if (type == "Location" || type == "Organization") {
      out.slot.unit = value;
    } else if (type == "Practitioner") {
      // COS gives a display name only; HSA-id when it has one.
      practitioner pr;
      pr.hsa_id = value;
      pr.last_name = str(actor, "display");
      out.slot.practitioners.push_back(std::move(pr));
    }
  }
  if (out.person.number.empty() || out.slot.unit.empty()) {
    return fail(technical_code::bad_backend_answer, "Appointment without patient or unit");
  }
  out.reason_text = str(a, "comment");
  out.purpose = str(a, "patientInstruction");
  const auto permitted = read_permitted_actions(a);
  out.cancel_allowed = permitted.cancel;
  out.update_allowed = permitted.rebook;
  out.slot.type.cancel_allowed = permitted.cancel;
  out.slot.type.update_allowed = permitted.rebook;
  return out;
}

json patient_participant(const person_id& person) {
  const auto system = person.kind == person_number_kind::samordningsnummer ? samordningsnummer_system
                                                                            : personnummer_system;
  return {{"actor", {{"type", "Patient"}, {"identifier", {{"system", system}, {"value", person.number}}}}},
          {"status", "accepted"}};
}

}  // namespace tidnav::adapters::cosmic
