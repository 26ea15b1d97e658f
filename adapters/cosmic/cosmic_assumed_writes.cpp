// SPDX-License-Identifier: GPL-2.0-or-later
// ASSUMPTION, to confirm with Cambio: COS publishes no create or reschedule
// operation. Booking is done here as a FHIR `POST /Appointment` and moving as
// `PUT /Appointment/{id}` with a new slot, both shaped after the AppointmentSe
// profile. Kept in this one file so that whatever Cambio answers changes only
// this file (and its README section).
#include "adapters/cosmic/cosmic_booking_system.hpp"

#include "adapters/cosmic/fhir_json.hpp"

namespace tidnav::adapters::cosmic {
namespace {

using json = nlohmann::json;

void add_message(json& a, const std::string& text) {
  if (text.empty()) return;
  if (!a.contains("extension") || !a["extension"].is_array()) a["extension"] = json::array();
  a["extension"].push_back({{"url", appointment_message_url}, {"valueString", text}});
}

// The booking's new id as COS would answer a create: the Appointment it returns.
booking_result<write_receipt> receipt_of(const json& answer) {
  const std::string id = answer.is_object() ? answer.value("id", "") : std::string();
  if (id.empty()) return fail(technical_code::bad_backend_answer, "created Appointment has no id");
  return write_receipt{id, {}};
}

}  // namespace

booking_result<write_receipt> cosmic_booking_system::make(std::string_view unit, const make_request& request,
                                                          deadline until) {
  json a = {{"resourceType", "Appointment"},
            {"status", "booked"},
            {"slot", json::array({{{"reference", "Slot/" + request.slot}}})},
            {"participant",
             json::array({patient_participant(request.person),
                          {{"actor", {{"type", "Location"}, {"identifier", {{"system", hsa_system}, {"value", unit}}}}},
                           {"status", "accepted"}}})}};
  if (!request.reason_text.empty()) a["comment"] = request.reason_text;
  add_message(a, request.notification);
  auto answer = client_.call(call_kind::make, "POST", "/Appointment", &request.person, &a, until);
  if (!answer) return core::failure<booking_error>{answer.error()};
  return receipt_of(answer.value());
}

booking_result<write_receipt> cosmic_booking_system::update(std::string_view, const update_request& request,
                                                            deadline until) {
  auto doc = read_raw(request.appointment, request.person, until);
  if (!doc) return core::failure<booking_error>{doc.error()};
  json a = std::move(doc.value());
  if (a.value("status", "") == "cancelled") return fail(business_code::appointment_already_canceled);
  if (!read_permitted_actions(a).rebook) return fail(business_code::not_allowed, "permittedPatientActions lacks rebook");
  a["slot"] = json::array({{{"reference", "Slot/" + request.slot}}});
  // COS takes the times from the new slot; the old ones must not contradict it.
  a.erase("start");
  a.erase("end");
  if (!request.reason_text.empty()) a["comment"] = request.reason_text;
  add_message(a, request.notification);
  const person_id* patient = request.person ? &*request.person : nullptr;
  auto answer = client_.call(call_kind::update, "PUT", "/Appointment/" + url_encode(request.appointment), patient,
                             &a, until);
  if (!answer) return core::failure<booking_error>{answer.error()};
  const std::string id = answer.value().is_object() ? answer.value().value("id", "") : std::string();
  return write_receipt{id.empty() ? request.appointment : id, {}};
}

}  // namespace tidnav::adapters::cosmic
