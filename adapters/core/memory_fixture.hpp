// SPDX-License-Identifier: GPL-2.0-or-later
// Seeds a memory_booking_system from JSON. Times are TS text (Swedish local
// time), as everywhere in the contracts, so fixtures read like the messages
// they lead to. Shape (every key optional unless marked):
//
//   { "now": "20310301120000",
//     "rules": { "book_notice_minutes": 60, "rebook_notice_hours": 24, "cancel_notice_hours": 24 },
//     "units": [ { "id"*: "VC1", "name": "...", "alternative_location": "...",
//                  "information": [{"header"*: "...", "description": "...", "link": "..."}],
//                  "conditions": [ same ], "group": ["VC1", "VC2"],
//                  "time_types": [ { "code"*: "LAK30", "name": "...", "hidden": false,
//                                    "cancel_allowed": true, "update_allowed": true,
//                                    "care_type": {"id"*: "...", "name": "..."},
//                                    "healthcare_services": ["390906007"] } ],
//                  "practitioners": [ {"hsa_id"*: "...", "first_name": "...", "last_name": "...", "title": "..."} ] } ],
//     "slots": [ { "id"*: "S1", "unit"*: "VC1", "start"*: TS, "end"*: TS, "time_type"*: "LAK30",
//                  "practitioners": ["SE..."], "resource": {"id"*: "...", "name": "..."} } ],
//     "bookings": [ { "id"*: "BK-1", "person"*: "191212121212", "slot"*: "S0",
//                     "status": "confirmed"|"preliminary", "reason": "...", "purpose": "...", "invitation": false } ] }
#pragma once

#include "adapters/core/memory_booking_system.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace tidnav::adapters {

// Every problem is reported (one per line in `error`), not just the first.
std::optional<memory_seed> parse_memory_seed(std::string_view json, std::string& error);
std::optional<memory_seed> load_memory_seed(const std::string& path, std::string& error);

}  // namespace tidnav::adapters
