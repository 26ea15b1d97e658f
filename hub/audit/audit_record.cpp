// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/audit/audit_record.hpp"

#include <cstdio>
#include <ctime>

namespace tidnav::audit {
namespace {

bool digits(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (const char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

int current_year() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  return tm.tm_year + 1900;
}

}  // namespace

std::string normalize_person(std::string_view raw, int today_year) {
  const std::string_view id = trim(raw);
  if (id.size() == 13 && id[8] == '-' && digits(id.substr(0, 8)) && digits(id.substr(9))) {
    return std::string(id.substr(0, 8)) + std::string(id.substr(9));
  }
  const bool ten = id.size() == 10 && digits(id);
  const bool eleven = id.size() == 11 && (id[6] == '-' || id[6] == '+') && digits(id.substr(0, 6)) && digits(id.substr(7));
  if (ten || eleven) {
    // Ten digits is also what an organisation number looks like; only a
    // plausible birth month makes it a person.
    const int month = (id[2] - '0') * 10 + (id[3] - '0');
    if (month < 1 || month > 12) return std::string(id);
    const int yy = (id[0] - '0') * 10 + (id[1] - '0');
    int century = today_year / 100 * 100;
    if (century + yy > today_year) century -= 100;
    if (eleven && id[6] == '+') century -= 100;
    const std::string rest = eleven ? std::string(id.substr(7)) : std::string(id.substr(6));
    return std::to_string(century + yy) + std::string(id.substr(2, 4)) + rest;
  }
  return std::string(id);
}

std::string normalize_person(std::string_view id) { return normalize_person(id, current_year()); }

std::int64_t to_unix_ms(std::chrono::system_clock::time_point t) noexcept {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

std::string format_utc_ms(std::int64_t unix_ms) {
  const std::time_t secs = static_cast<std::time_t>(unix_ms >= 0 ? unix_ms / 1000 : (unix_ms - 999) / 1000);
  const int ms = static_cast<int>(unix_ms - static_cast<std::int64_t>(secs) * 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[96];  // room for any int in every field, so the compiler can prove no truncation
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
  return buf;
}

std::optional<std::int64_t> parse_time_ms(std::string_view text) {
  std::string_view s = trim(text);
  bool utc = false;
  if (!s.empty() && (s.back() == 'Z' || s.back() == 'z')) {
    utc = true;
    s.remove_suffix(1);
  }
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  auto num = [&](std::size_t at, std::size_t len, int& out) {
    if (at + len > s.size() || !digits(s.substr(at, len))) return false;
    out = 0;
    for (std::size_t i = 0; i < len; ++i) out = out * 10 + (s[at + i] - '0');
    return true;
  };
  if (!num(0, 4, y) || s.size() < 10 || s[4] != '-' || !num(5, 2, mo) || s[7] != '-' || !num(8, 2, d)) return std::nullopt;
  if (s.size() > 10) {
    if ((s[10] != 'T' && s[10] != ' ') || s.size() < 16 || !num(11, 2, h) || s[13] != ':' || !num(14, 2, mi)) {
      return std::nullopt;
    }
    if (s.size() > 16 && (s.size() != 19 || s[16] != ':' || !num(17, 2, sec))) return std::nullopt;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return std::nullopt;
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = sec;
  tm.tm_isdst = -1;
  const std::time_t t = utc ? timegm(&tm) : std::mktime(&tm);
  if (t == static_cast<std::time_t>(-1)) return std::nullopt;
  return static_cast<std::int64_t>(t) * 1000;
}

}  // namespace tidnav::audit
