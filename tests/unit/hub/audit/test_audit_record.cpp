// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "hub/audit/audit_record.hpp"

using namespace tidnav::audit;

TEST_CASE("personnummer forms normalise to twelve digits", "[audit]") {
  CHECK(normalize_person("191212121212", 2026) == "191212121212");
  CHECK(normalize_person(" 19121212-1212 ", 2026) == "191212121212");
  CHECK(normalize_person("121212-1212", 2026) == "201212121212");
  CHECK(normalize_person("121212+1212", 2026) == "191212121212");
  CHECK(normalize_person("771010-2384", 2026) == "197710102384");
  CHECK(normalize_person("7710102384", 2026) == "197710102384");
  // Samordningsnummer keep their day + 60.
  CHECK(normalize_person("19121272-1219", 2026) == "191212721219");
}

TEST_CASE("other identifiers are kept as sent", "[audit]") {
  CHECK(normalize_person("5565594230", 2026) == "5565594230");  // an organisation number: month 65
  CHECK(normalize_person("RES-123", 2026) == "RES-123");
  CHECK(normalize_person("", 2026).empty());
}

TEST_CASE("times parse as UTC with Z and format as RFC 3339", "[audit]") {
  CHECK(parse_time_ms("2026-12-06Z") == std::optional<std::int64_t>(1796515200000));
  CHECK(parse_time_ms("2026-12-06T10:15:03Z") == std::optional<std::int64_t>(1796515200000 + (10 * 3600 + 15 * 60 + 3) * 1000LL));
  CHECK(parse_time_ms("2026-12-06 10:15Z") == std::optional<std::int64_t>(1796515200000 + (10 * 3600 + 15 * 60) * 1000LL));
  CHECK(format_utc_ms(1796515200000 + 120) == "2026-12-06T00:00:00.120Z");
  CHECK_FALSE(parse_time_ms("2026-13-06"));
  CHECK_FALSE(parse_time_ms("yesterday"));
  CHECK_FALSE(parse_time_ms("2026-12-06T10"));
  CHECK(parse_time_ms("2026-12-06"));  // local midnight
}
