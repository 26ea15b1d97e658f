// SPDX-License-Identifier: GPL-2.0-or-later
// The supportprocess:logistics:scheduling 2.0 producer in front of any
// booking_system: all 12 contracts (ConfirmAppointment is 1.0). Bytes in, bytes
// out; see adapters/core/README.md for the rules it applies.
#pragma once

#include "adapters/core/booking_system.hpp"
#include "adapters/core/producer_reply.hpp"
#include "adapters/core/unit_table.hpp"

#include <string_view>

namespace tidnav::adapters {

producer_reply handle_sched2(booking_system& system, const unit_table& units, std::string_view envelope,
                             const call_info& call);

}  // namespace tidnav::adapters
