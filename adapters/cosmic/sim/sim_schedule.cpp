// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/cosmic/sim/sim_schedule.hpp"

#include "adapters/cosmic/fhir_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace tidnav::adapters::cosmic::sim {
namespace {

using json = nlohmann::json;

// Longest Swedish civil day (the October change): the one-day limit of SlotLiteSe.
constexpr auto max_slot_range = std::chrono::hours(25);

using fhir::sim::all_values;
using fhir::sim::first_value;
using fhir::sim::now;
using fhir::sim::outcome;

sim_answer bundle(const std::vector<json>& resources) {
  json b = {{"resourceType", "Bundle"}, {"type", "searchset"}, {"total", resources.size()}};
  if (!resources.empty()) {
    b["entry"] = json::array();
    for (const auto& r : resources) b["entry"].push_back({{"resource", r}});
  }
  return {200, {}, b.dump()};
}

json permitted_json(const std::vector<std::string>& codes) {
  json out = json::array();
  for (const auto& c : codes) {
    out.push_back({{"url", permitted_actions_url},
                   {"valueCoding", {{"system", "https://fhir.cambio.se/CodeSystem/patient-actions"}, {"code", c}}}});
  }
  return out;
}

std::vector<std::string> strings(const json& j) {
  std::vector<std::string> out;
  if (j.is_array()) {
    for (const auto& s : j) {
      if (s.is_string()) out.push_back(s.get<std::string>());
    }
  }
  return out;
}

}  // namespace

std::optional<sim_seed> load_sim_seed(const std::string& path, std::string& error) {
  const auto doc = fhir::sim::read_seed_file(path, error);
  if (!doc) return std::nullopt;
  auto seed = parse_sim_seed(*doc, fhir::sim::swedish_today(), error);
  if (!seed) error = path + ": " + error;
  return seed;
}

std::optional<sim_seed> parse_sim_seed(const json& doc, std::chrono::year_month_day today, std::string& error) {
  if (!doc.is_object()) {
    error = "not a JSON object";
    return std::nullopt;
  }
  try {
    sim_seed s;
    s.client_id = doc.at("client_id").get<std::string>();
    s.client_secret = doc.at("client_secret").get<std::string>();
    s.subscription_key = doc.at("subscription_key").get<std::string>();
    for (const auto& j : doc.at("services")) {
      s.services.push_back({j.at("id"), j.at("unit"), j.at("name")});
    }
    for (const auto& j : doc.value("slots", json::array())) {
      const auto start = parse_fhir_instant(j.at("start").get<std::string>());
      const auto end = parse_fhir_instant(j.at("end").get<std::string>());
      if (!start || !end || *end <= *start) {
        error = "bad time in slot " + j.at("id").get<std::string>();
        return std::nullopt;
      }
      s.slots.push_back({j.at("id"), j.at("service"), *start, *end, strings(j.value("permitted", json::array()))});
    }
    // Slots relative to today: one row per HealthcareService.
    for (const auto& j : doc.value("generate", json::array())) {
      const auto pattern = fhir::sim::read_slot_pattern(j, error);
      if (!pattern) return std::nullopt;
      const auto permitted = strings(j.value("permitted", json::array({"cancel", "rebook"})));
      for (const auto& g : fhir::sim::expand(*pattern, today)) {
        s.slots.push_back({g.id, j.at("service"), g.start, g.end, permitted});
      }
    }
    for (const auto& j : doc.value("appointments", json::array())) {
      sim_appointment a;
      a.id = j.at("id");
      a.slot = j.at("slot");
      a.patient = j.at("patient");
      a.status = j.value("status", "booked");
      a.comment = j.value("comment", "");
      a.permitted = strings(j.value("permitted", json::array()));
      s.appointments.push_back(std::move(a));
    }
    // Every reference must resolve: a typo in a seed is found at start, not on the first call.
    std::set<std::string> service_ids, slot_ids;
    for (const auto& sv : s.services) service_ids.insert(sv.id);
    for (const auto& sl : s.slots) {
      if (!service_ids.count(sl.service)) {
        error = "slot " + sl.id + " names unknown service " + sl.service;
        return std::nullopt;
      }
      if (!slot_ids.insert(sl.id).second) {
        error = "slot id " + sl.id + " is used twice";
        return std::nullopt;
      }
    }
    for (const auto& a : s.appointments) {
      if (!slot_ids.count(a.slot)) {
        error = "appointment " + a.id + " names unknown slot " + a.slot;
        return std::nullopt;
      }
    }
    return s;
  } catch (const json::exception& e) {
    error = e.what();
    return std::nullopt;
  }
}

