// SPDX-License-Identifier: GPL-2.0-or-later
// Cosmic's "no" as a booking_error. COS publishes no operation-specific error
// codes, only HTTP status codes and, for FHIR calls, an OperationOutcome whose
// issue.code is a standard FHIR code. Both, plus what we were doing, pick the
// outcome from ONE table (error_map.cpp), so every decision is in one place and
// tested row by row.
#pragma once

#include "adapters/core/booking_error.hpp"
#include "adapters/cosmic/http_transport.hpp"
#include "adapters/fhir/error_rules.hpp"

#include <string>
#include <string_view>

namespace tidnav::adapters::cosmic {

// What the failed call was for: the same 404 is "no such booking" on a cancel
// and "the time is gone" on a booking.
enum class call_kind { token, read, search, make, update, cancel };

// issue[0].code of an OperationOutcome body, or "" when the body is not one.
using fhir::outcome_issue_code;

// Any response that is not a 2xx: a business or a technical booking_error.
booking_error classify(call_kind kind, const http_response& response);

}  // namespace tidnav::adapters::cosmic
