// SPDX-License-Identifier: GPL-2.0-or-later
// The documented COS operations: HealthcareService and Slot search,
// AppointmentSe read, AppointmentCancellationSe. Create and reschedule are
// assumptions and live alone in cosmic_assumed_writes.cpp.
#include "adapters/cosmic/cosmic_booking_system.hpp"

#include "adapters/cosmic/day_split.hpp"
#include "adapters/cosmic/fhir_json.hpp"

#include <algorithm>
#include <map>
#include <mutex>

namespace tidnav::adapters::cosmic {
namespace {

using json = nlohmann::json;

template <class T>
core::failure<booking_error> pass(const booking_result<T>& r) {
  return core::failure<booking_error>{r.error()};
}

// COS requires the Patient header on every search: with no citizen (logged
// out, or a staff actor in 1.1) there is nothing we can ask.
core::failure<booking_error> no_patient() {
  return fail(business_code::not_allowed, "Cosmic searches require the Patient header; the request named no person");
}

}  // namespace

cosmic_booking_system::cosmic_booking_system(cosmic_options options, http_transport& transport)
    : client_(std::move(options), transport) {}

booking_result<std::vector<time_type>> cosmic_booking_system::services(std::string_view unit,
                                                                       const person_id& person, deadline until) {
  auto doc = client_.call(call_kind::search, "GET",
                          "/HealthcareService/_search?location.identifier=" + url_encode(unit), &person, nullptr,
                          until);
  if (!doc) return pass(doc);
  auto resources = bundle_resources(doc.value(), "HealthcareService");
  if (!resources) return pass(resources);
  std::vector<time_type> out;
  for (const auto& r : resources.value()) {
    auto t = read_healthcare_service(r);
    if (!t) return pass(t);
    out.push_back(std::move(t.value()));
  }
  return out;
}

booking_result<std::vector<time_type>> cosmic_booking_system::time_types(std::string_view unit,
                                                                         const catalogue_query& query,
                                                                         deadline until) {
  if (!query.person) return no_patient();
  auto all = services(unit, *query.person, until);
  if (!all || query.time_types.empty()) return all;
  std::vector<time_type> out;
  for (auto& t : all.value()) {
    if (std::find(query.time_types.begin(), query.time_types.end(), t.code) != query.time_types.end()) {
      out.push_back(std::move(t));
    }
  }
  return out;
}

booking_result<std::vector<timeslot>> cosmic_booking_system::available_timeslots(std::string_view unit,
                                                                                 const availability_query& query,
                                                                                 deadline until) {
  if (!query.person) return no_patient();
  if (query.to <= query.from) return fail(business_code::invalid_request, "empty or backwards range");
  auto all = services(unit, *query.person, until);
  if (!all) return pass(all);
  std::vector<time_type> wanted;
  for (const auto& t : all.value()) {
    if (!query.time_type || *query.time_type == t.code) wanted.push_back(t);
  }
  const auto days = split_by_swedish_day(query.from, query.to);
  struct job {
    const time_range* day;
    const time_type* service;
  };
  std::vector<job> jobs;
  for (const auto& d : days) {
    for (const auto& s : wanted) jobs.push_back({&d, &s});
  }
  std::vector<std::optional<booking_result<json>>> answers(jobs.size());
  run_parallel(jobs.size(), client_.options().parallel_searches, [&](std::size_t i) {
    std::string q = "/Slot/_search?start=ge" + url_encode(fhir_instant(*jobs[i].day->from)) +
                    "&start=lt" + url_encode(fhir_instant(*jobs[i].day->to)) +
                    "&healthcareFacility=" + url_encode(unit) +
                    "&healthcareService=" + url_encode(jobs[i].service->code);
    // Rebooking: COS then offers times the original booking may move to.
    if (query.original_appointment) q += "&appointmentId=" + url_encode(*query.original_appointment);
    answers[i] = client_.call(call_kind::search, "GET", q, &*query.person, nullptr, until);
  });
  std::vector<timeslot> out;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    auto& doc = *answers[i];
    if (!doc) return pass(doc);
    auto slots = bundle_resources(doc.value(), "Slot");
    if (!slots) return pass(slots);
    for (const auto& s : slots.value()) {
      if (s.value("status", "") != "free") continue;
      auto slot = read_slot(s, unit, wanted);
      if (!slot) return pass(slot);
      if (slot.value().start < query.from || slot.value().start >= query.to) continue;
      out.push_back(std::move(slot.value()));
    }
  }
  std::sort(out.begin(), out.end(), [](const timeslot& a, const timeslot& b) {
    return a.start != b.start ? a.start < b.start : a.id < b.id;
  });
  return out;
}

booking_result<std::vector<available_date>> cosmic_booking_system::available_dates(std::string_view unit,
                                                                                   const availability_query& query,
                                                                                   deadline until) {
  // COS has no date search: the dates are the days that have free slots.
  auto slots = available_timeslots(unit, query, until);
  if (!slots) return pass(slots);
  return fhir::dates_from_slots(slots.value());
}

