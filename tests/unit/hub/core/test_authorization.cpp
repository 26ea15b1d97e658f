// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "hub/core/authorization.hpp"
#include "routing_world.hpp"

using namespace tidnav::core;
using namespace world;

namespace {

struct row {
  const char* what;
  std::string consumer;
  std::string_view contract;
  std::string address;
  instant when;
  bool granted;
  const char* trace;  // expected authorisation trace, or nullptr
};

}  // namespace

TEST_CASE("authorisation follows the platform's order: direct, *, HSA parents", "[unit][authorization]") {
  const auto snap = snapshot();
  const row rows[] = {
      {"direct grant", id("C001"), CS, id("ABC1"), now, true, "SE2321000016-ABC1"},
      {"direct grant does not cover another address", id("C001"), CS, id("VC01"), now, false,
       "SE2321000016-VC01,(default),*,(parent),SE2321000016-REG1,SE"},
      {"direct grant does not cover a child", id("C001"), CS, id("MOTT1"), now, false, nullptr},
      {"wildcard grant covers any address", id("C002"), CS, id("OREG"), now, true, "SE2321000016-OREG,(default),*"},
      {"wildcard is tried before the HSA parents", id("C003"), CS, id("MOTT1"), now, true,
       "SE2321000016-MOTT1,(default),*,(parent),SE2321000016-VC01,SE2321000016-REG1"},
      {"parent grant covers a grandchild", id("C003"), CS, id("VC02"), now, true, nullptr},
      {"parent grant does not cover another region", id("C003"), CS, id("OREG"), now, false,
       "SE2321000016-OREG,(default),*,(parent),SE"},
      {"SE grant covers unknown addresses", id("C004"), CS, id("UNKNOWN"), now, true,
       "SE2321000016-UNKNOWN,(default),*,(parent),SE"},
      {"grants are per contract", id("C002"), CM, id("ABC1"), now, false, nullptr},
      {"unknown consumer", id("C999"), CS, id("ABC1"), now, false, nullptr},
      {"HSA climb disabled for an excepted namespace", id("C005"), CX, id("VC02"), now, false,
       "SE2321000016-VC02,(default),*"},
      {"excepted namespace still grants directly", id("C005"), CX, id("REG1"), now, true, nullptr},
      {"expired direct grant, parent grant still valid", id("C006"), CS, id("ABC1"), now, true,
       "SE2321000016-ABC1,(default),*,(parent),SE2321000016-VC01"},
      {"direct grant inside its window", id("C006"), CS, id("ABC1"), at("2024-12-31T23:59:59Z"), true,
       "SE2321000016-ABC1"},
      {"one-instant window, at the instant", id("C008"), CS, id("VE01"), now, true, nullptr},
      {"one-instant window, 1 ms later", id("C008"), CS, id("VE01"), at("2025-03-01T12:00:00.001Z"), false, nullptr},
      {"case-insensitive consumer, contract and address", "se2321000016-c001",
       "URN:RIV:CRM:SCHEDULING:GETSUBJECTOFCARESCHEDULERESPONDER:1", "Se2321000016-Abc1", now, true, nullptr},
      // Old-style default routing.
      {"VG#VE granted through its VE part", id("C007"), CS, id("VG01") + "#" + id("VE01"), now, true,
       "(leaf),SE2321000016-VE01"},
      {"VG#VE granted through its VG part", id("C007"), CS, id("VE01") + "#" + id("VG01"), now, true,
       "(leaf),SE2321000016-VG01,SE2321000016-VE01"},
      {"VG#VE with three parts is refused", id("C007"), CS, id("A") + "#" + id("B") + "#" + id("VE01"), now, false,
       "(leaf),Invalid parameters"},
      {"VG#VE repeated parts count once", id("C007"), CS, id("VE01") + "#" + id("X") + "#" + id("VE01"), now, true,
       nullptr},
      {"VG#VE ignores wildcard grants", id("C002"), CS, id("VG01") + "#" + id("VE01"), now, false, nullptr},
      {"VG#VE ignores HSA parents", id("C003"), CS, id("VG01") + "#" + id("MOTT1"), now, false, nullptr},
  };
  for (const auto& r : rows) {
    DYNAMIC_SECTION(r.what) {
      std::string trace;
      CHECK(is_authorized(*snap, r.consumer, r.contract, r.address, r.when, &trace) == r.granted);
      if (r.trace != nullptr) CHECK(trace == r.trace);
    }
  }
}

TEST_CASE("VG#VE authorisation honours the allow-lists", "[unit][authorization]") {
  routing_policy pol = policy();
  pol.default_routing_allowed_contracts = {std::string(CS)};
  pol.default_routing_allowed_senders = {"se2321000016-c007"};
  const auto snap = snapshot(pol);
  const std::string vgve = id("VG01") + "#" + id("VE01");
  CHECK(is_authorized(*snap, id("C007"), CS, vgve, now));
  std::string trace;
  CHECK_FALSE(is_authorized(*snap, id("C007"), CM, vgve, now, &trace));  // contract not allowed
  CHECK(trace == "(leaf),Invalid parameters");
  CHECK(is_authorized(*snap, id("C007"), CM, id("VE01"), now));            // plain address: lists do not apply
  routing_policy other = pol;
  other.default_routing_allowed_senders = {id("C001")};
  CHECK_FALSE(is_authorized(*snapshot(other), id("C007"), CS, vgve, now));  // sender not allowed
}

TEST_CASE("authorize() maps to VP002, VP003 and VP007 with the platform's details", "[unit][authorization]") {
  const auto snap = snapshot();
  SECTION("no sender id") {
    const auto r = authorize(*snap, std::nullopt, CS, id("ABC1"), now);
    REQUIRE_FALSE(r);
    CHECK(r.error() == vp_fault{vp_code::vp002,
                                "No sender ID (SERIALNUMBER) found in certificate. serviceNamespace: "
                                "urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1, receiverId: "
                                "SE2321000016-ABC1, senderId: null"});
  }
  SECTION("no logical address") {
    const auto r = authorize(*snap, id("C001"), CS, std::nullopt, now);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == vp_code::vp003);
    CHECK(r.error().detail.ends_with("receiverId: null, senderId: SE2321000016-C001"));
  }
  SECTION("not authorised") {
    const auto r = authorize(*snap, id("C001"), CS, id("VC02"), now);
    REQUIRE_FALSE(r);
    CHECK(r.error() == vp_fault{vp_code::vp007,
                                "Authorization missing for serviceNamespace: "
                                "urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1, receiverId: "
                                "SE2321000016-VC02, senderId: SE2321000016-C001"});
  }
  SECTION("authorised") { CHECK(authorize(*snap, id("C001"), CS, id("ABC1"), now)); }
}
