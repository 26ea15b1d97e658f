// SPDX-License-Identifier: GPL-2.0-or-later
// The writing side: book by POST Appointment, move and cancel by JSON Patch
// with If-Match (the version we just read, so a concurrent change is a 409,
// never a silent overwrite).
#include "adapters/millennium/fhir_mapping.hpp"
#include "adapters/millennium/millennium_booking_system.hpp"

namespace tidnav::adapters::millennium {
namespace {

template <class T>
core::failure<booking_error> pass(const booking_result<T>& r) {
  return core::failure<booking_error>{r.error()};
}

// Why an existing appointment cannot be changed any more, if it cannot.
std::optional<booking_error> gone(std::string_view status) {
  if (status == "cancelled") return booking_error::of(business_code::appointment_already_canceled);
  if (status != "booked") return booking_error::of(business_code::not_allowed, "appointment is " + std::string(status));
  return std::nullopt;
}

}  // namespace

booking_result<write_receipt> millennium_booking_system::make(std::string_view, const make_request& request,
                                                              deadline until) {
  auto pid = patient_id(request.person, until);
  if (!pid) return pass(pid);
  if (pid.value().empty()) return fail(business_code::invalid_person, "no Patient with that identifier");
  const auto body = appointment_create(request, pid.value());
  auto answer = client_.call(call_kind::make, "POST", "/Appointment", &body, until);
  if (!answer) return pass(answer);
  const std::string id = created_id(answer.value().location, answer.value().body);
  if (id.empty()) return fail(technical_code::bad_backend_answer, "created Appointment has no id");
  return write_receipt{id, {}};
}

booking_result<write_receipt> millennium_booking_system::update(std::string_view, const update_request& request,
                                                                deadline until) {
  auto a = current(request.appointment, request.person, until);
  if (!a) return pass(a);
  if (auto why = gone(a.value().status)) return core::failure<booking_error>{*why};
  if (!a.value().value.update_allowed) return fail(business_code::not_allowed, "is-reschedulable is false");
  const auto patch = reschedule_patch(request.slot);
  auto answer = client_.call(call_kind::reschedule, "PATCH", "/Appointment/" + url_encode(request.appointment), &patch,
                             until, "application/json-patch+json", a.value().if_match);
  if (!answer) return pass(answer);
  return write_receipt{request.appointment, {}};
}

booking_result<write_receipt> millennium_booking_system::cancel(std::string_view, const cancel_request& request,
                                                                deadline until) {
  auto a = current(request.appointment, request.person, until);
  if (!a) return pass(a);
  if (auto why = gone(a.value().status)) return core::failure<booking_error>{*why};
  if (!a.value().value.cancel_allowed) return fail(business_code::not_allowed, "is-cancelable is false");
  // Millennium requires a coding with the cancellation and ignores text.
  const auto& o = client_.options();
  coded_value reason{o.cancel_reason_code, o.cancel_reason_system, {}};
  if (request.reason_code && !request.reason_code->code.empty() && !request.reason_code->code_system.empty()) {
    reason = *request.reason_code;
  }
  const auto patch = cancel_patch(reason);
  auto answer = client_.call(call_kind::cancel, "PATCH", "/Appointment/" + url_encode(request.appointment), &patch,
                             until, "application/json-patch+json", a.value().if_match);
  if (!answer) return pass(answer);
  return write_receipt{request.appointment, {}};
}

}  // namespace tidnav::adapters::millennium
