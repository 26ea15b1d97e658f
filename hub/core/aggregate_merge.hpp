// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// One answer from the unit answers of an aggregated call. Items are merged at
// the XML level (the units' pugixml nodes are written out, never deserialised), ordered and
// de-duplicated as aggregate_items.hpp says, and every unit gets one
// ProcessingStatus record. The result always validates against our schemas,
// provided the units' items did: producers' answers are not schema-checked
// (as on the national platform), only checked to be well-formed, namespace-
// correct XML with the contract's response element.

#include <string>
#include <string_view>
#include <vector>

#include "hub/core/aggregate_kind.hpp"
#include "hub/core/processing_status.hpp"

namespace tidnav::core {

struct unit_answer {
  std::string logical_address;
  bool ok = false;  ///< true: body is the unit's 2xx response envelope
  std::string body;
  causing_agent agent = causing_agent::service_producer;  ///< when !ok
  std::string code;  ///< when !ok: "504" timeout, HTTP status for faults, ...
  std::string text;  ///< when !ok: short reason
};

/// Code of the failure record for an `ok` answer that is not a usable response
/// (not XML, a SOAP Fault, no response element, bad namespaces).
inline constexpr std::string_view invalid_response_code = "invalid_response";

/// One merged SOAP 1.1 response envelope (UTF-8, with XML declaration):
/// Header with ProcessingStatus (one ProcessingStatusList per answer, in the
/// order given), Body with the merged response element. `now_ts` (Swedish
/// local time, yyyyMMddHHmmss) stamps the records.
///
/// Failure records: an answer with !ok keeps its agent/code/text; an ok answer
/// that is not usable becomes service_producer / "invalid_response" / why. A
/// GetAvailableTimeslots 2.0 answer with resultCode ERROR is a failed unit too
/// (service_producer / "ERROR" / its resultText): it has nothing to show. The
/// merged 2.0 timeslot answer says OK, INFO when a unit said INFO (texts joined,
/// prefixed by unit), or ERROR when units were asked and none answered.
///
/// The answers are taken by value because each body is parsed in place
/// (move them in when they are not needed afterwards).
std::string merge_answers(aggregate_kind k, std::vector<unit_answer> answers, std::string_view now_ts);

/// The answer when the citizen has no engagements: an empty response and an
/// empty ProcessingStatus (no unit was called).
std::string empty_aggregate_response(aggregate_kind k, std::string_view now_ts);

}  // namespace tidnav::core
