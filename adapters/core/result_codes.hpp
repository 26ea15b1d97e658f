// SPDX-License-Identifier: GPL-2.0-or-later
// Business outcome -> contract answer, one table per family. Plain strings (the
// schema's enumeration values), so the tables can be read and tested without
// the generated code; the front-ends convert them with the generated parsers.
#pragma once

#include "adapters/core/booking_error.hpp"

#include <string_view>

namespace tidnav::adapters {

// ---- scheduling 2.0 ---------------------------------------------------------
// The updating contracts have their own specific codes (TKB 2.0 §"Felkoder");
// reading contracts may only answer OK, INFO or ERROR, and so does an updating
// contract for an outcome it has no specific code for.
enum class sched2_flow { read, make, update, cancel, confirm };

std::string_view sched2_result_code(business_code c, sched2_flow flow);

// ---- crm:scheduling 1.1 -----------------------------------------------------
// Only MakeBooking, UpdateBooking and CancelBooking have a resultCode (OK, INFO,
// ERROR); every business outcome there is ERROR with the citizen text. Reading
// contracts have no result code, so an outcome either empties the answer or
// becomes a Client fault.
enum class crm11_read_answer {
  empty_answer,  // e.g. an unknown bookingId gives an empty list (TKB 1.1 §7.6)
  client_fault,  // the request itself cannot be answered
};

struct crm11_outcome {
  std::string_view write_result_code;  // always "ERROR" today; kept so the table says so
  crm11_read_answer read;
};

crm11_outcome crm11_result(business_code c);

}  // namespace tidnav::adapters
