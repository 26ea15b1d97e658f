// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/millennium/sim/sim_store.hpp"

#include "adapters/millennium/fhir_mapping.hpp"
#include "adapters/millennium/millennium_client.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace tidnav::adapters::millennium::sim {
namespace {

using json = nlohmann::json;

constexpr std::string_view personnummer_oid = "urn:oid:1.2.752.129.2.1.3.1";

using fhir::sim::all_values;
using fhir::sim::first_value;
using fhir::sim::now;
using fhir::sim::outcome;

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  while (!s.empty()) {
    const auto at = s.find(sep);
    out.emplace_back(s.substr(0, at));
    if (at == std::string_view::npos) break;
    s.remove_prefix(at + 1);
  }
  return out;
}

// One page of a searchset, with an opaque-looking `next` link (pageContext=…&direction=NEXT)
// that a client must follow rather than build.
sim_answer page(const std::vector<json>& all, const query_params& q, std::string_view base, std::string_view path,
                std::size_t& pages) {
  ++pages;
  std::size_t count = 20;
  std::size_t offset = 0;
  try {
    if (const auto c = first_value(q, "_count"); !c.empty()) count = std::max<std::size_t>(1, std::stoul(c));
    if (const auto p = first_value(q, "pageContext"); !p.empty()) offset = std::stoul(p);
  } catch (const std::exception&) {
    return outcome(400, "invalid", "bad _count or pageContext");
  }
  json b = {{"resourceType", "Bundle"}, {"type", "searchset"}, {"link", json::array()}};
  for (std::size_t i = offset; i < all.size() && i < offset + count; ++i) {
    if (!b.contains("entry")) b["entry"] = json::array();
    b["entry"].push_back({{"fullUrl", std::string(base) + "/" + all[i].value("resourceType", "") + "/" +
                                          all[i].value("id", "")},
                          {"resource", all[i]}});
  }
  if (offset + count < all.size()) {
    std::string url = std::string(base) + std::string(path) + "?";
    for (const auto& [k, v] : q) {
      if (k == "pageContext" || k == "direction") continue;
      url += url_encode(k) + "=" + url_encode(v) + "&";
    }
    url += "pageContext=" + std::to_string(offset + count) + "&direction=NEXT";
    b["link"].push_back({{"relation", "next"}, {"url", url}});
  }
  return {200, {}, b.dump()};
}

struct bounds {
  std::optional<sim_instant> lo;  // inclusive
  std::optional<sim_instant> hi;  // exclusive
  bool ok = true;
};

