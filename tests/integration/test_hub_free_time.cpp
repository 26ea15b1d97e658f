// SPDX-License-Identifier: GPL-2.0-or-later
// National free-time search: GetAvailableTimeslots (2.0 and crm 1.1) addressed
// to the platform, or to a region's HSA node, goes to every unit routed for
// the contract under that address, and the free times come back as one list,
// earliest first, with a ProcessingStatus record per unit.
#include <catch2/catch.hpp>

#include "tests/integration/aggregation_support.hpp"

using namespace tidnav;
using namespace tidnav::test;
using core::aggregate_kind;

namespace {

constexpr const char* region1 = "SE2321000016-REG1";
constexpr const char* region2 = "SE2321000016-REG2";
constexpr const char* unit1 = "SE2321000016-R1U1";
constexpr const char* unit2 = "SE2321000016-R1U2";
constexpr const char* unit3 = "SE2321000016-R2U3";
// Routed but not authorised. It sits in region 2: the consumer's permission at
// region 1's node covers every unit below it (HSA authorisation lookup).
constexpr const char* unit4 = "SE2321000016-R2U4";
constexpr const char* unit5 = "SE2321000016-R1U5";  // faults

std::string slot_id(aggregate_kind k, int n) {
  if (k == aggregate_kind::timeslots_11) return "RES-" + std::to_string(n);
  char buf[40];
  std::snprintf(buf, sizeof buf, "11111111-0000-4000-8000-%012d", n);
  return buf;
}

void check_earliest_first(const std::vector<item>& items) {
  for (std::size_t i = 1; i < items.size(); ++i) {
    INFO(items[i - 1].start << " then " << items[i].start);
    CHECK(items[i - 1].start <= items[i].start);
  }
}

void run_free_time(aggregate_kind k) {
  const std::string ns = contract_ns(k);
  // Each unit's own list is in its own order; the merged one interleaves them.
  unit_producer u1{answer_of(k, {{unit1, slot_id(k, 1), "20261208100000"}, {unit1, slot_id(k, 2), "20261207080000"}})};
  unit_producer u2{answer_of(k, {{unit2, slot_id(k, 3), "20261207090000"}, {unit2, slot_id(k, 4), "20261209080000"}})};
  unit_producer u3{answer_of(k, {{unit3, slot_id(k, 5), "20261207073000"}})};
  unit_producer u4{answer_of(k, {{unit4, slot_id(k, 6), "20261207000000"}})};
  unit_producer u5{soap_fault("Tidboken är stängd"), 500};

  hub_world_options o;
  o.tak = tak_file(tak_unit("agg", platform_id, "local:aggregate", ns) + tak_unit("reg1", region1, "local:aggregate", ns) +
                   tak_unit("u1", unit1, u1.url(), ns) + tak_unit("u2", unit2, u2.url(), ns) +
                   tak_unit("u3", unit3, u3.url(), ns) + tak_unit("u5", unit5, u5.url(), ns) +
                   tak_route("r-u4", unit4, u4.url(), "RIVTABP21", ns));
  o.files = {{"hsa.xml", hsa_file({{region1, "o=Region Ett,l=Test,c=SE"},
                                   {region2, "o=Region Två,l=Test,c=SE"},
                                   {unit1, "ou=Vårdcentral Ett,o=Region Ett,l=Test,c=SE"},
                                   {unit2, "ou=Mottagning,ou=Sjukhus,o=Region Ett,l=Test,c=SE"},
                                   {unit4, "ou=Ej behörig,o=Region Två,l=Test,c=SE"},
                                   {unit5, "ou=Stängd,o=Region Ett,l=Test,c=SE"},
                                   {unit3, "ou=Vårdcentral Tre,o=Region Två,l=Test,c=SE"}})}};
  o.extra_yaml = "hsa_files: [hsa.xml]\naggregation: { unit_timeout_ms: 3000, deadline_ms: 3500 }\n";
  hub_world w(o);

  SECTION("at the platform address: every routed unit in the country") {
    auto r = w.call(request_of(k, platform_id));
    REQUIRE(r.ok());
    REQUIRE(r.status == 200);
    merged m;
    read_valid(k, r.body, m);
    INFO(r.body);
    CHECK(m.view.status.size() == 4);  // u1, u2, u3, u5; u4 not authorised
    for (const char* u : {unit1, unit2, unit3}) {
      REQUIRE(m.status_of(u));
      CHECK(m.status_of(u)->status == "DataFromSource");
    }
    REQUIRE(m.status_of(unit5));
    CHECK(m.status_of(unit5)->status == "NoDataSynchFailed");
    CHECK(m.status_of(unit5)->code == "500");
    CHECK(m.status_of(unit5)->agent == "service_producer");
    REQUIRE(m.items.size() == 5);
    check_earliest_first(m.items);
    CHECK(m.items[0].unit == unit3);  // 07:30 on the 7th
    CHECK(m.items[1].unit == unit1);  // 08:00 on the 7th
    CHECK(m.items[4].unit == unit2);  // 08:00 on the 9th
    if (k == aggregate_kind::timeslots_20) CHECK(m.view.result_code == "OK");
    CHECK(u4.count() == 0);
  }

  SECTION("at a region's HSA node: only the units under it") {
    auto r = w.call(request_of(k, region1));
    REQUIRE(r.ok());
    REQUIRE(r.status == 200);
    merged m;
    read_valid(k, r.body, m);
    INFO(r.body);
    CHECK(m.view.status.size() == 3);  // u1, u2 and u5 (below a sub-node)
    CHECK_FALSE(m.status_of(unit3));
    REQUIRE(m.items.size() == 4);
    check_earliest_first(m.items);
    CHECK(u3.count() == 0);
    // Each unit was asked for itself.
    const auto seen = u2.requests();
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].body.find(region1) == std::string::npos);
    CHECK(seen[0].body.find(unit2) != std::string::npos);
  }

  SECTION("a node aggregates only where TAK routes it to local:aggregate") {
    auto r = w.call(request_of(k, region2));
    REQUIRE(r.ok());
    CHECK(r.status == 500);
    CHECK(vp_code_of(r.body) == "VP004");
    CHECK(u3.count() == 0);
  }
}

}  // namespace

TEST_CASE("hub: national free-time search, GetAvailableTimeslots 2.0", "[integration][hub][aggregation][free-time]") {
  run_free_time(aggregate_kind::timeslots_20);
}

TEST_CASE("hub: national free-time search, GetAvailableTimeslots 1.1", "[integration][hub][aggregation][free-time]") {
  run_free_time(aggregate_kind::timeslots_11);
}
