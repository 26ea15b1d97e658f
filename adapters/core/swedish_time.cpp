// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/core/swedish_time.hpp"

#include <cstdio>

namespace tidnav::adapters {
namespace {

using namespace std::chrono;

// 01:00 UTC on the last Sunday of `m`: both EU transitions happen then.
sys_seconds transition(year y, month m) {
  const sys_days day{y / m / Sunday[last]};
  return sys_seconds{day} + hours{1};
}

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

}  // namespace

bool is_summer_time(instant t) {
  const year y = year_month_day{floor<days>(t)}.year();
  return transition(y, March) <= t && t < transition(y, October);
}

seconds stockholm_offset(instant t) { return is_summer_time(t) ? hours{2} : hours{1}; }

local_seconds to_stockholm(instant t) { return local_seconds{t.time_since_epoch() + stockholm_offset(t)}; }

std::optional<instant> from_stockholm(local_seconds wall, dst_policy policy) {
  // A wall time has at most two readings; keep those whose offset agrees with
  // the rule at the instant they name.
  const instant summer{wall.time_since_epoch() - hours{2}};
  const instant winter{wall.time_since_epoch() - hours{1}};
  const bool summer_ok = is_summer_time(summer);
  const bool winter_ok = !is_summer_time(winter);
  if (summer_ok && winter_ok) return policy.overlap == dst_overlap::earlier ? summer : winter;
  if (summer_ok) return summer;
  if (winter_ok) return winter;
  // In the March gap: the clock read as winter time lands an hour later in summer time.
  if (policy.gap == dst_gap::shift_forward) return winter;
  return std::nullopt;
}

std::optional<local_seconds> parse_ts(std::string_view text) {
  if (text.size() != 14 || !all_digits(text)) return std::nullopt;
  const auto date = parse_dt(text.substr(0, 8));
  const int h = number(text.substr(8, 2));
  const int m = number(text.substr(10, 2));
  const int s = number(text.substr(12, 2));
  if (!date || h > 23 || m > 59 || s > 59) return std::nullopt;
  return local_days{*date} + hours{h} + minutes{m} + seconds{s};
}

std::optional<year_month_day> parse_dt(std::string_view text) {
  if (text.size() != 8 || !all_digits(text) || text[0] == '0') return std::nullopt;
  const year_month_day date{year{number(text.substr(0, 4))}, month{static_cast<unsigned>(number(text.substr(4, 2)))},
                            day{static_cast<unsigned>(number(text.substr(6, 2)))}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string format_dt(year_month_day date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02u%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()));
  return buf;
}

std::string format_ts(local_seconds wall) {
  const auto day = floor<days>(wall);
  const hh_mm_ss clock{wall - day};
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d%02d%02d", static_cast<int>(clock.hours().count()),
                static_cast<int>(clock.minutes().count()), static_cast<int>(clock.seconds().count()));
  return format_dt(year_month_day{day}) + buf;
}

std::optional<instant> ts_to_instant(std::string_view text, dst_policy policy) {
  const auto wall = parse_ts(text);
  if (!wall) return std::nullopt;
  return from_stockholm(*wall, policy);
}

std::string instant_to_ts(instant t) { return format_ts(to_stockholm(t)); }

std::string instant_to_dt(instant t) { return format_dt(stockholm_date(t)); }

year_month_day stockholm_date(instant t) { return year_month_day{floor<days>(to_stockholm(t))}; }

instant start_of_day(year_month_day date) {
  // Transitions are at 02:00/03:00 local, so midnight always exists exactly once.
  return *from_stockholm(local_days{date});
}

}  // namespace tidnav::adapters