// ge/gt/lt/le prefixed instants; a bare value is that whole UTC day.
bounds read_bounds(const std::vector<std::string>& values) {
  bounds b;
  for (const auto& v : values) {
    const std::string prefix = v.size() > 2 ? v.substr(0, 2) : std::string();
    const bool prefixed = prefix == "ge" || prefix == "gt" || prefix == "lt" || prefix == "le";
    std::string text = prefixed ? v.substr(2) : v;
    if (text.size() == 10) text += "T00:00:00Z";
    const auto t = parse_fhir_instant(text);
    if (!t) {
      b.ok = false;
      return b;
    }
    if (prefix == "ge") b.lo = *t;
    if (prefix == "gt") b.lo = *t + std::chrono::seconds(1);
    if (prefix == "lt") b.hi = *t;
    if (prefix == "le") b.hi = *t + std::chrono::seconds(1);
    if (!prefixed) {
      b.lo = *t;
      b.hi = *t + std::chrono::days(1);
    }
  }
  return b;
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
    for (const auto& j : doc.at("patients")) {
      const std::string value = j.at("value");
      s.patients.push_back({j.value("id", "P-" + value), j.value("system", std::string(personnummer_oid)), value,
                            j.value("name", "")});
    }
    for (const auto& j : doc.value("slots", json::array())) {
      const auto start = parse_fhir_instant(j.at("start").get<std::string>());
      const auto end = parse_fhir_instant(j.at("end").get<std::string>());
      if (!start || !end || *end <= *start) {
        error = "bad time in slot " + j.at("id").get<std::string>();
        return std::nullopt;
      }
      s.slots.push_back({j.at("id"), j.at("location"), j.value("practitioner", ""), j.at("code"),
                         j.value("system", ""), j.value("display", ""), *start, *end});
    }
    // Slots relative to today: one row per Location × appointment type (× practitioner).
    for (const auto& j : doc.value("generate", json::array())) {
      const auto pattern = fhir::sim::read_slot_pattern(j, error);
      if (!pattern) return std::nullopt;
      for (const auto& g : fhir::sim::expand(*pattern, today)) {
        s.slots.push_back({g.id, j.at("location"), j.value("practitioner", ""), j.at("code"), j.value("system", ""),
                           j.value("display", ""), g.start, g.end});
      }
    }
    for (const auto& j : doc.value("appointments", json::array())) {
      sim_appointment a;
      a.id = j.at("id");
      a.slot = j.at("slot");
      a.patient = j.at("patient");
      a.status = j.value("status", "booked");
      a.cancelable = j.value("cancelable", true);
      a.reschedulable = j.value("reschedulable", true);
      a.reason = j.value("reason", "");
      s.appointments.push_back(std::move(a));
    }
    // Every reference must resolve: a typo in a seed is found at start, not on the first call.
    std::set<std::string> slot_ids;
    for (const auto& sl : s.slots) {
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
      if (std::none_of(s.patients.begin(), s.patients.end(), [&](const sim_patient& p) { return p.id == a.patient; })) {
        error = "appointment " + a.id + " names unknown patient " + a.patient;
        return std::nullopt;
      }
    }
    return s;
  } catch (const json::exception& e) {
    error = e.what();
    return std::nullopt;
  }
}

sim_store::sim_store(sim_seed seed) : seed_(std::move(seed)) {
  for (auto& a : seed_.appointments) a.last_updated = fhir::sim::now_updated();
}

