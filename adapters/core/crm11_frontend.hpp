// SPDX-License-Identifier: GPL-2.0-or-later
// The crm:scheduling 1.1 (RIVTABP21) producer in front of any booking_system:
// all 11 contracts. Bytes in, bytes out; see adapters/core/README.md for the
// rules it applies.
#pragma once

#include "adapters/core/booking_system.hpp"
#include "adapters/core/producer_reply.hpp"
#include "adapters/core/unit_table.hpp"

#include <string_view>

namespace tidnav::adapters {

producer_reply handle_crm11(booking_system& system, const unit_table& units, std::string_view envelope,
                            const call_info& call);

}  // namespace tidnav::adapters
