// SPDX-License-Identifier: GPL-2.0-or-later
// Simulator seeds: `generate` rows give bookable slots relative to today, and
// a seed whose references do not resolve is refused at load.
#include "adapters/core/swedish_time.hpp"
#include "adapters/millennium/sim/sim_store.hpp"
#include "millennium_test_support.hpp"
#include "millennium_world.hpp"
#include "tests/unit/adapters/core/adapter_test_support.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

using namespace tidnav::adapters;
using namespace tidnav::adapters::test;
using namespace std::chrono;
namespace mil = ::tidnav::adapters::millennium;
using json = nlohmann::json;

namespace {

json seed_with(json generate, json appointments = json::array()) {
  return {{"client_id", "c"},
          {"client_secret", "s"},
          {"patients", json::array({{{"id", "12724067"}, {"value", tolvan}}})},
          {"generate", std::move(generate)},
          {"appointments", std::move(appointments)}};
}

}  // namespace

TEST_CASE("millennium seed: generate rows make weekday slots at Swedish times from a given day", "[millennium][seed]") {
  const json row = {{"location", "LOC-ASA"}, {"code", "2572307"}, {"system", mil::test::code_set},
                    {"display", "Läkarbesök 30 min"}, {"practitioner", "PR-1"}, {"id_prefix", "G-ASA"},
                    {"days", 7}, {"times", {"08:00", "13:30"}}, {"minutes", 30}};
  std::string error;
  // Friday 28 March 2031: summer time starts on Sunday the 30th.
  const auto seed = mil::sim::parse_sim_seed(seed_with(json::array({row})), year{2031} / March / 27, error);
  REQUIRE(seed);
  // 28 Mar (Fri), 31 Mar, 1-3 Apr: five weekdays of the seven days from the 28th.
  REQUIRE(seed->slots.size() == 10);
  CHECK(seed->slots[0].id == "G-ASA-20310328-0800");
  CHECK(seed->slots[0].start == sys_days{year{2031} / March / 28} + hours(7));  // CET
  CHECK(seed->slots[0].end - seed->slots[0].start == minutes(30));
  CHECK(seed->slots[2].id == "G-ASA-20310331-0800");
  CHECK(seed->slots[2].start == sys_days{year{2031} / March / 31} + hours(6));  // CEST
  CHECK(seed->slots[0].location == "LOC-ASA");
  CHECK(seed->slots[0].practitioner == "PR-1");
  CHECK(seed->patients[0].system == "urn:oid:1.2.752.129.2.1.3.1");  // the default identifier system
}

TEST_CASE("millennium seed: problems are reported, not served", "[millennium][seed]") {
  std::string error;
  const auto today = year{2031} / March / 27;
  CHECK_FALSE(mil::sim::parse_sim_seed(seed_with(json::array({{{"location", "L"}, {"code", "c"}, {"id_prefix", "G"},
                                                               {"times", {"25:00"}}}})),
                                       today, error));
  CHECK(error.find("25:00") != std::string::npos);
  CHECK_FALSE(mil::sim::parse_sim_seed(seed_with(json::array({{{"location", "L"}, {"code", "c"}, {"id_prefix", "G"},
                                                               {"times", {"08:00"}}, {"weekdays", {0}}}})),
                                       today, error));
  CHECK_FALSE(mil::sim::parse_sim_seed(
      seed_with(json::array(), json::array({{{"id", "M-1"}, {"slot", "nope"}, {"patient", "12724067"}}})), today, error));
  CHECK(error.find("nope") != std::string::npos);
  CHECK_FALSE(mil::sim::parse_sim_seed(json::array(), today, error));
}

TEST_CASE("millennium seed: the fixture with a generate block serves tomorrow's slots", "[millennium][seed][sim]") {
  mil::test::millennium_world w;
  // The fixture generates LOC-ASA nurse slots for the coming weeks (relative to the real clock).
  const auto today = stockholm_date(floor<seconds>(system_clock::now()));
  const auto from = format_dt(year_month_day{sys_days{today} + days(1)});
  const auto to = format_dt(year_month_day{sys_days{today} + days(14)});
  auto slots = valid(w.sched2(sched2_request("GetAvailableTimeslots",
                                             concat({person(), {{"startDateInclusive", from},
                                                                {"endDateInclusive", to},
                                                                {"timeTypeCode", "2572311"}}}))),
                     tidnav::contracts::family::sched2);
  CHECK(all_texts(slots.body, "timeslotId").size() >= 10);  // two a weekday, at least five weekdays
}