const sim_slot* sim_store::slot(std::string_view id) const {
  for (const auto& s : seed_.slots) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

bool sim_store::slot_taken(std::string_view id, std::string_view except) const {
  return std::any_of(seed_.appointments.begin(), seed_.appointments.end(), [&](const sim_appointment& a) {
    return a.slot == id && a.id != except && a.status != "cancelled";
  });
}

std::size_t sim_store::active_bookings_on_slot(std::string_view id) const {
  const std::lock_guard lock(mu_);
  return static_cast<std::size_t>(std::count_if(seed_.appointments.begin(), seed_.appointments.end(),
                                                [&](const sim_appointment& a) {
                                                  return a.slot == id && a.status != "cancelled";
                                                }));
}

std::size_t sim_store::slot_searches() const {
  const std::lock_guard lock(mu_);
  return slot_searches_;
}

std::size_t sim_store::pages_served() const {
  const std::lock_guard lock(mu_);
  return pages_;
}

sim_answer sim_store::handle(std::string_view method, std::string_view path, const query_params& query,
                             std::string_view base, std::string_view if_match, std::string_view content_type,
                             std::string_view body) {
  const std::lock_guard lock(mu_);
  if (method == "GET" && path == "/Patient") return search_patients(query, base);
  if (method == "GET" && path == "/Slot") return search_slots(query, base);
  if (method == "GET" && path == "/Appointment") return search_appointments(query, base);
  if (method == "POST" && path == "/Appointment") return create_appointment(base, body);
  for (std::string_view prefix : {"/Appointment/", "/Patient/"}) {
    if (path.substr(0, prefix.size()) != prefix || path.size() == prefix.size()) continue;
    const auto id = path.substr(prefix.size());
    if (prefix == "/Patient/" && method == "GET") return read_patient(id);
    if (prefix == "/Appointment/" && method == "GET") return read_appointment(id);
    if (prefix == "/Appointment/" && method == "PATCH") return patch_appointment(id, if_match, content_type, body);
  }
  return outcome(404, "not-supported", "no such operation in this simulator");
}

namespace {

json patient_json(const sim_patient& p) {
  return {{"resourceType", "Patient"},
          {"id", p.id},
          {"identifier", json::array({{{"system", p.system}, {"value", p.value}}})},
          {"name", json::array({{{"text", p.name}}})}};
}

json coding_json(const sim_slot& s) {
  json c = {{"code", s.code}, {"display", s.display}};
  if (!s.system.empty()) c["system"] = s.system;
  return json::array({{{"coding", json::array({c})}, {"text", s.display}}});
}

json slot_json(const sim_slot& s) {
  return {{"resourceType", "Slot"},
          {"id", s.id},
          {"status", "free"},
          {"start", fhir_instant(s.start)},
          {"end", fhir_instant(s.end)},
          {"serviceType", coding_json(s)},
          {"schedule", {{"reference", "Schedule/SCH-" + s.location}}},
          {"extension", json::array({{{"url", scheduling_location_url},
                                      {"valueReference", {{"reference", "Location/" + s.location}}}}})}};
}

json appointment_json(const sim_appointment& a, const sim_slot& s) {
  json participants = json::array({{{"actor", {{"reference", "Patient/" + a.patient}}}, {"status", "accepted"}},
                                   {{"actor", {{"reference", "Location/" + s.location}}}, {"status", "accepted"}}});
  if (!s.practitioner.empty()) {
    participants.push_back({{"actor", {{"reference", "Practitioner/" + s.practitioner}}}, {"status", "accepted"}});
  }
  json j = {{"resourceType", "Appointment"},
            {"id", a.id},
            {"meta", {{"versionId", std::to_string(a.version)}, {"lastUpdated", fhir::sim::updated_text(a.last_updated)}}},
            {"status", a.status},
            {"serviceType", coding_json(s)},
            {"start", fhir_instant(s.start)},
            {"end", fhir_instant(s.end)},
            {"minutesDuration", std::chrono::duration_cast<std::chrono::minutes>(s.end - s.start).count()},
            {"slot", json::array({{{"reference", "Slot/" + s.id}}})},
            {"participant", participants},
            {"extension", json::array({{{"url", is_cancelable_url}, {"valueBoolean", a.cancelable}},
                                       {{"url", is_reschedulable_url}, {"valueBoolean", a.reschedulable}}})}};
  if (!a.reason.empty()) j["reasonCode"] = json::array({{{"text", a.reason}}});
  if (!a.cancel_code.empty()) {
    j["cancelationReason"] = {{"coding", json::array({{{"code", a.cancel_code}}})}};
  }
  return j;
}

std::string etag(const sim_appointment& a) { return "W/\"" + std::to_string(a.version) + "\""; }

}  // namespace

sim_answer sim_store::search_patients(const query_params& q, std::string_view base) {
  const auto ids = all_values(q, "identifier");
  if (ids.size() != 1) return outcome(400, "required", "identifier must be given once");
  const auto bar = ids[0].find('|');
  const std::string system = bar == std::string::npos ? std::string() : ids[0].substr(0, bar);
  const std::string value = bar == std::string::npos ? ids[0] : ids[0].substr(bar + 1);
  std::vector<json> out;
  for (const auto& p : seed_.patients) {
    if (p.value == value && (system.empty() || p.system == system)) out.push_back(patient_json(p));
  }
  return page(out, q, base, "/Patient", pages_);
}

sim_answer sim_store::read_patient(std::string_view id) {
  for (const auto& p : seed_.patients) {
    if (p.id == id) return {200, {}, patient_json(p).dump()};
  }
  return outcome(404, "not-found", "no such patient");
}

sim_answer sim_store::search_slots(const query_params& q, std::string_view base) {
  ++slot_searches_;
  const auto types = all_values(q, "service-type");
  const auto locations = all_values(q, "-location");
  const auto actors = all_values(q, "schedule.actor");
  if (first_value(q, "_id").empty() && types.empty()) return outcome(400, "required", "service-type is required");
  if (types.size() > 1 || locations.size() > 1 || actors.size() > 1) {
    return outcome(400, "invalid", "service-type, -location and schedule.actor may each be given once");
  }
  const auto starts = all_values(q, "start");
  const auto b = read_bounds(starts);
  if (!b.ok) return outcome(400, "invalid", "start must be a prefixed instant");
  const bool two = starts.size() == 2 && starts[0].substr(0, 2) != starts[1].substr(0, 2) &&
                   std::all_of(starts.begin(), starts.end(),
                               [](const std::string& v) { return v.rfind("ge", 0) == 0 || v.rfind("lt", 0) == 0; });
  if (!two || !b.lo || !b.hi) return outcome(400, "required", "start must be given twice, with ge and lt");
  // Standard and proprietary codes may not be mixed in one search.
  std::vector<std::pair<std::string, std::string>> wanted;  // system, code
  std::string first_system;
  const auto codes = split(types.front(), ',');
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const auto bar = codes[i].find('|');
    std::string system = bar == std::string::npos ? std::string() : codes[i].substr(0, bar);
    std::string code = bar == std::string::npos ? codes[i] : codes[i].substr(bar + 1);
    if (i == 0) first_system = system;
    if (system != first_system) return outcome(400, "invalid", "service-type codes of different systems");
    wanted.emplace_back(std::move(system), std::move(code));
  }
  const auto loc_list = locations.empty() ? std::vector<std::string>{} : split(locations.front(), ',');
  const auto actor_list = actors.empty() ? std::vector<std::string>{} : split(actors.front(), ',');
  const auto t_now = now();
  std::vector<const sim_slot*> hits;
  for (const auto& s : seed_.slots) {
    // Free only (unless the taken-slot-free defect is on).
    if (s.start < *b.lo || s.start >= *b.hi || s.start <= t_now || (!list_taken_ && slot_taken(s.id))) continue;
    if (std::none_of(wanted.begin(), wanted.end(), [&](const auto& w) {
          return w.second == s.code && (w.first.empty() || w.first == s.system);
        })) {
      continue;
    }
    if (!loc_list.empty() && std::find(loc_list.begin(), loc_list.end(), s.location) == loc_list.end()) continue;
    if (!actor_list.empty() &&
        std::find(actor_list.begin(), actor_list.end(), "Practitioner/" + s.practitioner) == actor_list.end()) {
      continue;
    }
    hits.push_back(&s);
  }
  std::stable_sort(hits.begin(), hits.end(), [](const sim_slot* a, const sim_slot* b) {
    return a->start != b->start ? a->start < b->start : a->code < b->code;
  });
  std::vector<json> out;
  for (const auto* s : hits) out.push_back(slot_json(*s));
  return page(out, q, base, "/Slot", pages_);
}

