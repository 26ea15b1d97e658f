// SPDX-License-Identifier: GPL-2.0-or-later
// What the two simulated FHIR stores share below HTTP: answers and
// OperationOutcomes, query lookups, the clock, and seeds' `generate` blocks
// (slots on weekdays at fixed Swedish times, relative to today, so a seed
// stays bookable whatever day it is started).
#pragma once

#include "adapters/core/booking_model.hpp"
#include "adapters/fhir/sim/sim_http.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tidnav::adapters::fhir::sim {

using sim_instant = std::chrono::sys_seconds;

struct sim_answer {
  unsigned status = 200;
  header_pairs headers;  // ETag, Location
  std::string body;
};

// An OperationOutcome with one issue.
sim_answer outcome(unsigned status, std::string_view code, std::string_view text);

std::vector<std::string> all_values(const query_params& q, std::string_view key);
std::string first_value(const query_params& q, std::string_view key);

sim_instant now();

// A seed file's JSON; nullopt and `error` ("cannot read …", "…: not JSON") on a problem.
std::optional<nlohmann::json> read_seed_file(const std::string& path, std::string& error);

// A seed's generate row, the part both simulators read the same way:
//   "days": 56          how many calendar days (default 56, 1..366)
//   "from_day": 1       first day, counted from today's Swedish date (default 1: tomorrow; 0 = today)
//   "weekdays": [1..5]  ISO weekdays that get slots (1 = Monday; default Monday to Friday)
//   "times": ["08:00"]  Swedish wall-clock start times (required)
//   "minutes": 30       length of every slot (default 30)
//   "id_prefix": "G"    slot ids are <id_prefix>-<yyyymmdd>-<hhmm> (Swedish date and time; required)
struct slot_pattern {
  int from_day = 1;
  int days = 56;
  std::vector<unsigned> weekdays{1, 2, 3, 4, 5};
  std::vector<std::chrono::minutes> times;
  std::chrono::minutes length{30};
  std::string id_prefix;
};
// nullopt and `error` on a problem (unknown time, bad weekday, ...).
std::optional<slot_pattern> read_slot_pattern(const nlohmann::json& row, std::string& error);

struct generated_slot {
  std::string id;
  sim_instant start{};
  sim_instant end{};
};
// The pattern's slots, `today` being the Swedish date generation counts from.
// A start in the March DST gap does not exist and is skipped.
std::vector<generated_slot> expand(const slot_pattern& pattern, std::chrono::year_month_day today);
// Today's Swedish date by the system clock.
std::chrono::year_month_day swedish_today();

}  // namespace tidnav::adapters::fhir::sim
