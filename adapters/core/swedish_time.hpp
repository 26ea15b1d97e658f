// SPDX-License-Identifier: GPL-2.0-or-later
// The contracts carry times as Swedish wall-clock text (TS = YYYYMMDDhhmmss,
// DT = YYYYMMDD, no zone); the domain model carries UTC instants. This is the
// one place that converts between them. g++ 12's libstdc++ has no tz database
// (no std::chrono::zoned_time), so Europe/Stockholm is computed by hand from
// its POSIX rule CET-1CEST,M3.5.0,M10.5.0/3: summer time from the last Sunday
// of March 01:00 UTC to the last Sunday of October 01:00 UTC. That rule has
// applied since 1996; no booking predates it, so it is used for every year.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace tidnav::adapters {

using instant = std::chrono::sys_seconds;

// 02:00-02:59 local on the last Sunday of October happens twice.
enum class dst_overlap {
  earlier,  // the first pass, still summer time (+02:00): the default
  later,    // the second pass, winter time (+01:00)
};

// 02:00-02:59 local on the last Sunday of March never happens.
enum class dst_gap {
  reject,         // no instant: the default, a TS in the gap is an error
  shift_forward,  // read the wall clock as if it had not jumped (02:30 -> 03:30 summer time)
};

struct dst_policy {
  dst_overlap overlap = dst_overlap::earlier;
  dst_gap gap = dst_gap::reject;
};

// True when Stockholm keeps summer time (UTC+2) at `t`.
bool is_summer_time(instant t);
// +01:00 or +02:00.
std::chrono::seconds stockholm_offset(instant t);

// Swedish wall-clock time of a UTC instant, and back.
std::chrono::local_seconds to_stockholm(instant t);
std::optional<instant> from_stockholm(std::chrono::local_seconds wall, dst_policy policy = {});

// TS and DT text. Parsing checks the real calendar (no 20250231, no hour 24),
// not only the schema pattern.
std::optional<std::chrono::local_seconds> parse_ts(std::string_view text);
std::optional<std::chrono::year_month_day> parse_dt(std::string_view text);
std::string format_ts(std::chrono::local_seconds wall);
std::string format_dt(std::chrono::year_month_day date);

// The compositions the front-ends use.
std::optional<instant> ts_to_instant(std::string_view text, dst_policy policy = {});
std::string instant_to_ts(instant t);
std::string instant_to_dt(instant t);
std::chrono::year_month_day stockholm_date(instant t);
// First instant of a Swedish calendar day (midnight is never in a DST gap).
instant start_of_day(std::chrono::year_month_day date);

}  // namespace tidnav::adapters
