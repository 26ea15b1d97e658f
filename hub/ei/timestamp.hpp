// SPDX-License-Identifier: GPL-2.0-or-later
// ei:TS (YYYYMMDDhhmmss, Swedish local time without zone): strict reading and
// writing. libstdc++ 12 has no time-zone database, and the index must stamp
// Swedish time whatever TZ the process runs with, so the EU summer-time rule
// is applied directly (it has been the same since 1996).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace tidnav::ei {

// Exactly 14 digits naming a real moment: year 1000-9999, a day that exists
// in that month (leap years included), hour 00-23, minute and second 00-59.
bool is_valid_ts(std::string_view ts) noexcept;

// The moment as Europe/Stockholm wall-clock time in TS form.
std::string stockholm_ts(std::chrono::system_clock::time_point t);

// Milliseconds since the Unix epoch: how the outbox persists its schedule.
std::int64_t to_unix_ms(std::chrono::system_clock::time_point t) noexcept;

}  // namespace tidnav::ei
