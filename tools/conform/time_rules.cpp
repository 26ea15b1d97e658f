// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/conform/time_rules.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace tidnav::conform {

instant now_utc() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

std::optional<instant> ts_instant(std::string_view ts) { return adapters::ts_to_instant(ts); }

bool valid_dt(std::string_view dt) { return adapters::parse_dt(dt).has_value(); }

std::string today_dt() { return adapters::instant_to_dt(now_utc()); }

std::string add_days(std::string_view dt, int days) {
  const auto d = adapters::parse_dt(dt);
  if (!d) return {};
  return adapters::format_dt(std::chrono::year_month_day{std::chrono::sys_days(*d) + std::chrono::days(days)});
}

std::string date_of_ts(std::string_view ts) { return std::string(ts.substr(0, std::min<std::size_t>(8, ts.size()))); }

bool is_uuid(std::string_view id) {
  if (id.size() != 36) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? id[i] != '-' : !std::isxdigit(static_cast<unsigned char>(id[i]))) return false;
  }
  return true;
}

std::string swap_case(std::string s) {
  for (auto& c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isupper(u)) {
      c = static_cast<char>(std::tolower(u));
    } else if (std::islower(u)) {
      c = static_cast<char>(std::toupper(u));
    }
  }
  return s;
}

double percentile(std::vector<double> samples, double p) {
  if (samples.empty()) return 0;
  std::sort(samples.begin(), samples.end());
  const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(samples.size())));
  return samples[std::clamp<std::size_t>(rank, 1, samples.size()) - 1];
}

std::string format_ms(double ms) {
  char buf[32];
  if (ms >= 1000) {
    std::snprintf(buf, sizeof buf, "%.2f s", ms / 1000);
  } else {
    std::snprintf(buf, sizeof buf, "%.0f ms", ms);
  }
  return buf;
}

}  // namespace tidnav::conform
