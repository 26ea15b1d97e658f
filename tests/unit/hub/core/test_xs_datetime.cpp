// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "hub/core/xs_datetime.hpp"

using namespace tidnav::core;
using namespace std::chrono;

namespace {

instant utc(int y, unsigned m, unsigned d, int h = 0, int mi = 0, int s = 0, int ms = 0) {
  return instant{sys_days{year{y} / month{m} / day{d}}.time_since_epoch()} + hours{h} + minutes{mi} + seconds{s} +
         milliseconds{ms};
}

}  // namespace

TEST_CASE("xs:dateTime values as TAK writes them", "[unit][datetime]") {
  const auto a = parse_xs_datetime("2013-08-09T13:25:24.260+02:00");
  REQUIRE(a);
  CHECK(a->value == utc(2013, 8, 9, 11, 25, 24, 260));
  CHECK(a->has_zone);
  CHECK_FALSE(a->date_only);

  const auto z = parse_xs_datetime("2024-12-31T23:59:59Z");
  REQUIRE(z);
  CHECK(z->value == utc(2024, 12, 31, 23, 59, 59));

  const auto neg = parse_xs_datetime("2024-01-01T00:00:00-05:30");
  REQUIRE(neg);
  CHECK(neg->value == utc(2024, 1, 1, 5, 30));

  const auto no_zone = parse_xs_datetime("2024-01-01T00:00:00");
  REQUIRE(no_zone);
  CHECK_FALSE(no_zone->has_zone);

  const auto micro = parse_xs_datetime("2024-01-01T00:00:00.123456Z");
  REQUIRE(micro);
  CHECK(micro->value == utc(2024, 1, 1, 0, 0, 0, 123));

  const auto date = parse_xs_datetime("2030-12-31");
  REQUIRE(date);
  CHECK(date->date_only);
  CHECK(date->value == utc(2030, 12, 31));
}

TEST_CASE("malformed date-times are refused", "[unit][datetime]") {
  for (const char* s : {"", "2024", "2024-13-01", "2024-02-30", "2024-01-01T24:00:00Z", "2024-01-01T10:00Z",
                        "2024-01-01T10:00:00+0100", "2024-01-01T10:00:00.Z", "2024-01-01 10:00:00",
                        "2024-01-01T10:00:00Zjunk", "24-01-01"}) {
    DYNAMIC_SECTION(s) { CHECK_FALSE(parse_xs_datetime(s).has_value()); }
  }
  CHECK(parse_xs_datetime("2024-02-29T00:00:00Z").has_value());  // leap day
}

TEST_CASE("validity windows are inclusive at both ends", "[unit][datetime]") {
  const auto v = make_validity(parse_xs_datetime("2024-01-01T00:00:00Z"), parse_xs_datetime("2024-12-31T23:59:59Z"));
  CHECK(v.contains(utc(2024, 1, 1)));
  CHECK(v.contains(utc(2024, 12, 31, 23, 59, 59)));
  CHECK_FALSE(v.contains(utc(2023, 12, 31, 23, 59, 59, 999)));
  CHECK_FALSE(v.contains(utc(2024, 12, 31, 23, 59, 59, 1)));

  const validity open = make_validity(std::nullopt, std::nullopt);
  CHECK(open.contains(utc(1970, 1, 1)));
  CHECK(open.contains(utc(9999, 12, 31)));
}

TEST_CASE("a date-only upper bound covers its whole day", "[unit][datetime]") {
  const auto v = make_validity(parse_xs_datetime("2024-01-01Z"), parse_xs_datetime("2024-01-31Z"));
  CHECK(v.contains(utc(2024, 1, 31, 23, 59, 59, 999)));
  CHECK_FALSE(v.contains(utc(2024, 2, 1)));
}

TEST_CASE("zone-less bounds get the platform's +-14 h slack", "[unit][datetime]") {
  // XMLGregorianCalendar.compare answers INDETERMINATE within 14 h of a
  // zone-less value, and the platform treats that as "inside the window".
  const auto v = make_validity(parse_xs_datetime("2024-06-01T00:00:00"), parse_xs_datetime("2024-06-30T00:00:00"));
  CHECK(v.contains(utc(2024, 5, 31, 10)));
  CHECK_FALSE(v.contains(utc(2024, 5, 31, 9, 59, 59, 999)));
  CHECK(v.contains(utc(2024, 6, 30, 14)));
  CHECK_FALSE(v.contains(utc(2024, 6, 30, 14, 0, 0, 1)));
}

TEST_CASE("an inverted window is empty and never valid", "[unit][datetime]") {
  const auto v = make_validity(parse_xs_datetime("2024-06-02T00:00:00Z"), parse_xs_datetime("2024-06-01T00:00:00Z"));
  CHECK(v.empty());
  CHECK_FALSE(v.contains(utc(2024, 6, 1, 12)));
}
