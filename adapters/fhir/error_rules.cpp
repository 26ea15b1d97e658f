// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/fhir/error_rules.hpp"

#include <nlohmann/json.hpp>

namespace tidnav::adapters::fhir {

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

std::optional<booking_error> unanswered(const http_response& response, std::string_view system) {
  if (response.what == http_response::outcome::timed_out) {
    return booking_error::of(technical_code::timeout, std::string(system) + " did not answer in time: " + response.detail);
  }
  if (response.what == http_response::outcome::unreachable) {
    return booking_error::of(technical_code::backend_down, std::string(system) + " unreachable: " + response.detail);
  }
  return std::nullopt;
}

std::string answer_detail(const http_response& response, std::string_view issue, std::string_view system) {
  std::string detail = std::string(system) + " HTTP " + std::to_string(response.status);
  if (!issue.empty()) detail += " (" + std::string(issue) + ")";
  detail += ": " + response.body.substr(0, 300);
  return detail;
}

}  // namespace tidnav::adapters::fhir
