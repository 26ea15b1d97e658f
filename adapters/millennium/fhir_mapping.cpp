// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/millennium/fhir_mapping.hpp"

#include "adapters/core/unit_table.hpp"
#include "adapters/millennium/millennium_client.hpp"

namespace tidnav::adapters::millennium {
namespace {

using json = nlohmann::json;

using fhir::str;

// The first coding of the first CodeableConcept in `concepts`.
std::optional<coded_value> first_coding(const json& concepts) {
  if (!concepts.is_array() || concepts.empty() || !concepts[0].is_object()) return std::nullopt;
  const auto codings = concepts[0].value("coding", json::array());
  if (!codings.is_array() || codings.empty() || !codings[0].is_object()) return std::nullopt;
  coded_value c{str(codings[0], "code"), str(codings[0], "system"), str(codings[0], "display")};
  if (c.code.empty()) return std::nullopt;
  return c;
}

using fhir::period;

const json* extension(const json& resource, std::string_view url) {
  if (!resource.is_object() || !resource.contains("extension") || !resource["extension"].is_array()) return nullptr;
  for (const auto& e : resource["extension"]) {
    if (str(e, "url") == url) return &e;
  }
  return nullptr;
}

std::optional<bool> bool_extension(const json& resource, std::string_view url) {
  const json* e = extension(resource, url);
  if (!e || !e->contains("valueBoolean") || !(*e)["valueBoolean"].is_boolean()) return std::nullopt;
  return (*e)["valueBoolean"].get<bool>();
}

// The configured service type for a coding, or a bare one named by the coding.
time_type type_of(const coded_value& c, std::string_view location, const millennium_options& o) {
  time_type t;
  t.code = c.code;
  t.name = c.display_name.empty() ? c.code : c.display_name;
  t.cancel_allowed = true;
  t.update_allowed = true;
  if (const auto* loc = find_location(o, location)) {
    for (const auto& s : loc->service_types) {
      if (s.code == c.code && (s.system.empty() || c.code_system.empty() || s.system == c.code_system)) {
        t.name = s.name.empty() ? t.name : s.name;
        t.cancel_allowed = s.cancel_allowed;
        t.update_allowed = s.update_allowed;
      }
    }
  }
  return t;
}

practitioner practitioner_of(std::string_view fhir_id, std::string_view display, const millennium_options& o) {
  practitioner p;
  if (const auto* c = practitioner_by_fhir_id(o, fhir_id)) {
    p.hsa_id = c->hsa_id;
    p.first_name = c->first_name;
    p.last_name = c->last_name;
    p.title = c->title;
  } else {
    p.last_name = std::string(display);  // no HSA-id agreed for this one
  }
  return p;
}

}  // namespace

std::string next_link(const json& bundle) {
  if (!bundle.is_object() || !bundle.contains("link") || !bundle["link"].is_array()) return {};
  for (const auto& l : bundle["link"]) {
    if (str(l, "relation") == "next") return str(l, "url");
  }
  return {};
}

std::string reference_id(std::string_view ref, std::string_view type) {
  std::string marker = std::string(type) + "/";
  std::size_t at = std::string_view::npos;
  if (ref.substr(0, marker.size()) == marker) {
    at = 0;
  } else {
    const auto slash = ref.rfind("/" + marker);
    if (slash != std::string_view::npos) at = slash + 1;
  }
  if (at == std::string_view::npos) return {};
  auto id = ref.substr(at + marker.size());
  id = id.substr(0, id.find('/'));  // drop /_history/<v>
  return std::string(id);
}

std::string created_id(std::string_view location, const json& body) {
  std::string id = reference_id(location, "Appointment");
  if (id.empty()) id = str(body, "id");
  return id;
}

std::string if_match_of(std::string_view etag, const json& resource) {
  if (!etag.empty()) return std::string(etag);
  if (resource.is_object() && resource.contains("meta")) {
    const std::string v = str(resource["meta"], "versionId");
    if (!v.empty()) return "W/\"" + v + "\"";
  }
  return {};
}

const location_config* find_location(const millennium_options& o, std::string_view id) {
  for (const auto& l : o.locations) {
    if (l.location_id == id) return &l;
  }
  return nullptr;
}

const practitioner_config* practitioner_by_hsa(const millennium_options& o, std::string_view hsa_id) {
  for (const auto& p : o.practitioners) {
    if (same_hsa_id(p.hsa_id, hsa_id)) return &p;
  }
  return nullptr;
}

const practitioner_config* practitioner_by_fhir_id(const millennium_options& o, std::string_view id) {
  for (const auto& p : o.practitioners) {
    if (p.practitioner_id == id) return &p;
  }
  return nullptr;
}

booking_result<timeslot> read_slot(const json& slot, std::string_view unit, const millennium_options& o) {
  auto basics = fhir::slot_basics(slot, unit);
  if (!basics) return basics;
  timeslot s = std::move(basics.value());
  if (const json* loc = extension(slot, scheduling_location_url)) {
    const std::string id = reference_id(str(loc->value("valueReference", json::object()), "reference"), "Location");
    if (!id.empty()) s.unit = id;
  }
  const auto code = first_coding(slot.value("serviceType", json()));
  if (!code) return fail(technical_code::bad_backend_answer, "Slot without serviceType coding");
  s.type = type_of(*code, s.unit, o);
  if (const json* res = extension(slot, std::string(extension_base) + "general-resource")) {
    const std::string name = str(*res, "valueString");
    if (!name.empty()) s.resource = booking_resource{name, name};
  }
  return s;
}

bool is_active_status(std::string_view status) {
  return status == "booked" || status == "arrived" || status == "checked-in";
}

booking_result<read_appointment_result> read_appointment(const json& a, const millennium_options& o) {
  if (str(a, "resourceType") != "Appointment") return fail(technical_code::bad_backend_answer, "not an Appointment");
  read_appointment_result r;
  appointment& out = r.value;
  out.id = str(a, "id");
  if (out.id.empty()) return fail(technical_code::bad_backend_answer, "Appointment without id");
  r.status = str(a, "status");
  auto p = period(a, "Appointment");
  if (!p) return core::failure<booking_error>{p.error()};
  out.slot.start = p.value().first;
  out.slot.end = p.value().second;
  out.status = r.status == "proposed" ? appointment_status::preliminary : appointment_status::confirmed;
  if (a.contains("slot") && a["slot"].is_array() && !a["slot"].empty()) {
    out.slot.id = reference_id(str(a["slot"][0], "reference"), "Slot");
  }
  const auto participants = a.value("participant", json::array());
  if (!participants.is_array()) return fail(technical_code::bad_backend_answer, "participant is not an array");
  for (const auto& part : participants) {
    if (!part.is_object() || !part.contains("actor")) continue;
    const std::string ref = str(part["actor"], "reference");
    if (auto id = reference_id(ref, "Patient"); !id.empty()) {
      r.patient_id = id;
    } else if (auto loc = reference_id(ref, "Location"); !loc.empty()) {
      out.slot.unit = loc;
    } else if (auto pr = reference_id(ref, "Practitioner"); !pr.empty()) {
      out.slot.practitioners.push_back(practitioner_of(pr, str(part["actor"], "display"), o));
    }
  }
  if (r.patient_id.empty()) return fail(technical_code::bad_backend_answer, "Appointment without a Patient participant");
  const auto code = first_coding(a.value("serviceType", json()));
  if (code) {
    out.slot.type = type_of(*code, out.slot.unit, o);
  } else {
    out.slot.type.code = "unknown";  // a proposed request may carry none; the contracts want a code
    out.slot.type.name = "Besök";
  }
  if (a.contains("reasonCode") && a["reasonCode"].is_array() && !a["reasonCode"].empty()) {
    out.reason_text = str(a["reasonCode"][0], "text");  // Millennium keeps only the text
  }
  out.purpose = str(a, "patientInstruction");
  out.cancel_allowed = bool_extension(a, is_cancelable_url).value_or(out.slot.type.cancel_allowed);
  out.update_allowed = bool_extension(a, is_reschedulable_url).value_or(out.slot.type.update_allowed);
  out.slot.type.cancel_allowed = out.cancel_allowed;
  out.slot.type.update_allowed = out.update_allowed;
  return r;
}

std::optional<person_id> read_patient_person(const json& patient, const millennium_options& o) {
  for (const auto& id : patient.value("identifier", json::array())) {
    const std::string system = str(id, "system");
    const std::string value = str(id, "value");
    if (value.empty()) continue;
    if (system == o.personnummer_system) return person_id{person_number_kind::personnummer, value};
    if (system == o.samordningsnummer_system) return person_id{person_number_kind::samordningsnummer, value};
  }
  return std::nullopt;
}

std::string identifier_system(const person_id& person, const millennium_options& o) {
  return person.kind == person_number_kind::samordningsnummer ? o.samordningsnummer_system : o.personnummer_system;
}

std::string patient_search_query(const person_id& person, const millennium_options& o) {
  return "/Patient?identifier=" + url_encode(identifier_system(person, o) + "|" + person.number);
}

std::string slot_search_query(const slot_search& s, std::size_t page_size) {
  std::string codes;
  for (const auto* t : s.types) {
    if (!codes.empty()) codes += ",";
    codes += t->system.empty() ? t->code : t->system + "|" + t->code;
  }
  std::string q = "/Slot?service-type=" + url_encode(codes) + "&start=ge" + url_encode(fhir_instant(s.from)) +
                  "&start=lt" + url_encode(fhir_instant(s.to)) + "&-location=" + url_encode(s.location_id);
  if (!s.practitioner_ids.empty()) {
    std::string actors;
    for (const auto& p : s.practitioner_ids) actors += (actors.empty() ? "" : ",") + ("Practitioner/" + p);
    q += "&schedule.actor=" + url_encode(actors);
  }
  q += "&_count=" + std::to_string(page_size);
  return q;
}

json appointment_create(const make_request& r, std::string_view patient_id) {
  json a = {{"resourceType", "Appointment"},
            {"status", "booked"},
            {"slot", json::array({{{"reference", "Slot/" + r.slot}}})},
            {"participant", json::array({{{"actor", {{"reference", "Patient/" + std::string(patient_id)}}},
                                          {"status", "accepted"}}})}};
  if (!r.reason_text.empty()) a["reasonCode"] = json::array({{{"text", r.reason_text}}});
  if (!r.notification.empty()) a["comment"] = r.notification;
  return a;
}

json reschedule_patch(std::string_view slot_id) {
  return json::array({{{"op", "replace"}, {"path", "/slot"},
                       {"value", json::array({{{"reference", "Slot/" + std::string(slot_id)}}})}}});
}

json cancel_patch(const coded_value& reason) {
  json coding = {{"system", reason.code_system}, {"code", reason.code}};
  if (!reason.display_name.empty()) coding["display"] = reason.display_name;
  return json::array({{{"op", "replace"}, {"path", "/status"}, {"value", "cancelled"}},
                      {{"op", "add"}, {"path", "/cancelationReason"}, {"value", {{"coding", json::array({coding})}}}}});
}

}  // namespace tidnav::adapters::millennium
