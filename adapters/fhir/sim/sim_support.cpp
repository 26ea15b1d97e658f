// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/fhir/sim/sim_support.hpp"

#include "adapters/core/swedish_time.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>

namespace tidnav::adapters::fhir::sim {
namespace {

using json = nlohmann::json;

std::optional<std::chrono::minutes> clock_time(const std::string& s) {
  unsigned h = 0, m = 0;
  char tail = 0;
  if (s.size() != 5 || s[2] != ':' || std::sscanf(s.c_str(), "%2u:%2u%c", &h, &m, &tail) != 2 || h > 23 || m > 59) {
    return std::nullopt;
  }
  return std::chrono::hours(h) + std::chrono::minutes(m);
}

}  // namespace

sim_answer outcome(unsigned status, std::string_view code, std::string_view text) {
  json o = {{"resourceType", "OperationOutcome"},
            {"issue", json::array({{{"severity", "error"}, {"code", code}, {"diagnostics", text}}})}};
  return {status, {}, o.dump()};
}

std::vector<std::string> all_values(const query_params& q, std::string_view key) {
  std::vector<std::string> out;
  for (const auto& [k, v] : q) {
    if (k == key) out.push_back(v);
  }
  return out;
}

std::string first_value(const query_params& q, std::string_view key) {
  auto all = all_values(q, key);
  return all.empty() ? std::string() : all.front();
}

std::optional<json> read_seed_file(const std::string& path, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = "cannot read " + path;
    return std::nullopt;
  }
  json doc = json::parse(in, nullptr, false);
  if (doc.is_discarded()) {
    error = path + ": not JSON";
    return std::nullopt;
  }
  return doc;
}

sim_instant now() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

std::chrono::year_month_day swedish_today() { return stockholm_date(now()); }

std::optional<slot_pattern> read_slot_pattern(const json& row, std::string& error) {
  if (!row.is_object()) {
    error = "a generate row must be an object";
    return std::nullopt;
  }
  slot_pattern p;
  try {
    p.from_day = row.value("from_day", 1);
    p.days = row.value("days", 56);
    p.length = std::chrono::minutes(row.value("minutes", 30));
    p.id_prefix = row.at("id_prefix").get<std::string>();
    if (row.contains("weekdays")) p.weekdays = row.at("weekdays").get<std::vector<unsigned>>();
    for (const auto& t : row.at("times")) {
      const auto at = clock_time(t.get<std::string>());
      if (!at) {
        error = "generate: time \"" + t.get<std::string>() + "\" is not HH:MM";
        return std::nullopt;
      }
      p.times.push_back(*at);
    }
  } catch (const json::exception& e) {
    error = std::string("generate: ") + e.what();
    return std::nullopt;
  }
  if (p.id_prefix.empty() || p.times.empty() || p.days < 1 || p.days > 366 || p.from_day < 0 ||
      p.length.count() < 1 || p.length.count() > 24 * 60) {
    error = "generate: needs id_prefix and times, days 1..366, from_day >= 0, minutes 1..1440";
    return std::nullopt;
  }
  for (const unsigned d : p.weekdays) {
    if (d < 1 || d > 7) {
      error = "generate: weekdays are 1 (Monday) to 7 (Sunday)";
      return std::nullopt;
    }
  }
  return p;
}

std::vector<generated_slot> expand(const slot_pattern& p, std::chrono::year_month_day today) {
  std::vector<generated_slot> out;
  const std::chrono::sys_days first = std::chrono::sys_days{today} + std::chrono::days(p.from_day);
  for (int i = 0; i < p.days; ++i) {
    const std::chrono::sys_days day = first + std::chrono::days(i);
    const unsigned iso = std::chrono::weekday{day}.iso_encoding();
    if (std::find(p.weekdays.begin(), p.weekdays.end(), iso) == p.weekdays.end()) continue;
    const std::chrono::year_month_day ymd{day};
    for (const auto t : p.times) {
      const std::chrono::local_seconds wall{std::chrono::local_days{ymd}.time_since_epoch() + t};
      const auto start = from_stockholm(wall);
      if (!start) continue;  // 02:xx on the last Sunday of March does not exist
      char id[64];
      std::snprintf(id, sizeof id, "-%04d%02u%02u-%02d%02d", static_cast<int>(ymd.year()),
                    static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                    static_cast<int>(t.count() / 60), static_cast<int>(t.count() % 60));
      out.push_back({p.id_prefix + id, *start, *start + p.length});
    }
  }
  return out;
}

}  // namespace tidnav::adapters::fhir::sim
