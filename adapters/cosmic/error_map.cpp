// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/cosmic/error_map.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <optional>

namespace tidnav::adapters::cosmic {
namespace {

using kind = call_kind;
using b = business_code;
using t = technical_code;

// One row: a status range, an issue code ("" = any) and a call kind (none =
// any). The first matching row wins, so specific rows come first.
struct rule {
  int from;
  int to;
  std::string_view issue;
  std::optional<call_kind> on;
  bool business;
  business_code bcode;
  technical_code tcode;
};

constexpr rule biz(int from, int to, std::string_view issue, std::optional<call_kind> on, business_code c) {
  return {from, to, issue, on, true, c, t::backend_down};
}
constexpr rule tech(int from, int to, std::string_view issue, std::optional<call_kind> on, technical_code c) {
  return {from, to, issue, on, false, b::not_found, c};
}

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

std::string outcome_issue_code(std::string_view body) {
  const auto doc = nlohmann::json::parse(body, nullptr, false);
  if (!doc.is_object() || doc.value("resourceType", "") != "OperationOutcome") return {};
  const auto issues = doc.find("issue");
  if (issues == doc.end() || !issues->is_array() || issues->empty()) return {};
  const auto& first = (*issues)[0];
  if (!first.is_object()) return {};
  const auto code = first.find("code");
  return code != first.end() && code->is_string() ? code->get<std::string>() : std::string();
}

booking_error classify(call_kind kind, const http_response& response) {
  if (response.what == http_response::outcome::timed_out) {
    return booking_error::of(t::timeout, "Cosmic did not answer in time: " + response.detail);
  }
  if (response.what == http_response::outcome::unreachable) {
    return booking_error::of(t::backend_down, "Cosmic unreachable: " + response.detail);
  }
  const std::string issue = outcome_issue_code(response.body);
  std::string detail = "Cosmic HTTP " + std::to_string(response.status);
  if (!issue.empty()) detail += " (" + issue + ")";
  detail += ": " + response.body.substr(0, 300);
  for (const auto& r : rules) {
    if (response.status < r.from || response.status > r.to) continue;
    if (!r.issue.empty() && r.issue != issue) continue;
    if (r.on && *r.on != kind) continue;
    return r.business ? booking_error::of(r.bcode, std::move(detail)) : booking_error::of(r.tcode, std::move(detail));
  }
  return booking_error::of(t::bad_backend_answer, std::move(detail));
}

}  // namespace tidnav::adapters::cosmic
