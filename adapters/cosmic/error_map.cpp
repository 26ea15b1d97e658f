// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/cosmic/error_map.hpp"

#include <array>
#include <optional>

namespace tidnav::adapters::cosmic {
namespace {

using kind = call_kind;
using b = business_code;
using t = technical_code;

// biz(from, to, issue, kind, business_code) and tech(..., technical_code): one row each.
constexpr auto biz = fhir::business_rule<call_kind>;
constexpr auto tech = fhir::technical_rule<call_kind>;

// The first matching row wins, so specific rows come first.
// clang-format off
constexpr std::array rules{
  // Credentials: 401 from the IdP, a bad token or a missing subscription key; 403 is a scope we lack.
  tech(401, 401, "", std::nullopt, t::unauthorized),
  tech(403, 403, "", std::nullopt, t::unauthorized),
  // The token endpoint has no business answers: anything else there is the IdP's problem.
  tech(400, 499, "", kind::token, t::unauthorized),
  // The resource is not there.
  biz(404, 404, "", kind::make,   b::slot_not_found),
  biz(404, 404, "", kind::update, b::slot_not_found),
  biz(404, 404, "", kind::cancel, b::not_found),
  biz(404, 404, "", kind::read,   b::not_found),
  biz(404, 404, "", kind::search, b::unit_not_found),
  // Cancelled already (FHIR "gone"), or cancelling a cancelled booking.
  biz(410, 410, "", std::nullopt, b::appointment_already_canceled),
  biz(409, 409, "", kind::cancel, b::appointment_already_canceled),
  // Someone else took the time; on a move it may also be a stale version.
  biz(409, 409, "duplicate", std::nullopt, b::person_already_occupied),
  biz(409, 409, "", kind::make,   b::requested_time_already_reserved),
  biz(409, 409, "", kind::update, b::requested_time_already_reserved),
  biz(412, 412, "", std::nullopt, b::appointment_already_updated),
  // COSMIC's business rules (notice periods, permitted actions) refused it.
  biz(422, 422, "business-rule", kind::cancel, b::too_late_to_cancel),
  biz(422, 422, "business-rule", kind::update, b::too_late_to_rebook),
  biz(422, 422, "business-rule", kind::make,   b::too_late_to_book),
  biz(422, 422, "", std::nullopt, b::not_allowed),
  // A request Cosmic could not accept: our fault unless it names the patient.
  biz(400, 400, "invalid", std::nullopt, b::invalid_request),
  biz(400, 400, "value", std::nullopt, b::invalid_request),
  tech(400, 400, "", std::nullopt, t::bad_backend_answer),
  // Overloaded, down, or its own upstream timed out.
  tech(429, 429, "", std::nullopt, t::backend_down),
  tech(408, 408, "", std::nullopt, t::timeout),
  tech(504, 504, "", std::nullopt, t::timeout),
  tech(500, 599, "", std::nullopt, t::backend_down),
  // Anything else (3xx, other 4xx) is an answer we do not understand.
  tech(0, 999, "", std::nullopt, t::bad_backend_answer),
};
// clang-format on

}  // namespace

booking_error classify(call_kind kind, const http_response& response) {
  return fhir::classify_with<call_kind>(rules, kind, response, "Cosmic");
}

}  // namespace tidnav::adapters::cosmic