sim_answer sim_store::search_appointments(const query_params& q, std::string_view base) {
  if (!all_values(q, "_lastUpdated").empty()) return search_changes(q, base);
  const std::string patient = first_value(q, "patient");
  const std::string id = first_value(q, "_id");
  if (patient.empty() && id.empty()) return outcome(400, "required", "patient or _id is required");
  const auto dates = all_values(q, "date");
  if (!patient.empty() && (dates.empty() || dates.size() > 2)) {
    return outcome(400, "required", "date is required with patient, once or twice");
  }
  const auto b = read_bounds(dates);
  if (!b.ok) return outcome(400, "invalid", "bad date");
  std::vector<std::pair<sim_instant, json>> hits;
  for (const auto& a : seed_.appointments) {
    const sim_slot* s = slot(a.slot);
    if (!s || (!patient.empty() && a.patient != patient) || (!id.empty() && a.id != id)) continue;
    if (a.status == "proposed") continue;  // `date` search leaves requests out
    if ((b.lo && s->start < *b.lo) || (b.hi && s->start >= *b.hi)) continue;
    hits.emplace_back(s->start, appointment_json(a, *s));
  }
  std::stable_sort(hits.begin(), hits.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<json> out;
  for (auto& h : hits) out.push_back(std::move(h.second));
  return page(out, q, base, "/Appointment", pages_);
}

// The change feed (an assumed system-level search): every status, oldest change first.
sim_answer sim_store::search_changes(const query_params& q, std::string_view base) {
  ++pages_;
  const auto filter = fhir::sim::read_change_filter(q);
  if (!filter) return outcome(400, "invalid", "_lastUpdated must be a gt/ge/lt/le prefixed instant");
  const std::string sort = first_value(q, "_sort");
  if (!sort.empty() && sort != "_lastUpdated") return outcome(400, "not-supported", "only _sort=_lastUpdated");
  std::vector<const sim_appointment*> hits;
  for (const auto& a : seed_.appointments) {
    if (filter->passes(a.last_updated) && slot(a.slot)) hits.push_back(&a);
  }
  std::stable_sort(hits.begin(), hits.end(),
                   [](const sim_appointment* x, const sim_appointment* y) { return x->last_updated < y->last_updated; });
  std::vector<json> out;
  for (const auto* a : hits) out.push_back(appointment_json(*a, *slot(a->slot)));
  return fhir::sim::change_page(out, q, base, "/Appointment");
}

sim_answer sim_store::read_appointment(std::string_view id) {
  for (const auto& a : seed_.appointments) {
    if (a.id != id) continue;
    return {200, {{"ETag", etag(a)}}, appointment_json(a, *slot(a.slot)).dump()};
  }
  return outcome(404, "not-found", "no such appointment");
}

sim_answer sim_store::create_appointment(std::string_view base, std::string_view body) {
  const json doc = json::parse(body, nullptr, false);
  if (!doc.is_object() || doc.value("resourceType", "") != "Appointment") {
    return outcome(422, "structure", "body must be an Appointment");
  }
  if (doc.value("status", "") != "booked") return outcome(422, "business-rule", "only status booked is simulated");
  const auto slots = doc.value("slot", json::array());
  if (!slots.is_array() || slots.size() != 1) return outcome(422, "business-rule", "exactly one slot is required");
  const auto parts = doc.value("participant", json::array());
  std::string patient;
  int patients = 0;
  for (const auto& p : parts) {
    if (!p.is_object()) continue;
    if (p.contains("type")) return outcome(422, "business-rule", "participant.type must not be set");
    const std::string ref = p.value("actor", json::object()).value("reference", "");
    if (ref.rfind("Patient/", 0) == 0) {
      ++patients;
      patient = ref.substr(8);
      if (p.value("status", "") != "accepted") return outcome(422, "business-rule", "the patient must be accepted");
    }
  }
  if (patients != 1) return outcome(422, "business-rule", "exactly one Patient participant is required");
  if (std::none_of(seed_.patients.begin(), seed_.patients.end(), [&](const sim_patient& p) { return p.id == patient; })) {
    return outcome(422, "not-found", "no such patient");
  }
  if (doc.contains("reasonCode") && (!doc["reasonCode"].is_array() || doc["reasonCode"].size() > 1)) {
    return outcome(422, "business-rule", "at most one reasonCode");
  }
  const std::string slot_id = reference_id(slots[0].is_object() ? slots[0].value("reference", "") : "", "Slot");
  const sim_slot* s = slot(slot_id);
  if (!s) return outcome(422, "not-found", "no such slot");
  if (slot_taken(s->id)) return outcome(409, "conflict", "the slot is not free");
  if (s->start <= now()) return outcome(422, "business-rule", "the slot has started");
  sim_appointment a;
  a.id = "M-" + std::to_string(next_id_++);
  a.slot = s->id;
  a.patient = patient;
  if (doc.contains("reasonCode") && !doc["reasonCode"].empty()) a.reason = doc["reasonCode"][0].value("text", "");
  a.last_updated = fhir::sim::now_updated();
  seed_.appointments.push_back(a);
  return {201,
          {{"ETag", etag(a)}, {"Location", std::string(base) + "/Appointment/" + a.id + "/_history/1"}},
          appointment_json(a, *s).dump()};
}

sim_answer sim_store::patch_appointment(std::string_view id, std::string_view if_match, std::string_view content_type,
                                        std::string_view body) {
  if (content_type.substr(0, 27) != "application/json-patch+json") {
    return outcome(415, "not-supported", "PATCH takes application/json-patch+json");
  }
  if (if_match.empty()) return outcome(412, "processing", "If-Match is required");
  auto it = std::find_if(seed_.appointments.begin(), seed_.appointments.end(),
                         [&](const sim_appointment& a) { return a.id == id; });
  if (it == seed_.appointments.end()) return outcome(404, "not-found", "no such appointment");
  if (if_match != etag(*it)) return outcome(409, "conflict", "version conflict");
  const json ops = json::parse(body, nullptr, false);
  if (!ops.is_array() || ops.empty()) return outcome(400, "invalid", "body must be a JSON Patch array");
  std::optional<std::string> new_status, new_slot, reason;
  for (const auto& op : ops) {
    const std::string kind = op.value("op", "");
    const std::string path = op.value("path", "");
    if (kind == "replace" && path == "/status" && op.contains("value") && op["value"].is_string()) {
      new_status = op["value"].get<std::string>();
    } else if (kind == "replace" && path == "/slot" && op.contains("value") && op["value"].is_array() &&
               op["value"].size() == 1) {
      new_slot = reference_id(op["value"][0].value("reference", ""), "Slot");
    } else if (kind == "add" && path == "/cancelationReason" && op.contains("value")) {
      const auto coding = op["value"].value("coding", json::array());
      if (!coding.is_array() || coding.empty() || coding[0].value("code", "").empty()) {
        return outcome(422, "business-rule", "cancelationReason needs a coding");
      }
      reason = coding[0].value("code", "");
    } else {
      return outcome(422, "business-rule", "unsupported patch operation " + kind + " " + path);
    }
  }
  if (reason && new_status != "cancelled") return outcome(422, "business-rule", "cancelationReason only with cancelled");
  if (new_status) {
    static const std::map<std::string, std::vector<std::string>> allowed = {
        {"proposed", {"booked", "cancelled"}},
        {"booked", {"arrived", "checked-in", "cancelled"}},
        {"arrived", {"checked-in", "cancelled"}},
        {"checked-in", {"fulfilled", "cancelled"}}};
    const auto from = allowed.find(it->status);
    if (from == allowed.end() || std::find(from->second.begin(), from->second.end(), *new_status) == from->second.end()) {
      return outcome(422, "business-rule", "status " + it->status + " cannot become " + *new_status);
    }
    if (*new_status == "cancelled" && !it->cancelable) return outcome(422, "business-rule", "not cancelable");
  }
  if (new_slot) {
    const sim_slot* to = slot(*new_slot);
    if (!to) return outcome(422, "not-found", "no such slot");
    if (it->status != "booked" || !it->reschedulable) return outcome(422, "business-rule", "not reschedulable");
    if (slot_taken(to->id, it->id)) return outcome(422, "conflict", "the slot is not free");
    if (to->start <= now()) return outcome(422, "business-rule", "the slot has started");
    it->slot = to->id;
  }
  if (new_status) it->status = *new_status;
  if (reason) it->cancel_code = *reason;
  ++it->version;
  it->last_updated = fhir::sim::now_updated();
  return {200, {{"ETag", etag(*it)}}, appointment_json(*it, *slot(it->slot)).dump()};
}

}  // namespace tidnav::adapters::millennium::sim
