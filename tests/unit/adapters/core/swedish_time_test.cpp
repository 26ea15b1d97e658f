// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/core/swedish_time.hpp"

#include <catch2/catch.hpp>

using namespace tidnav::adapters;
using namespace std::chrono;

namespace {

instant utc(int y, unsigned m, unsigned d, int h, int min, int s = 0) {
  return sys_days{year{y} / month{m} / day{d}} + hours{h} + minutes{min} + seconds{s};
}

std::string iso(instant t) { return std::to_string(t.time_since_epoch().count()); }

}  // namespace

TEST_CASE("adapter-core: TS in Swedish local time maps to UTC on both sides of both DST edges", "[adapters][time]") {
  struct row {
    const char* ts;
    dst_policy policy;
    std::optional<instant> expected;
  };
  const dst_policy earlier{dst_overlap::earlier, dst_gap::reject};
  const dst_policy later{dst_overlap::later, dst_gap::reject};
  const dst_policy shift{dst_overlap::earlier, dst_gap::shift_forward};
  const row rows[] = {
      {"20310115100000", earlier, utc(2031, 1, 15, 9, 0)},     // winter: +01:00
      {"20310715100000", earlier, utc(2031, 7, 15, 8, 0)},     // summer: +02:00
      // Spring forward, Sunday 30 March 2031: 02:00 -> 03:00.
      {"20310330015959", earlier, utc(2031, 3, 30, 0, 59, 59)},
      {"20310330020000", earlier, std::nullopt},               // the missing hour is rejected...
      {"20310330023000", earlier, std::nullopt},
      {"20310330025959", earlier, std::nullopt},
      {"20310330023000", shift, utc(2031, 3, 30, 1, 30)},      // ...or read as 03:30 summer time
      {"20310330030000", earlier, utc(2031, 3, 30, 1, 0)},
      // Fall back, Sunday 26 October 2031: 03:00 -> 02:00.
      {"20311026015959", earlier, utc(2031, 10, 25, 23, 59, 59)},
      {"20311026020000", earlier, utc(2031, 10, 26, 0, 0)},    // first pass, summer time
      {"20311026023000", earlier, utc(2031, 10, 26, 0, 30)},
      {"20311026023000", later, utc(2031, 10, 26, 1, 30)},     // second pass, winter time
      {"20311026025959", later, utc(2031, 10, 26, 1, 59, 59)},
      {"20311026030000", earlier, utc(2031, 10, 26, 2, 0)},
      {"20311026030000", later, utc(2031, 10, 26, 2, 0)},      // unambiguous either way
      // The same rule in another year: 29 March and 25 October 2026.
      {"20260329023000", earlier, std::nullopt},
      {"20261025023000", earlier, utc(2026, 10, 25, 0, 30)},
  };
  for (const auto& r : rows) {
    INFO(r.ts);
    const auto got = ts_to_instant(r.ts, r.policy);
    REQUIRE(got.has_value() == r.expected.has_value());
    if (got) CHECK(iso(*got) == iso(*r.expected));
  }
}

TEST_CASE("adapter-core: UTC instants print as Swedish TS and read back, minute by minute over both DST nights", "[adapters][time]") {
  for (const instant night : {utc(2031, 3, 29, 20, 0), utc(2031, 10, 25, 20, 0)}) {
    for (instant t = night; t < night + hours{12}; t += minutes{1}) {
      const std::string ts = instant_to_ts(t);
      // The second pass through 02:xx in October is only found with the "later" rule.
      const auto back = ts_to_instant(ts, {dst_overlap::earlier, dst_gap::reject});
      const auto back_later = ts_to_instant(ts, {dst_overlap::later, dst_gap::reject});
      INFO(ts);
      REQUIRE(back);
      REQUIRE(back_later);
      CHECK((*back == t || *back_later == t));
    }
  }
  CHECK(instant_to_ts(utc(2031, 3, 30, 1, 0)) == "20310330030000");
  CHECK(instant_to_ts(utc(2031, 3, 30, 0, 59, 59)) == "20310330015959");
  CHECK(instant_to_ts(utc(2031, 10, 26, 0, 59, 59)) == "20311026025959");
  CHECK(instant_to_ts(utc(2031, 10, 26, 1, 0)) == "20311026020000");
}

TEST_CASE("adapter-core: summer time starts and ends at 01:00 UTC on the last Sundays of March and October", "[adapters][time]") {
  CHECK_FALSE(is_summer_time(utc(2031, 3, 30, 0, 59, 59)));
  CHECK(is_summer_time(utc(2031, 3, 30, 1, 0)));
  CHECK(is_summer_time(utc(2031, 10, 26, 0, 59, 59)));
  CHECK_FALSE(is_summer_time(utc(2031, 10, 26, 1, 0)));
  CHECK_FALSE(is_summer_time(utc(2031, 3, 23, 12, 0)));  // a Sunday, but not the last
  CHECK(stockholm_offset(utc(2031, 7, 1, 0, 0)) == hours{2});
  CHECK(stockholm_offset(utc(2031, 12, 1, 0, 0)) == hours{1});
}

TEST_CASE("adapter-core: a Swedish calendar day starts at local midnight, even on DST days", "[adapters][time]") {
  CHECK(iso(start_of_day(year{2031} / March / day{30})) == iso(utc(2031, 3, 29, 23, 0)));
  CHECK(iso(start_of_day(year{2031} / March / day{31})) == iso(utc(2031, 3, 30, 22, 0)));
  CHECK(iso(start_of_day(year{2031} / October / day{27})) == iso(utc(2031, 10, 26, 23, 0)));
  CHECK(instant_to_dt(utc(2031, 6, 30, 22, 30)) == "20310701");  // already 1 July in Stockholm
  CHECK(instant_to_dt(utc(2031, 12, 31, 22, 59, 59)) == "20311231");
}

TEST_CASE("adapter-core: TS and DT are checked against the real calendar", "[adapters][time]") {
  for (const char* bad : {"20250231120000", "20250101240000", "20250101126000", "2025010112000", "202501011200000",
                          "2025010112000a", "00010101000000", "20251301000000", "20250100000000"}) {
    INFO(bad);
    CHECK_FALSE(parse_ts(bad));
  }
  for (const char* bad : {"20250230", "20251301", "2025011", "abcdefgh", "00000101", "20250229"}) {
    INFO(bad);
    CHECK_FALSE(parse_dt(bad));
  }
  CHECK(parse_dt("20240229"));
  CHECK(parse_ts("20241231235959"));
  CHECK(format_dt(*parse_dt("20310105")) == "20310105");
}