booking_result<std::vector<facility>> cosmic_booking_system::facilities(std::string_view unit,
                                                                        const catalogue_query&, deadline) {
  // COS has no unit-group search: a unit books for itself (the front-end names it from the unit table).
  return std::vector<facility>{facility{std::string(unit), {}, {}, {}, {}}};
}

booking_result<std::vector<practitioner>> cosmic_booking_system::practitioners(std::string_view,
                                                                              const catalogue_query&, deadline) {
  return std::vector<practitioner>{};  // COS publishes no performer list
}

booking_result<std::vector<appointment>> cosmic_booking_system::appointments(std::string_view unit,
                                                                             const person_id& person,
                                                                             const time_range& range,
                                                                             deadline until) {
  std::string q = "/Appointment?location.identifier=" + url_encode(unit);
  if (range.from) q += "&date=ge" + url_encode(fhir_instant(*range.from));
  if (range.to) q += "&date=lt" + url_encode(fhir_instant(*range.to));
  auto doc = client_.call(call_kind::search, "GET", q, &person, nullptr, until);
  if (!doc) return pass(doc);
  auto resources = bundle_resources(doc.value(), "Appointment");
  if (!resources) return pass(resources);
  std::vector<appointment> out;
  for (const auto& r : resources.value()) {
    if (!is_active_status(r.value("status", ""))) continue;
    auto a = read_appointment(r);
    if (!a) return pass(a);
    // The Patient header decides whose bookings COS lists; checking again costs nothing.
    if (a.value().person.number != person.number || !range.contains(a.value().slot.start)) continue;
    out.push_back(std::move(a.value()));
  }
  std::sort(out.begin(), out.end(), [](const appointment& a, const appointment& b) {
    return a.slot.start < b.slot.start;
  });
  return out;
}

booking_result<json> cosmic_booking_system::read_raw(std::string_view id, const std::optional<person_id>& person,
                                                     deadline until) {
  auto doc = client_.call(call_kind::read, "GET", "/Appointment/" + url_encode(id), person ? &*person : nullptr,
                          nullptr, until);
  if (!doc) return doc;
  auto a = read_appointment(doc.value());
  if (!a) return pass(a);
  // Someone else's booking is answered like a missing one.
  if (person && a.value().person.number != person->number) {
    return fail(business_code::not_found, "the appointment belongs to another person");
  }
  return doc;
}

booking_result<appointment> cosmic_booking_system::appointment_by_id(std::string_view, std::string_view id,
                                                                    deadline until) {
  auto doc = read_raw(id, std::nullopt, until);
  if (!doc) return pass(doc);
  if (!is_active_status(doc.value().value("status", ""))) {
    return fail(business_code::not_found, "the appointment is cancelled");
  }
  return read_appointment(doc.value());
}

booking_result<write_receipt> cosmic_booking_system::cancel(std::string_view, const cancel_request& request,
                                                            deadline until) {
  // AppointmentCancellationSe is a PUT of the whole resource: read it first,
  // which also tells us whose it is and whether the patient may cancel it.
  auto doc = read_raw(request.appointment, request.person, until);
  if (!doc) return pass(doc);
  json a = std::move(doc.value());
  if (a.value("status", "") == "cancelled") return fail(business_code::appointment_already_canceled);
  if (!is_active_status(a.value("status", ""))) return fail(business_code::not_found, "appointment not active");
  if (!read_permitted_actions(a).cancel) return fail(business_code::not_allowed, "permittedPatientActions lacks cancel");
  a["status"] = "cancelled";
  if (request.reason_code) {
    a["cancelationReason"] = {{"coding", json::array({{{"system", request.reason_code->code_system},
                                                       {"code", request.reason_code->code},
                                                       {"display", request.reason_code->display_name}}})}};
  }
  if (!request.reason_text.empty()) {
    if (!a.contains("extension") || !a["extension"].is_array()) a["extension"] = json::array();
    a["extension"].push_back({{"url", appointment_message_url}, {"valueString", request.reason_text}});
  }
  std::optional<person_id> owner = request.person;
  if (!owner) {
    auto parsed = read_appointment(a);
    if (parsed) owner = parsed.value().person;
  }
  auto put = client_.call(call_kind::cancel, "PUT", "/Appointment/" + url_encode(request.appointment),
                          owner ? &*owner : nullptr, &a, until);
  if (!put) return pass(put);
  return write_receipt{request.appointment, {}};
}

booking_result<write_receipt> cosmic_booking_system::confirm(std::string_view, const confirm_request&, deadline) {
  // Preliminary bookings are confirmed in COSMIC by staff; COS has no such operation.
  return fail(business_code::not_allowed, "Cosmic has no confirm operation");
}

}  // namespace tidnav::adapters::cosmic
