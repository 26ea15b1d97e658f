// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// The dashboard's citizen view: one person's unified calendar, asked of the
// hub's own aggregating service (local:aggregate, at the platform address)
// through the full pipeline, as the operator. The request is written by the
// generated gSOAP serialisers (contracts/); the merged answer is turned into
// plain JSON rows for the page.

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace tidnav::app {

enum class citizen_contract {
  schedule_11,      ///< crm:scheduling 1.1 GetSubjectOfCareSchedule: times, units, time types
  appointments_20,  ///< scheduling 2.0 GetAppointments: appointment ids per unit
};

std::optional<citizen_contract> citizen_contract_from(std::string_view name);  ///< "schedule" | "appointments"

struct citizen_request {
  std::string soap_action;
  std::string body;
};

/// Throws std::runtime_error when the serialiser refuses (it should not).
citizen_request build_citizen_request(citizen_contract c, const std::string& person, const std::string& operator_hsa_id,
                                      const std::string& platform_hsa_id);

/// {"units": [{logical_address, status, code, text}], "rows": [{field: value}]}
/// from the aggregated answer; {"error": ...} for a fault or unreadable XML.
nlohmann::ordered_json citizen_view_json(citizen_contract c, std::string_view response_xml);

}  // namespace tidnav::app
