// SPDX-License-Identifier: GPL-2.0-or-later
// Millennium's "no" as a booking_error. Millennium answers with HTTP status
// codes and an OperationOutcome whose issue[0].code is a standard FHIR code.
// Status, issue code and what we were doing pick the outcome from ONE table
// (error_map.cpp), so every decision is in one place and tested row by row.
#pragma once

#include "adapters/core/booking_error.hpp"
#include "adapters/fhir/error_rules.hpp"
#include "adapters/millennium/http_transport.hpp"

#include <string>
#include <string_view>

namespace tidnav::adapters::millennium {

// What the failed call was for: the same 409 is "someone took the slot" on a
// create and "the booking changed since we read it" on a PATCH.
enum class call_kind { token, read, search, patient, make, reschedule, cancel };

// issue[0].code of an OperationOutcome body, or "" when the body is not one.
using fhir::outcome_issue_code;

// Any response that is not a 2xx (or no response at all): business or technical.
booking_error classify(call_kind kind, const http_response& response);

}  // namespace tidnav::adapters::millennium
