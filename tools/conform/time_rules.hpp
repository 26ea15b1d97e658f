// SPDX-License-Identifier: GPL-2.0-or-later
// Small judgements the checks share: TS/DT as real Swedish local times, the
// search window, UUIDs, case swapping for the address check, percentiles.
#pragma once

#include "adapters/core/swedish_time.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tidnav::conform {

using adapters::instant;

instant now_utc();
// A TS that names a real instant of Swedish local time (no 20310231, no hour in the March gap).
std::optional<instant> ts_instant(std::string_view ts);
bool valid_dt(std::string_view dt);
std::string today_dt();
std::string add_days(std::string_view dt, int days);  // "" when dt is not a date
std::string date_of_ts(std::string_view ts);          // the TS's DT part

bool is_uuid(std::string_view id);
std::string swap_case(std::string s);  // SE2321000016-abc1 -> se2321000016-ABC1
// Nearest-rank percentile (p in (0, 100]) of unsorted samples; 0 for none.
double percentile(std::vector<double> samples, double p);
std::string format_ms(double ms);  // "12 ms", "3.41 s"

}  // namespace tidnav::conform
