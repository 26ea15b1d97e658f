// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "hub/core/route_lookup.hpp"
#include "routing_world.hpp"

using namespace tidnav::core;
using namespace world;

namespace {

struct row {
  const char* what;
  std::string_view contract;
  std::string address;
  instant when;
  const char* expect;  // producer URL, or "VP004"/"VP006"/"VP010"
  const char* trace;   // expected routing trace, or nullptr to skip
};

std::string outcome(const result<const route*, vp_fault>& r) {
  return r ? r.value()->url : std::string(info(r.error().code).name);
}

}  // namespace

TEST_CASE("routing follows the platform's lookup order", "[unit][routing]") {
  const auto snap = snapshot();
  const row rows[] = {
      {"direct hit", CS, id("ABC1"), now, "https://direct.example/abc1", "SE2321000016-ABC1"},
      {"direct hit beats the parent's route", CS, id("ABC1"), now, "https://direct.example/abc1", nullptr},
      {"one HSA level up", CS, id("MOTT1"), now, "https://vc01.example/cs",
       "SE2321000016-MOTT1,(parent),SE2321000016-VC01"},
      {"two HSA levels up", CS, id("VC02"), now, "https://region.example/cs",
       "SE2321000016-VC02,(parent),SE2321000016-REG1"},
      {"climbs as far as needed", CM, id("MOTT1"), now, "https://region.example/cm",
       "SE2321000016-MOTT1,(parent),SE2321000016-VC01,SE2321000016-REG1"},
      {"DN that skips a level climbs to the nearest existing node", CS, id("DEEP1"), now,
       "https://region.example/cs", "SE2321000016-DEEP1,(parent),SE2321000016-REG1"},
      {"climb reaches SE, then the wildcard", CS, id("OREG"), now, "https://wildcard.example/cs",
       "SE2321000016-OREG,(parent),SE,(default),*"},
      {"unknown address climbs straight to SE", CS, id("UNKNOWN"), now, "https://wildcard.example/cs",
       "SE2321000016-UNKNOWN,(parent),SE,(default),*"},
      {"SE is checked before the wildcard", CM, id("OREG"), now, "https://national.example/cm",
       "SE2321000016-OREG,(parent),SE"},
      {"HSA climb disabled for an excepted namespace", CX, id("VC02"), now, "https://wildcard.example/cx",
       "SE2321000016-VC02,(default),*"},
      {"excepted namespace still routes directly", CX, id("REG1"), now, "https://region.example/cx", nullptr},
      {"case-insensitive address", CS, "se2321000016-abc1", now, "https://direct.example/abc1", nullptr},
      {"case-insensitive contract", "URN:RIV:CRM:SCHEDULING:GETSUBJECTOFCARESCHEDULERESPONDER:1", id("ABC1"), now,
       "https://direct.example/abc1", nullptr},
      {"case-insensitive HSA climb", CS, "se2321000016-mott1", now, "https://vc01.example/cs", nullptr},
      {"no route anywhere", CZ, id("ABC1"), now, "VP004",
       "SE2321000016-ABC1,(parent),SE2321000016-VC01,SE2321000016-REG1,SE,(default),*"},
      {"two valid routes, different profiles", CS, id("DUP1"), now, "VP006", "SE2321000016-DUP1"},
      {"blank producer URL", CS, id("NOURL"), now, "VP010", nullptr},
      // Validity windows are inclusive at both ends; an expired leaf keeps climbing.
      {"valid-from edge", CS, id("TIME"), at("2024-07-01T00:00:00Z"), "https://time.example/new", nullptr},
      {"valid-to edge", CS, id("TIME"), at("2024-06-30T23:59:59Z"), "https://time.example/old", nullptr},
      {"1 ms after valid-to", CS, id("TIME"), at("2024-12-31T23:59:59.001Z"), "https://wildcard.example/cs",
       "SE2321000016-TIME,(parent),SE,(default),*"},
      {"1 ms before the first valid-from", CS, id("TIME"), at("2023-12-31T23:59:59.999Z"),
       "https://wildcard.example/cs", nullptr},
      // Old-style default routing: parts right to left, nothing else.
      {"VG#VE tries VE first", CS, id("VG01") + "#" + id("VE01"), now, "https://ve.example/cs",
       "(leaf),SE2321000016-VE01"},
      {"VG#VE falls back to VG", CS, id("VE01") + "#" + id("NONE"), now, "https://ve.example/cs",
       "(leaf),SE2321000016-NONE,SE2321000016-VE01"},
      {"VG#VE does not climb the HSA tree", CS, id("MOTT1") + "#" + id("NONE"), now, "VP004",
       "(leaf),SE2321000016-NONE,SE2321000016-MOTT1"},
      {"VG#VE does not use the wildcard", CS, id("NONE1") + "#" + id("NONE2"), now, "VP004", nullptr},
      {"VG#VE repeated parts are tried once", CS, id("VE01") + "#" + id("NONE") + "#" + id("VE01"), now,
       "https://ve.example/cs", "(leaf),SE2321000016-NONE,SE2321000016-VE01"},
      {"VG#VE with empty parts", CS, "#" + id("VE01") + "##", now, "https://ve.example/cs", "(leaf),SE2321000016-VE01"},
      {"only a delimiter", CS, "#", now, "VP004", "(leaf)"},
  };
  for (const auto& r : rows) {
    DYNAMIC_SECTION(r.what) {
      std::string trace;
      const auto got = select_route(*snap, r.contract, r.address, r.when, &trace);
      CHECK(outcome(got) == r.expect);
      if (r.trace != nullptr) CHECK(trace == r.trace);
    }
  }
}

