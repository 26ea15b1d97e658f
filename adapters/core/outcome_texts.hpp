// SPDX-License-Identifier: GPL-2.0-or-later
// What the citizen reads when a booking flow ends in a business outcome. The
// contracts require resultText on INFO/ERROR to be fit to show as is (crm 1.1
// has no other way to say what went wrong), so these are plain, polite Swedish
// sentences that tell the reader what to do next. One table for both families.
#pragma once

#include "adapters/core/booking_error.hpp"

#include <string_view>

namespace tidnav::adapters {

std::string_view citizen_text(business_code c);
// The booking system's own text when it gave one, else the table's.
std::string_view citizen_text(const booking_error& e);

// faultstring of the SOAP fault for a technical failure. Consumers log it and
// show only "tekniskt fel", so it is written for the people reading the logs.
std::string_view fault_text(technical_code c);

}  // namespace tidnav::adapters
