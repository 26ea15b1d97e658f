// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/millennium/fhir_mapping.hpp"

#include "adapters/core/unit_table.hpp"
#include "adapters/millennium/millennium_client.hpp"

#include <charconv>
#include <cstdio>

namespace tidnav::adapters::millennium {
namespace {

using json = nlohmann::json;

std::string str(const json& j, std::string_view key) {
  if (!j.is_object()) return {};
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  const auto* first = s.data() + pos;
  const auto [p, ec] = std::from_chars(first, first + n, out);
  return ec == std::errc() && p == first + n;
}

// The first coding of the first CodeableConcept in `concepts`.
std::optional<coded_value> first_coding(const json& concepts) {
  if (!concepts.is_array() || concepts.empty() || !concepts[0].is_object()) return std::nullopt;
  const auto codings = concepts[0].value("coding", json::array());
  if (!codings.is_array() || codings.empty() || !codings[0].is_object()) return std::nullopt;
  coded_value c{str(codings[0], "code"), str(codings[0], "system"), str(codings[0], "display")};
  if (c.code.empty()) return std::nullopt;
  return c;
}

booking_result<std::pair<instant, instant>> period(const json& resource, std::string_view what) {
  const auto start = parse_fhir_instant(str(resource, "start"));
  const auto end = parse_fhir_instant(str(resource, "end"));
  if (!start || !end || *end <= *start) {
    return fail(technical_code::bad_backend_answer, std::string(what) + " without a valid start/end");
  }
  return std::pair{*start, *end};
}

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

std::string fhir_instant(instant t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{t - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

std::optional<instant> parse_fhir_instant(std::string_view s) {
  int y, mo, d, h, mi, se;
  if (s.size() < 19 || !digits(s, 0, 4, y) || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
      !digits(s, 8, 2, d) || s[10] != 'T' || !digits(s, 11, 2, h) || s[13] != ':' || !digits(s, 14, 2, mi) ||
      s[16] != ':' || !digits(s, 17, 2, se)) {
    return std::nullopt;
  }
  std::size_t pos = 19;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
  }
  std::chrono::seconds offset{0};
  if (pos < s.size() && s[pos] == 'Z') {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    int oh, om;
    if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' || !digits(s, pos + 4, 2, om)) {
      return std::nullopt;
    }
    offset = std::chrono::hours(oh) + std::chrono::minutes(om);
    if (s[pos] == '-') offset = -offset;
    pos += 6;
  } else {
    return std::nullopt;  // a FHIR instant always carries a zone
  }
  if (pos != s.size()) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(mo)),
                                        std::chrono::day(static_cast<unsigned>(d))};
  if (!ymd.ok() || h > 23 || mi > 59 || se > 60) return std::nullopt;
  return instant{std::chrono::sys_days{ymd}} + std::chrono::hours(h) + std::chrono::minutes(mi) +
         std::chrono::seconds(se) - offset;
}

booking_result<json> parse_body(std::string_view body) {
  auto doc = json::parse(body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return fail(technical_code::bad_backend_answer, "Millennium answered something that is not a JSON object");
  }
  return doc;
}

booking_result<std::vector<json>> bundle_resources(const json& bundle, std::string_view type) {
  if (str(bundle, "resourceType") != "Bundle") return fail(technical_code::bad_backend_answer, "not a Bundle");
  std::vector<json> out;
  const auto entries = bundle.find("entry");
  if (entries == bundle.end()) return out;  // an empty searchset has no entry at all
  if (!entries->is_array()) return fail(technical_code::bad_backend_answer, "Bundle.entry is not an array");
  for (const auto& e : *entries) {
    if (!e.is_object() || !e.contains("resource")) continue;
    const auto& r = e["resource"];
    if (str(r, "resourceType") == type) out.push_back(r);
  }
  return out;
}

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
  timeslot s;
  s.id = str(slot, "id");
  if (s.id.empty()) return fail(technical_code::bad_backend_answer, "Slot without id");
  auto p = period(slot, "Slot");
  if (!p) return core::failure<booking_error>{p.error()};
  s.start = p.value().first;
  s.end = p.value().second;
  s.unit = std::string(unit);
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
