// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/ei/timestamp.hpp"

#include <cstdio>

namespace tidnav::ei {
namespace {

using namespace std::chrono;

int digits(std::string_view s, std::size_t at, std::size_t n) noexcept {
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

// Summer time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on
// the last Sunday of October.
sys_seconds last_sunday_0100_utc(year y, month m) {
  const sys_days last{year_month_weekday_last{y, m, weekday_last{Sunday}}};
  return sys_seconds{last} + hours{1};
}

}  // namespace

bool is_valid_ts(std::string_view ts) noexcept {
  if (ts.size() != 14) return false;
  for (char c : ts) {
    if (c < '0' || c > '9') return false;
  }
  if (ts[0] == '0') return false;
  const year_month_day date{year{digits(ts, 0, 4)}, month{static_cast<unsigned>(digits(ts, 4, 2))},
                            day{static_cast<unsigned>(digits(ts, 6, 2))}};
  return date.ok() && digits(ts, 8, 2) < 24 && digits(ts, 10, 2) < 60 && digits(ts, 12, 2) < 60;
}

std::string stockholm_ts(system_clock::time_point t) {
  const sys_seconds utc = floor<seconds>(t);
  const year y = year_month_day{floor<days>(utc)}.year();
  const bool summer = utc >= last_sunday_0100_utc(y, March) && utc < last_sunday_0100_utc(y, October);
  const sys_seconds local = utc + hours{summer ? 2 : 1};
  const sys_days day_part = floor<days>(local);
  const year_month_day ymd{day_part};
  const hh_mm_ss hms{local - day_part};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02u%02u%02d%02d%02d", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

std::int64_t to_unix_ms(system_clock::time_point t) noexcept {
  return duration_cast<milliseconds>(t.time_since_epoch()).count();
}

}  // namespace tidnav::ei
