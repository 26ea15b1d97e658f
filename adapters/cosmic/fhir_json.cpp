// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/cosmic/fhir_json.hpp"

#include <charconv>
#include <cstdio>

namespace tidnav::adapters::cosmic {
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

booking_result<std::pair<instant, instant>> period(const json& resource, std::string_view what) {
  const auto start = parse_fhir_instant(str(resource, "start"));
  const auto end = parse_fhir_instant(str(resource, "end"));
  if (!start || !end || *end <= *start) {
    return fail(technical_code::bad_backend_answer, std::string(what) + " without a valid start/end");
  }
  return std::pair{*start, *end};
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
  if (!digits(s, 0, 4, y) || s.size() < 19 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
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
    return std::nullopt;  // FHIR instants always carry a zone
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
    return fail(technical_code::bad_backend_answer, "Cosmic answered something that is not a JSON object");
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
    if (str(r, "resourceType") == type) out.push_back(r);  // OperationOutcome entries are informational
  }
  return out;
}

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
  timeslot s;
  s.id = str(slot, "id");
  if (s.id.empty()) return fail(technical_code::bad_backend_answer, "Slot without id");
  auto p = period(slot, "Slot");
  if (!p) return core::failure<booking_error>{p.error()};
  s.start = p.value().first;
  s.end = p.value().second;
  s.unit = std::string(unit);
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
