// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/ei/timestamp.hpp"

#include <catch2/catch.hpp>

using namespace tidnav::ei;
using namespace std::chrono;

TEST_CASE("TS must be 14 digits naming a real date and time", "[ei][ts]") {
  struct row {
    const char* ts;
    bool valid;
  };
  const row rows[] = {
      {"20270115093000", true},  {"20240229000000", true},  {"20000229235959", true},  {"19000101000000", true},
      {"10000101000000", true},  {"99991231235959", true},  {"19000229000000", false}, {"20230229000000", false},
      {"20270431000000", false}, {"20270100000000", false}, {"20270001000000", false}, {"20271301000000", false},
      {"20270115240000", false}, {"20270115236000", false}, {"20270115235960", false}, {"09990101000000", false},
      {"2027011509300", false},  {"202701150930000", false}, {"", false},              {"2027011509300a", false},
      {" 2027011509300", false}, {"+2027011509300", false},
  };
  for (const auto& r : rows) {
    INFO(r.ts);
    CHECK(is_valid_ts(r.ts) == r.valid);
  }
}

TEST_CASE("stamps are Swedish wall-clock time whatever the process TZ", "[ei][ts]") {
  auto utc = [](int y, unsigned mo, unsigned d, int h, int mi, int s) {
    return system_clock::time_point(sys_days{year{y} / month{mo} / day{d}} + hours{h} + minutes{mi} + seconds{s});
  };
  struct row {
    system_clock::time_point at;
    const char* expected;
  };
  const row rows[] = {
      {utc(2027, 1, 15, 8, 30, 0), "20270115093000"},    // winter: UTC+1
      {utc(2027, 7, 1, 8, 30, 0), "20270701103000"},     // summer: UTC+2
      {utc(2026, 3, 29, 0, 59, 59), "20260329015959"},   // last second of winter time
      {utc(2026, 3, 29, 1, 0, 0), "20260329030000"},     // clocks jump 02:00 -> 03:00
      {utc(2026, 10, 25, 0, 59, 59), "20261025025959"},  // last second of summer time
      {utc(2026, 10, 25, 1, 0, 0), "20261025020000"},    // clocks go back 03:00 -> 02:00
      {utc(2026, 12, 31, 23, 30, 0), "20270101003000"},  // the new year comes an hour early
  };
  for (const auto& r : rows) {
    INFO(r.expected);
    CHECK(stockholm_ts(r.at) == r.expected);
    CHECK(is_valid_ts(stockholm_ts(r.at)));
  }
}