TEST_CASE("routing faults carry the platform's detail texts", "[unit][routing]") {
  const auto snap = snapshot();
  SECTION("VP004") {
    const auto r = select_route(*snap, CZ, id("ABC1"), now);
    REQUIRE_FALSE(r);
    CHECK(r.error().detail ==
          "No receiverId (logical address) found for serviceNamespace: urn:riv:test:NoRoutesResponder:1, "
          "receiverId: SE2321000016-ABC1");
  }
  SECTION("VP004 with whitespace hint, trailing space") {
    const auto r = select_route(*snap, CZ, id("ABC1") + " ", now);
    REQUIRE_FALSE(r);
    CHECK(r.error().detail ==
          "No receiverId (logical address) found for serviceNamespace: urn:riv:test:NoRoutesResponder:1, "
          "receiverId: SE2321000016-ABC1 . Whitespace detected in incoming request!");
  }
  SECTION("VP004 with whitespace hint, leading space") {
    const auto r = select_route(*snap, CZ, " " + id("ABC1"), now);
    REQUIRE_FALSE(r);
    CHECK(r.error().detail.ends_with("receiverId:  SE2321000016-ABC1. Whitespace detected in incoming request!"));
  }
  SECTION("only a space triggers the hint, as on the platform") {
    const auto r = select_route(*snap, CZ, "\n" + id("ABC1") + "\t", now);
    REQUIRE_FALSE(r);
    CHECK(r.error().detail.find("Whitespace") == std::string::npos);
  }
  SECTION("a surrounding space is not trimmed away: no direct hit") {
    const auto r = select_route(*snap, CS, id("ABC1") + " ", now);
    REQUIRE(r);
    CHECK(r.value()->url == "https://wildcard.example/cs");
  }
  SECTION("VP006") {
    const auto r = select_route(*snap, CS, id("DUP1"), now);
    REQUIRE_FALSE(r);
    CHECK(r.error() == vp_fault{vp_code::vp006,
                                "More than one receiverId (logical address) with matching Riv-version found for "
                                "serviceNamespace: urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1, "
                                "receiverId: SE2321000016-DUP1"});
  }
  SECTION("VP010") {
    const auto r = select_route(*snap, CS, id("NOURL"), now);
    REQUIRE_FALSE(r);
    CHECK(r.error() == vp_fault{vp_code::vp010,
                                "Physical Address field is empty in Service Producer for serviceNamespace: "
                                "urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1, receiverId: "
                                "SE2321000016-NOURL"});
  }
  SECTION("missing contract namespace reads 'null'") {
    const auto r = select_route(*snap, std::nullopt, id("ABC1"), now);
    REQUIRE_FALSE(r);
    CHECK(r.error().detail ==
          "No receiverId (logical address) found for serviceNamespace: null, receiverId: SE2321000016-ABC1");
  }
}

TEST_CASE("HSA lookup policy: default off, excepted namespaces turn it on", "[unit][routing]") {
  routing_policy pol = policy();
  pol.hsa_routing.default_enabled = false;
  pol.hsa_routing.excepted_namespaces = {"urn:riv:crm:scheduling:GetSubject"};
  const auto snap = snapshot(pol);
  CHECK(select_route(*snap, CS, id("MOTT1"), now).value()->url == "https://vc01.example/cs");
  // MakeBooking is not excepted: no climb, so SE is never checked and "*" answers.
  CHECK(select_route(*snap, CM, id("OREG"), now).value()->url == "https://wildcard.example/cm");
}

TEST_CASE("a disabled delimiter turns VG#VE into a plain address", "[unit][routing]") {
  routing_policy pol = policy();
  pol.default_routing_delimiter.clear();
  const auto snap = snapshot(pol);
  std::string trace;
  const auto r = select_route(*snap, CS, id("VG01") + "#" + id("VE01"), now, &trace);
  REQUIRE(r);
  CHECK(r.value()->url == "https://wildcard.example/cs");
  CHECK(trace == "SE2321000016-VG01#SE2321000016-VE01,(parent),SE,(default),*");
}

TEST_CASE("find_routes reports the matched step", "[unit][routing]") {
  const auto snap = snapshot();
  const auto m = find_routes(*snap, CS, id("MOTT1"), now);
  CHECK(m.count == 1);
  CHECK(m.matched_address == id("VC01"));
  const auto none = find_routes(*snap, CZ, id("MOTT1"), now);
  CHECK(none.count == 0);
  CHECK(none.first == nullptr);
  const auto dup = find_routes(*snap, CS, id("DUP1"), now);
  CHECK(dup.count == 2);  // the expired third route does not count
}
