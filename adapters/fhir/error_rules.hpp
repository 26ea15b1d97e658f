// SPDX-License-Identifier: GPL-2.0-or-later
// The shape every FHIR adapter's error map shares: a backend's "no" is an
// HTTP status, an OperationOutcome issue[0].code and what we were doing, and
// ONE ordered table per adapter turns those into a booking_error (first
// matching row wins). The tables themselves stay in each adapter's
// error_map.cpp: the same 409 means different things to Millennium and COS.
#pragma once

#include "adapters/core/booking_error.hpp"
#include "adapters/fhir/http_transport.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace tidnav::adapters::fhir {

// One row: a status range, an issue code ("" = any) and a call kind (none = any).
template <class Kind>
struct error_rule {
  int from;
  int to;
  std::string_view issue;
  std::optional<Kind> on;
  bool business;
  business_code bcode;
  technical_code tcode;
};

template <class Kind>
constexpr error_rule<Kind> business_rule(int from, int to, std::string_view issue, std::optional<Kind> on,
                                         business_code c) {
  return {from, to, issue, on, true, c, technical_code::backend_down};
}
template <class Kind>
constexpr error_rule<Kind> technical_rule(int from, int to, std::string_view issue, std::optional<Kind> on,
                                          technical_code c) {
  return {from, to, issue, on, false, business_code::not_found, c};
}

// issue[0].code of an OperationOutcome body, or "" when the body is not one.
std::string outcome_issue_code(std::string_view body);

// No answer at all: timeout or backend_down, naming `system`. nullopt when answered.
std::optional<booking_error> unanswered(const http_response& response, std::string_view system);
// "<system> HTTP <status> (<issue>): <first 300 bytes of the body>", for logs.
std::string answer_detail(const http_response& response, std::string_view issue, std::string_view system);

template <class Kind>
booking_error classify_with(std::span<const error_rule<Kind>> rules, Kind kind, const http_response& response,
                            std::string_view system) {
  if (auto e = unanswered(response, system)) return *e;
  const std::string issue = outcome_issue_code(response.body);
  std::string detail = answer_detail(response, issue, system);
  for (const auto& r : rules) {
    if (response.status < r.from || response.status > r.to) continue;
    if (!r.issue.empty() && r.issue != issue) continue;
    if (r.on && *r.on != kind) continue;
    return r.business ? booking_error::of(r.bcode, std::move(detail)) : booking_error::of(r.tcode, std::move(detail));
  }
  return booking_error::of(technical_code::bad_backend_answer, std::move(detail));
}

}  // namespace tidnav::adapters::fhir
