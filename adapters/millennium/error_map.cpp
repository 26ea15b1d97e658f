// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/millennium/error_map.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <optional>

namespace tidnav::adapters::millennium {
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
    return booking_error::of(t::timeout, "Millennium did not answer in time: " + response.detail);
  }
  if (response.what == http_response::outcome::unreachable) {
    return booking_error::of(t::backend_down, "Millennium unreachable: " + response.detail);
  }
  const std::string issue = outcome_issue_code(response.body);
  std::string detail = "Millennium HTTP " + std::to_string(response.status);
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

}  // namespace tidnav::adapters::millennium
