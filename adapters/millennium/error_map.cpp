// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/millennium/error_map.hpp"

#include <array>
#include <optional>

namespace tidnav::adapters::millennium {
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
  // Credentials: a bad or expired token (401), a tenant or scope we may not use (403).
  tech(401, 401, "", std::nullopt, t::unauthorized),
  tech(403, 403, "", std::nullopt, t::unauthorized),
  // The token endpoint has no business answers.
  tech(400, 499, "", kind::token, t::unauthorized),
  // 404: the resource named in the path is not there.
  biz(404, 404, "", kind::read,       b::not_found),
  biz(404, 404, "", kind::cancel,     b::not_found),
  biz(404, 404, "", kind::reschedule, b::not_found),
  biz(404, 404, "", kind::make,       b::slot_not_found),
  // 409 is a version conflict on PATCH; on a create, the slot is no longer free.
  biz(409, 409, "", kind::make,       b::requested_time_already_reserved),
  biz(409, 409, "", kind::reschedule, b::appointment_already_updated),
  biz(409, 409, "", kind::cancel,     b::appointment_already_updated),
  // 412: the If-Match precondition failed (we always send one).
  biz(412, 412, "", std::nullopt, b::appointment_already_updated),
  // 423: someone is modifying it right now; on a create that is the slot.
  biz(423, 423, "", kind::make, b::requested_time_already_reserved),
  biz(423, 423, "", std::nullopt, b::appointment_already_updated),
  // 424: a dependency (e.g. an encounter) forbids it.
  biz(424, 424, "", std::nullopt, b::not_allowed),
  // 422 business rules, refined by the issue code.
  biz(422, 422, "not-found",     kind::make,       b::slot_not_found),
  biz(422, 422, "not-found",     kind::reschedule, b::slot_not_found),
  biz(422, 422, "conflict",      kind::make,       b::requested_time_already_reserved),
  biz(422, 422, "conflict",      kind::reschedule, b::requested_time_already_reserved),
  biz(422, 422, "duplicate",     std::nullopt,     b::person_already_occupied),
  biz(422, 422, "too-costly",    kind::patient,    b::invalid_person),
  biz(422, 422, "business-rule", kind::make,       b::too_late_to_book),
  biz(422, 422, "business-rule", kind::reschedule, b::too_late_to_rebook),
  biz(422, 422, "business-rule", kind::cancel,     b::too_late_to_cancel),
  biz(422, 422, "", std::nullopt, b::not_allowed),
  // 400 (missing search parameter), 406 (media type): a request we built wrong.
  tech(400, 400, "", std::nullopt, t::bad_backend_answer),
  tech(406, 406, "", std::nullopt, t::bad_backend_answer),
  // Overloaded, down, or its own upstream timed out.
  tech(408, 408, "", std::nullopt, t::timeout),
  tech(504, 504, "", std::nullopt, t::timeout),
  tech(429, 429, "", std::nullopt, t::backend_down),
  tech(500, 599, "", std::nullopt, t::backend_down),
  // Anything else (3xx, other 4xx) is an answer we do not understand.
  tech(0, 999, "", std::nullopt, t::bad_backend_answer),
};
// clang-format on

}  // namespace

booking_error classify(call_kind kind, const http_response& response) {
  return fhir::classify_with<call_kind>(rules, kind, response, "Millennium");
}

}  // namespace tidnav::adapters::millennium
