// SPDX-License-Identifier: GPL-2.0-or-later
// The reading side: Patient lookup, Slot search, Appointment search and read,
// and the catalogue Millennium does not publish (from configuration).
#include "adapters/millennium/millennium_booking_system.hpp"

#include "adapters/millennium/fhir_mapping.hpp"

#include <algorithm>
#include <map>

namespace tidnav::adapters::millennium {
namespace {

using json = nlohmann::json;

template <class T>
core::failure<booking_error> pass(const booking_result<T>& r) {
  return core::failure<booking_error>{r.error()};
}

bool wanted(const std::vector<std::string>& filter, const std::string& value) {
  return filter.empty() || std::find(filter.begin(), filter.end(), value) != filter.end();
}

instant now() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

}  // namespace

millennium_booking_system::millennium_booking_system(millennium_options options, http_transport& transport)
    : client_(std::move(options), transport) {}

booking_result<std::string> millennium_booking_system::patient_id(const person_id& person, deadline until) {
  auto found = client_.search(call_kind::patient, patient_search_query(person, client_.options()), "Patient", until);
  if (!found) return pass(found);
  if (found.value().empty()) return std::string();
  // One identifier value should be one person; two means the tenant's data is not what we assumed.
  if (found.value().size() > 1) return fail(business_code::invalid_person, "several Patients share the identifier");
  const std::string id = found.value().front().value("id", "");
  if (id.empty()) return fail(technical_code::bad_backend_answer, "Patient without id");
  return id;
}

booking_result<millennium_booking_system::current_appointment> millennium_booking_system::current(
    std::string_view id, const std::optional<person_id>& person, deadline until) {
  auto doc = client_.call(call_kind::read, "GET", "/Appointment/" + url_encode(id), nullptr, until);
  if (!doc) return pass(doc);
  auto a = read_appointment(doc.value().body, client_.options());
  if (!a) return pass(a);
  current_appointment out{std::move(a.value().value), a.value().status,
                          if_match_of(doc.value().etag, doc.value().body)};
  if (person) {
    auto pid = patient_id(*person, until);
    if (!pid) return pass(pid);
    if (pid.value().empty() || pid.value() != a.value().patient_id) {
      return fail(business_code::not_found, "the appointment belongs to another patient");
    }
    out.value.person = *person;
  } else {
    // Millennium names a Patient id; the contracts want the person number.
    auto patient = client_.call(call_kind::read, "GET", "/Patient/" + url_encode(a.value().patient_id), nullptr, until);
    if (!patient) return pass(patient);
    const auto who = read_patient_person(patient.value().body, client_.options());
    if (!who) return fail(technical_code::bad_backend_answer, "the Patient has no person number under the configured systems");
    out.value.person = *who;
  }
  return out;
}

booking_result<std::vector<appointment>> millennium_booking_system::appointments(std::string_view unit,
                                                                                 const person_id& person,
                                                                                 const time_range& range,
                                                                                 deadline until) {
  auto pid = patient_id(person, until);
  if (!pid) return pass(pid);
  if (pid.value().empty()) return std::vector<appointment>{};  // unknown to Millennium: no bookings
  const auto& o = client_.options();
  // `date` is mandatory with `patient`: an open start becomes the configured look-back.
  const instant from = range.from ? *range.from : now() - std::chrono::duration_cast<std::chrono::seconds>(o.default_lookback);
  std::string q = "/Appointment?patient=" + url_encode(pid.value()) + "&date=ge" + url_encode(fhir_instant(from));
  if (range.to) q += "&date=lt" + url_encode(fhir_instant(*range.to));
  q += "&_count=" + std::to_string(o.page_size);
  auto found = client_.search(call_kind::search, q, "Appointment", until);
  if (!found) return pass(found);
  std::vector<appointment> out;
  for (const auto& r : found.value()) {
    auto a = read_appointment(r, o);
    if (!a) return pass(a);
    if (!is_active_status(a.value().status) || a.value().patient_id != pid.value()) continue;
    if (a.value().value.slot.unit != unit || !range.contains(a.value().value.slot.start)) continue;
    a.value().value.person = person;
    out.push_back(std::move(a.value().value));
  }
  std::sort(out.begin(), out.end(), [](const appointment& a, const appointment& b) {
    return a.slot.start != b.slot.start ? a.slot.start < b.slot.start : a.id < b.id;
  });
  return out;
}

booking_result<appointment> millennium_booking_system::appointment_by_id(std::string_view, std::string_view id,
                                                                        deadline until) {
  auto a = current(id, std::nullopt, until);
  if (!a) return pass(a);
  if (!is_active_status(a.value().status)) return fail(business_code::not_found, "appointment is " + a.value().status);
  return std::move(a.value().value);
}

booking_result<std::vector<timeslot>> millennium_booking_system::available_timeslots(std::string_view unit,
                                                                                     const availability_query& query,
                                                                                     deadline until) {
  const auto& o = client_.options();
  const location_config* loc = find_location(o, unit);
  if (!loc) return fail(business_code::unit_not_found, "no Location configured for " + std::string(unit));
  if (query.to <= query.from) return fail(business_code::invalid_request, "empty or backwards range");
  std::vector<std::string> practitioner_ids;
  for (const auto& hsa : query.practitioners) {
    if (const auto* p = practitioner_by_hsa(o, hsa)) practitioner_ids.push_back(p->practitioner_id);
  }
  if (!query.practitioners.empty() && practitioner_ids.empty()) return std::vector<timeslot>{};
  // service-type is mandatory and one search may not mix code systems: one search per system.
  std::map<std::string, std::vector<const service_type_config*>> by_system;
  for (const auto& t : loc->service_types) {
    if (!query.time_type || *query.time_type == t.code) by_system[t.system].push_back(&t);
  }
  const instant earliest = std::max(query.from, now() + std::chrono::seconds(1));
  std::vector<timeslot> out;
  for (const auto& [system, types] : by_system) {
    const slot_search s{loc->location_id, types, query.from, query.to, practitioner_ids};
    auto found = client_.search(call_kind::search, slot_search_query(s, o.page_size), "Slot", until);
    if (!found) return pass(found);
    for (const auto& r : found.value()) {
      if (r.value("status", "") != "free") continue;  // search answers free ones only; a guard costs nothing
      auto slot = read_slot(r, unit, o);
      if (!slot) return pass(slot);
      if (slot.value().start < earliest || slot.value().start >= query.to) continue;
      out.push_back(std::move(slot.value()));
    }
  }
  std::sort(out.begin(), out.end(), [](const timeslot& a, const timeslot& b) {
    return a.start != b.start ? a.start < b.start : a.id < b.id;
  });
  return out;
}

booking_result<std::vector<available_date>> millennium_booking_system::available_dates(
    std::string_view unit, const availability_query& query, deadline until) {
  // Millennium has no date search: the dates are the Swedish days that have free slots.
  auto slots = available_timeslots(unit, query, until);
  if (!slots) return pass(slots);
  return fhir::dates_from_slots(slots.value());
}

booking_result<std::vector<time_type>> millennium_booking_system::time_types(std::string_view unit,
                                                                             const catalogue_query& query, deadline) {
  // No appointment-type list in Millennium's API: the catalogue is configuration.
  const location_config* loc = find_location(client_.options(), unit);
  if (!loc) return fail(business_code::unit_not_found, "no Location configured for " + std::string(unit));
  std::vector<time_type> out;
  for (const auto& s : loc->service_types) {
    if (!wanted(query.time_types, s.code)) continue;
    time_type t{};  // value-initialised: g++ 12 -O2 otherwise warns (falsely) of an uninitialised string
    t.code = s.code;
    t.name = s.name.empty() ? s.code : s.name;
    t.cancel_allowed = s.cancel_allowed;
    t.update_allowed = s.update_allowed;
    out.push_back(std::move(t));
  }
  return out;
}

booking_result<std::vector<facility>> millennium_booking_system::facilities(std::string_view unit,
                                                                            const catalogue_query&, deadline) {
  if (!find_location(client_.options(), unit)) {
    return fail(business_code::unit_not_found, "no Location configured for " + std::string(unit));
  }
  return std::vector<facility>{facility{std::string(unit), {}, {}, {}, {}}};
}

booking_result<std::vector<practitioner>> millennium_booking_system::practitioners(std::string_view,
                                                                                  const catalogue_query& query,
                                                                                  deadline) {
  std::vector<practitioner> out;
  for (const auto& p : client_.options().practitioners) {
    if (!query.practitioners.empty() &&
        std::none_of(query.practitioners.begin(), query.practitioners.end(),
                     [&](const std::string& h) { return practitioner_by_hsa(client_.options(), h) == &p; })) {
      continue;
    }
    out.push_back({p.hsa_id, p.first_name, p.last_name, p.title});
  }
  return out;
}

booking_result<write_receipt> millennium_booking_system::confirm(std::string_view, const confirm_request&, deadline) {
  // A Millennium "proposed" appointment is a request without a slot: confirming it means choosing one.
  return fail(business_code::not_allowed, "Millennium proposed appointments are booked by choosing a slot");
}

}  // namespace tidnav::adapters::millennium
