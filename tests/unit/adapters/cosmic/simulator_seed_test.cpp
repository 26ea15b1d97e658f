// SPDX-License-Identifier: GPL-2.0-or-later
// Simulator seeds: `generate` rows give bookable slots relative to today, and
// a seed whose references do not resolve is refused at load.
#include "adapters/core/swedish_time.hpp"
#include "adapters/cosmic/sim/sim_schedule.hpp"
#include "cosmic_world.hpp"
#include "tests/unit/adapters/core/adapter_test_support.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

using namespace tidnav::adapters;
using namespace tidnav::adapters::test;
using namespace std::chrono;
namespace cm = ::tidnav::adapters::cosmic;
using json = nlohmann::json;

namespace {

json seed_with(json generate, json appointments = json::array()) {
  return {{"client_id", "c"},
          {"client_secret", "s"},
          {"subscription_key", "k"},
          {"services", json::array({{{"id", "HS-LAK30"}, {"unit", asa}, {"name", "Läkarbesök 30 min"}}})},
          {"generate", std::move(generate)},
          {"appointments", std::move(appointments)}};
}

}  // namespace

TEST_CASE("cosmic seed: generate rows make weekday slots at Swedish times, cancel and rebook permitted by default", "[cosmic][seed]") {
  const json row = {{"service", "HS-LAK30"}, {"id_prefix", "G-LAK"}, {"days", 3}, {"from_day", 0},
                    {"weekdays", {1, 2, 3, 4, 5, 6, 7}}, {"times", {"02:30", "09:00"}}, {"minutes", 15}};
  std::string error;
  // 29 March 2031 to the 31st: 02:30 on Sunday the 30th does not exist in Sweden.
  const auto seed = cm::sim::parse_sim_seed(seed_with(json::array({row})), year{2031} / March / 29, error);
  INFO(error);
  REQUIRE(seed);
  REQUIRE(seed->slots.size() == 5);
  CHECK(seed->slots[0].id == "G-LAK-20310329-0230");
  CHECK(seed->slots[2].id == "G-LAK-20310330-0900");
  CHECK(seed->slots[2].start == sys_days{year{2031} / March / 30} + hours(7));  // summer time already
  CHECK(seed->slots[4].end - seed->slots[4].start == minutes(15));
  CHECK(seed->slots[0].permitted == std::vector<std::string>{"cancel", "rebook"});
}

TEST_CASE("cosmic seed: problems are reported, not served", "[cosmic][seed]") {
  std::string error;
  const auto today = year{2031} / March / 27;
  CHECK_FALSE(cm::sim::parse_sim_seed(seed_with(json::array({{{"service", "HS-NONE"}, {"id_prefix", "G"},
                                                              {"times", {"08:00"}}}})),
                                      today, error));
  CHECK(error.find("HS-NONE") != std::string::npos);
  CHECK_FALSE(cm::sim::parse_sim_seed(seed_with(json::array({{{"service", "HS-LAK30"}, {"times", {"08:00"}}}})), today,
                                      error));  // no id_prefix
  CHECK_FALSE(cm::sim::parse_sim_seed(
      seed_with(json::array(), json::array({{{"id", "A-1"}, {"slot", "nope"}, {"patient", tolvan}}})), today, error));
  CHECK(error.find("nope") != std::string::npos);
}

TEST_CASE("cosmic seed: the fixture with a generate block serves the coming days' slots", "[cosmic][seed][sim]") {
  cm::test::cosmic_world w;
  const auto today = stockholm_date(floor<seconds>(system_clock::now()));
  const auto from = format_dt(year_month_day{sys_days{today} + days(1)});
  const auto to = format_dt(year_month_day{sys_days{today} + days(7)});
  auto slots = valid(w.sched2(sched2_request("GetAvailableTimeslots",
                                             concat({person(), {{"startDateInclusive", from},
                                                                {"endDateInclusive", to},
                                                                {"timeTypeCode", "HS-SSK20"}}}))),
                     tidnav::contracts::family::sched2);
  CHECK(all_texts(slots.body, "timeslotId").size() >= 8);  // two a weekday, at least four weekdays in seven days
}