sim_schedule::sim_schedule(sim_seed seed) : seed_(std::move(seed)) {
  for (auto& a : seed_.appointments) a.last_updated = fhir::sim::now_updated();
}

void sim_schedule::set_base(std::string base) {
  const std::lock_guard lock(mu_);
  base_ = std::move(base);
}

const sim_slot* sim_schedule::slot(std::string_view id) const {
  for (const auto& s : seed_.slots) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

const sim_service* sim_schedule::service(std::string_view id) const {
  for (const auto& s : seed_.services) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

bool sim_schedule::slot_taken(std::string_view id, std::string_view except) const {
  return std::any_of(seed_.appointments.begin(), seed_.appointments.end(), [&](const sim_appointment& a) {
    return a.slot == id && a.id != except && a.status != "cancelled";
  });
}

std::size_t sim_schedule::active_bookings_on_slot(std::string_view id) const {
  const std::lock_guard lock(mu_);
  return static_cast<std::size_t>(std::count_if(seed_.appointments.begin(), seed_.appointments.end(),
                                                [&](const sim_appointment& a) {
                                                  return a.slot == id && a.status != "cancelled";
                                                }));
}

std::size_t sim_schedule::slot_searches() const {
  const std::lock_guard lock(mu_);
  return slot_searches_;
}

sim_answer sim_schedule::handle(std::string_view method, std::string_view path, const query_params& query,
                                std::string_view patient, std::string_view body) {
  const std::lock_guard lock(mu_);
  if (method == "GET" && path == "/HealthcareService/_search") return search_services(query, patient);
  if (method == "GET" && path == "/Slot/_search") return search_slots(query, patient);
  if (method == "GET" && path == "/Appointment") return search_appointments(query, patient);
  if (method == "POST" && path == "/Appointment") return create_appointment(patient, body);
  constexpr std::string_view prefix = "/Appointment/";
  if (path.substr(0, prefix.size()) == prefix && path.size() > prefix.size()) {
    const auto id = path.substr(prefix.size());
    if (method == "GET") return read_appointment(id, patient);
    if (method == "PUT") return put_appointment(id, patient, body);
  }
  return outcome(404, "not-supported", "no such operation in this simulator");
}

sim_answer sim_schedule::search_services(const query_params& q, std::string_view patient) {
  if (patient.empty()) return outcome(400, "required", "Patient header is required");
  const std::string unit = first_value(q, "location.identifier");
  std::vector<json> out;
  for (const auto& s : seed_.services) {
    if (s.unit != unit) continue;
    out.push_back({{"resourceType", "HealthcareService"},
                   {"id", s.id},
                   {"name", s.name},
                   {"providedBy", {{"identifier", {{"system", hsa_system}, {"value", s.unit}}}}}});
  }
  return bundle(out);
}

sim_answer sim_schedule::search_slots(const query_params& q, std::string_view patient) {
  ++slot_searches_;
  if (patient.empty()) return outcome(400, "required", "Patient header is required");
  std::optional<sim_instant> lo, hi;
  bool lo_inclusive = true;
  for (const auto& v : all_values(q, "start")) {
    const std::string prefix = v.substr(0, 2);
    const auto t = parse_fhir_instant(v.size() > 2 ? std::string_view(v).substr(2) : std::string_view());
    if (!t) return outcome(400, "invalid", "start must be an instant with a prefix");
    if (prefix == "ge" || prefix == "gt") {
      lo = *t;
      lo_inclusive = prefix == "ge";
    } else if (prefix == "lt" || prefix == "le") {
      hi = *t;
    } else {
      return outcome(400, "invalid", "start prefix must be ge, gt, lt or le");
    }
  }
  if (!lo || !hi) return outcome(400, "required", "start needs a lower and an upper bound");
  if (*hi - *lo > max_slot_range) return outcome(400, "invalid", "the search range may cover at most one day");
  const std::string unit = first_value(q, "healthcareFacility");
  const std::string service_id = first_value(q, "healthcareService");
  if (unit.empty() || service_id.empty()) return outcome(400, "required", "healthcareFacility and healthcareService are required");
  const sim_service* svc = service(service_id);
  if (!svc || svc->unit != unit) return bundle({});
  const auto t_now = now();
  std::vector<json> out;
  for (const auto& s : seed_.slots) {
    if (s.service != service_id || s.start < *lo || (!lo_inclusive && s.start == *lo) || s.start >= *hi) continue;
    if (s.start <= t_now) continue;
    out.push_back({{"resourceType", "Slot"},
                   {"id", s.id},
                   {"status", slot_taken(s.id) && !list_taken_ ? "busy" : "free"},
                   {"start", fhir_instant(s.start)},
                   {"end", fhir_instant(s.end)},
                   {"serviceType", json::array({{{"coding", json::array({{{"code", svc->id}, {"display", svc->name}}})}}})},
                   {"extension", permitted_json(s.permitted)}});
  }
  return bundle(out);
}

namespace {

json appointment_json(const sim_appointment& a, const sim_slot& s, const sim_service& svc) {
  json j = {{"resourceType", "Appointment"},
            {"id", a.id},
            {"meta", {{"lastUpdated", fhir::sim::updated_text(a.last_updated)}}},
            {"status", a.status},
            {"start", fhir_instant(s.start)},
            {"end", fhir_instant(s.end)},
            {"slot", json::array({{{"reference", "Slot/" + s.id}}})},
            {"serviceType", json::array({{{"coding", json::array({{{"code", svc.id}, {"display", svc.name}}})}}})},
            {"participant",
             json::array({{{"actor", {{"type", "Patient"}, {"identifier", {{"system", personnummer_system}, {"value", a.patient}}}}},
                           {"status", "accepted"}},
                          {{"actor", {{"type", "Location"}, {"identifier", {{"system", hsa_system}, {"value", svc.unit}}}}},
                           {"status", "accepted"}}})},
            {"extension", permitted_json(a.permitted)}};
  if (!a.comment.empty()) j["comment"] = a.comment;
  if (!a.message.empty()) j["extension"].push_back({{"url", appointment_message_url}, {"valueString", a.message}});
  return j;
}

std::string patient_of(const json& body) {
  for (const auto& p : body.value("participant", json::array())) {
    if (p.is_object() && p.contains("actor") && p["actor"].value("type", "") == "Patient") {
      return p["actor"].value("identifier", json::object()).value("value", "");
    }
  }
  return {};
}

std::string slot_ref(const json& body) {
  const auto slots = body.value("slot", json::array());
  if (!slots.is_array() || slots.empty() || !slots[0].is_object()) return {};
  const std::string ref = slots[0].value("reference", "");
  return ref.rfind("Slot/", 0) == 0 ? ref.substr(5) : std::string();
}

std::string message_of(const json& body) {
  std::string out;
  for (const auto& e : body.value("extension", json::array())) {
    if (e.is_object() && e.value("url", "") == appointment_message_url) out = e.value("valueString", "");
  }
  return out;
}

}  // namespace

sim_answer sim_schedule::search_appointments(const query_params& q, std::string_view patient) {
  // The change feed (an assumed system-level search): no Patient header.
  if (!all_values(q, "_lastUpdated").empty()) return search_changes(q, base_);
  if (patient.empty()) return outcome(400, "required", "Patient header is required");
  const std::string unit = first_value(q, "location.identifier");
  std::vector<json> out;
  for (const auto& a : seed_.appointments) {
    const sim_slot* s = slot(a.slot);
    const sim_service* svc = s ? service(s->service) : nullptr;
    if (!svc || a.patient != patient || (!unit.empty() && svc->unit != unit)) continue;
    out.push_back(appointment_json(a, *s, *svc));
  }
  return bundle(out);
}

sim_answer sim_schedule::search_changes(const query_params& q, std::string_view base) {
  const auto filter = fhir::sim::read_change_filter(q);
  if (!filter) return outcome(400, "invalid", "_lastUpdated must be a gt/ge/lt/le prefixed instant");
  const std::string sort = first_value(q, "_sort");
  if (!sort.empty() && sort != "_lastUpdated") return outcome(400, "not-supported", "only _sort=_lastUpdated");
  std::vector<const sim_appointment*> hits;
  for (const auto& a : seed_.appointments) {
    const sim_slot* s = slot(a.slot);
    if (s && service(s->service) && filter->passes(a.last_updated)) hits.push_back(&a);
  }
  std::stable_sort(hits.begin(), hits.end(),
                   [](const sim_appointment* x, const sim_appointment* y) { return x->last_updated < y->last_updated; });
  std::vector<json> out;
  for (const auto* a : hits) {
    const sim_slot* s = slot(a->slot);
    out.push_back(appointment_json(*a, *s, *service(s->service)));
  }
  return fhir::sim::change_page(out, q, base, "/Appointment");
}

sim_answer sim_schedule::read_appointment(std::string_view id, std::string_view patient) {
  for (const auto& a : seed_.appointments) {
    if (a.id != id) continue;
    if (!patient.empty() && a.patient != patient) break;  // not shown to someone else
    const sim_slot* s = slot(a.slot);
    return {200, {}, appointment_json(a, *s, *service(s->service)).dump()};
  }
  return outcome(404, "not-found", "no such appointment");
}

sim_answer sim_schedule::create_appointment(std::string_view patient, std::string_view body) {
  const json doc = json::parse(body, nullptr, false);
  if (!doc.is_object() || doc.value("resourceType", "") != "Appointment") {
    return outcome(400, "invalid", "body must be an Appointment");
  }
  const std::string who = patient_of(doc);
  if (who.empty() || who != patient) return outcome(400, "invalid", "patient participant must match the Patient header");
  const sim_slot* s = slot(slot_ref(doc));
  if (!s) return outcome(404, "not-found", "no such slot");
  if (s->start <= now()) return outcome(422, "business-rule", "the slot has started");
  if (slot_taken(s->id)) return outcome(409, "conflict", "the slot is already booked");
  for (const auto& a : seed_.appointments) {
    const sim_slot* other = slot(a.slot);
    if (a.patient == who && a.status != "cancelled" && other && other->start < s->end && s->start < other->end) {
      return outcome(409, "duplicate", "the patient already has an appointment at that time");
    }
  }
  sim_appointment a;
  a.id = "A-" + std::to_string(next_id_++);
  a.slot = s->id;
  a.patient = who;
  a.comment = doc.value("comment", "");
  a.message = message_of(doc);
  a.permitted = s->permitted;
  a.last_updated = fhir::sim::now_updated();
  seed_.appointments.push_back(a);
  return {201, {}, appointment_json(a, *s, *service(s->service)).dump()};
}

sim_answer sim_schedule::put_appointment(std::string_view id, std::string_view patient, std::string_view body) {
  const json doc = json::parse(body, nullptr, false);
  if (!doc.is_object() || doc.value("resourceType", "") != "Appointment") {
    return outcome(400, "invalid", "body must be an Appointment");
  }
  auto it = std::find_if(seed_.appointments.begin(), seed_.appointments.end(),
                         [&](const sim_appointment& a) { return a.id == id; });
  if (it == seed_.appointments.end() || (!patient.empty() && it->patient != patient)) {
    return outcome(404, "not-found", "no such appointment");
  }
  if (it->status == "cancelled") return outcome(409, "conflict", "the appointment is already cancelled");
  const auto permitted = [&](std::string_view code) {
    return std::find(it->permitted.begin(), it->permitted.end(), code) != it->permitted.end();
  };
  if (doc.value("status", "") == "cancelled") {
    if (!permitted("cancel")) return outcome(422, "business-rule", "cancellation is not permitted");
    it->status = "cancelled";
    it->message = message_of(doc);
    it->last_updated = fhir::sim::now_updated();
  } else {
    // The assumed reschedule: a new slot reference moves the booking.
    const sim_slot* to = slot(slot_ref(doc));
    if (!to) return outcome(404, "not-found", "no such slot");
    if (to->id != it->slot) {
      if (!permitted("rebook")) return outcome(422, "business-rule", "rebooking is not permitted");
      if (to->start <= now()) return outcome(422, "business-rule", "the slot has started");
      if (slot_taken(to->id, it->id)) return outcome(409, "conflict", "the slot is already booked");
      it->slot = to->id;
    }
    it->comment = doc.value("comment", it->comment);
    it->last_updated = fhir::sim::now_updated();
  }
  const sim_slot* s = slot(it->slot);
  return {200, {}, appointment_json(*it, *s, *service(s->service)).dump()};
}

}  // namespace tidnav::adapters::cosmic::sim
