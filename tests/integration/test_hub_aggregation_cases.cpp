// SPDX-License-Identifier: GPL-2.0-or-later
// The national aggregator's functional cases, with our own data, for both
// aggregated contracts (crm 1.1 GetSubjectOfCareSchedule and 2.0
// GetAppointments): the real hub over mutual TLS, the engagement index behind
// local:ei, and care units that answer, answer empty, answer just under the
// unit timeout, never answer in time, fault, are not authorised, or are the
// platform itself. Every answer is checked against our schemas and read back:
// items sorted and de-duplicated, one true ProcessingStatus record per unit.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include <sqlite3.h>

#include "hub/core/hsa_id.hpp"
#include "tests/integration/aggregation_support.hpp"

using namespace tidnav;
using namespace tidnav::test;
using core::aggregate_kind;

namespace {

constexpr auto unit_timeout = 2000ms;
constexpr auto deadline = 2500ms;
const std::string person = "191212121212";

std::string domain_of(aggregate_kind k) { return k == aggregate_kind::schedule_11 ? crm_domain : sched2_domain; }

// Ids as each contract spells them (2.0 needs UUIDs).
std::string id_of(aggregate_kind k, int n) {
  if (k == aggregate_kind::schedule_11) return "BK-" + std::to_string(n);
  char buf[40];
  std::snprintf(buf, sizeof buf, "00000000-0000-4000-8000-%012d", n);
  return buf;
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string fold(const std::string& s) { return core::normalize_hsa_id(s); }

// The identity the merge de-duplicates on, as the tests see it.
std::pair<std::string, std::string> identity(aggregate_kind k, const item& i) {
  return {fold(i.unit), k == aggregate_kind::appointments_20 ? fold(i.id) : i.id};
}

bool in_order(aggregate_kind k, const std::vector<item>& items) {
  for (std::size_t n = 1; n < items.size(); ++n) {
    const item& a = items[n - 1];
    const item& b = items[n];
    const auto ka = std::make_tuple(k == aggregate_kind::appointments_20 ? "" : a.start, fold(a.unit), fold(a.id));
    const auto kb = std::make_tuple(k == aggregate_kind::appointments_20 ? "" : b.start, fold(b.unit), fold(b.id));
    if (kb < ka) return false;
  }
  return true;
}

void check_success(const status_row& s) {
  CHECK(s.status == "DataFromSource");
  CHECK(s.from_cache == "false");
  CHECK(s.in_synch == "true");
  CHECK(is_ts(s.last_ok));
  CHECK_FALSE(s.has_error);
}

void check_failure(const status_row& s, const std::string& agent, const std::string& code) {
  CHECK(s.status == "NoDataSynchFailed");
  CHECK(s.from_cache == "false");
  CHECK(s.in_synch == "false");
  CHECK(s.has_last_ok);  // present (empty): the schema wants it
  CHECK(s.last_ok.empty());
  CHECK(is_ts(s.last_failed));
  REQUIRE(s.has_error);
  CHECK(s.agent == agent);
  CHECK(s.code == code);
  CHECK_FALSE(s.text.empty());
}

std::string logical_address_of(const std::string& request) {
  const auto open = request.find("LogicalAddress");
  const auto gt = request.find('>', open);
  const auto lt = request.find('<', gt);
  if (open == std::string::npos || gt == std::string::npos || lt == std::string::npos) return {};
  return request.substr(gt + 1, lt - gt - 1);
}

void run_functional_cases(aggregate_kind k) {
  const std::string ns = contract_ns(k);
  const std::string A = "SE2321000016-A001", B = "SE2321000016-B002", C = "SE2321000016-C003",
                    D = "SE2321000016-D004", E = "SE2321000016-E005", F = "SE2321000016-F006",
                    G = "SE2321000016-G007";
  // Answers. B repeats A's first item with A's unit spelled in lower case: a
  // duplicate across units. A lists its items out of order.
  const std::vector<item> a_items{{A, id_of(k, 3), "20261210090000"}, {A, id_of(k, 1), "20261208080000"}};
  const std::vector<item> b_items{{B, id_of(k, 2), "20261209100000"},
                                  {lower(A), k == aggregate_kind::appointments_20 ? upper(id_of(k, 3)) : id_of(k, 3),
                                   "20261210090000"}};
  const std::vector<item> d_items{{D, id_of(k, 4), "20261207070000"}};

  unit_producer answering_a{answer_of(k, a_items)};
  unit_producer answering_b{answer_of(k, b_items)};
  unit_producer empty_c{answer_of(k, {})};
  unit_producer just_under_d{answer_of(k, d_items), 200, unit_timeout - 1000ms};
  unit_producer too_slow_e{answer_of(k, {{E, id_of(k, 5), "20261207060000"}}), 200, 60s};
  unit_producer faulting_f{soap_fault("Invalid Id: " + person), 500};
  unit_producer unauthorised_g{answer_of(k, {{G, id_of(k, 6), "20261207050000"}})};

  hub_world_options o;
  o.tak = tak_file(tak_unit("agg", platform_id, "local:aggregate", ns) + tak_unit("ei", platform_id, "local:ei", ei_update_ns) +
                   tak_unit("a", A, answering_a.url(), ns) + tak_unit("b", B, answering_b.url(), ns) +
                   tak_unit("c", C, empty_c.url(), ns) + tak_unit("d", D, just_under_d.url(), ns) +
                   tak_unit("e", E, too_slow_e.url(), ns) + tak_unit("f", F, faulting_f.url(), ns) +
                   tak_route("r-g", G, unauthorised_g.url(), "RIVTABP21", ns));
  o.extra_yaml = "engagement_index: { database: ei.db }\naggregation: { unit_timeout_ms: " +
                 std::to_string(unit_timeout.count()) + ", deadline_ms: " + std::to_string(deadline.count()) + " }\n";
  hub_world w(o);

  SECTION("no engagements: an empty answer with an empty ProcessingStatus, no unit called") {
    auto r = w.call(request_of(k, platform_id));
    REQUIRE(r.ok());
    CHECK(r.status == 200);
    merged m;
    read_valid(k, r.body, m);
    CHECK(m.view.status.empty());
    CHECK(m.items.empty());
    CHECK(answering_a.count() + empty_c.count() + faulting_f.count() == 0);
  }

  SECTION("every case at once") {
    // A twice (second in lower case), and G without permission.
    auto up = w.call(ei_update(person, domain_of(k), {A, lower(A), B, C, D, E, F, G}));
    REQUIRE(up.ok());
    REQUIRE(up.status == 200);
    // The platform itself, which Update refuses (EI005), from before that rule.
    ei_insert_directly((w.dir() / "ei.db").string(), person, domain_of(k), {platform_id});
    // Another citizen's and another domain's posts must not be found.
    REQUIRE(w.call(ei_update("194911172296", domain_of(k), {B})).status == 200);

    const auto t0 = std::chrono::steady_clock::now();
    auto r = w.call(request_of(k, platform_id));
    const auto took = std::chrono::steady_clock::now() - t0;
    REQUIRE(r.ok());
    REQUIRE(r.status == 200);
    // The unit that never answers in time does not hold the answer back (it
    // would take a minute); the bound is generous, the point is the deadline.
    CHECK(took < 30s);

    merged m;
    read_valid(k, r.body, m);
    INFO(r.body);

    // One record per unit called: A once, no record for G or the platform.
    CHECK(m.view.status.size() == 6);
    for (const auto& u : {A, B, C, D}) {
      const status_row* s = m.status_of(u);
      REQUIRE(s);
      check_success(*s);
    }
    REQUIRE(m.status_of(E));
    check_failure(*m.status_of(E), "service_producer", "504");
    REQUIRE(m.status_of(F));
    check_failure(*m.status_of(F), "service_producer", "500");
    CHECK_FALSE(m.status_of(G));
    CHECK_FALSE(m.status_of(platform_id));
    CHECK(r.body.find(G) == std::string::npos);

    // Items: everything A, B and D said, once each, in order.
    std::set<std::pair<std::string, std::string>> expected, got;
    for (const auto* list : {&a_items, &b_items, &d_items}) {
      for (const auto& i : *list) expected.insert(identity(k, i));
    }
    for (const auto& i : m.items) CHECK(got.insert(identity(k, i)).second);
    CHECK(got == expected);
    CHECK(m.items.size() == 4);
    CHECK(in_order(k, m.items));

    // Each unit called once, addressed to itself in the header (and body for 1.1).
    CHECK(answering_a.count() == 1);
    CHECK(unauthorised_g.count() == 0);
    for (const auto* u : {&answering_a, &answering_b, &empty_c, &just_under_d, &faulting_f}) {
      const auto seen = u->requests();
      REQUIRE(seen.size() == 1);
      CHECK(seen[0].body.find(platform_id) == std::string::npos);
    }
    CHECK(logical_address_of(answering_a.requests()[0].body) == A);
    CHECK(logical_address_of(faulting_f.requests()[0].body) == F);
    if (k == aggregate_kind::schedule_11) {
      CHECK(answering_b.requests()[0].body.find("healthcare_facility>" + B + "<") != std::string::npos);
    }
  }
}

}  // namespace

TEST_CASE("hub: aggregated GetSubjectOfCareSchedule 1.1, the national functional cases",
          "[integration][hub][aggregation]") {
  run_functional_cases(aggregate_kind::schedule_11);
}

TEST_CASE("hub: aggregated GetAppointments 2.0, the national functional cases", "[integration][hub][aggregation]") {
  run_functional_cases(aggregate_kind::appointments_20);
}

namespace {

void run_index_down(aggregate_kind k) {
  const std::string ns = contract_ns(k);
  unit_producer unit{answer_of(k, {})};
  hub_world_options o;
  o.tak = tak_file(tak_unit("agg", platform_id, "local:aggregate", ns) + tak_unit("ei", platform_id, "local:ei", ei_update_ns) +
                   tak_unit("a", "SE2321000016-A001", unit.url(), ns));
  o.extra_yaml = "engagement_index: { database: ei.db }\n";
  hub_world w(o);
  REQUIRE(w.call(ei_update(person, domain_of(k), {"SE2321000016-A001"})).status == 200);

  // The index's storage breaks under the running hub.
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open((w.dir() / "ei.db").string().c_str(), &db) == SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  char* err = nullptr;
  const int rc = sqlite3_exec(db, "DROP TABLE engagements", nullptr, nullptr, &err);
  INFO((err ? err : ""));
  sqlite3_free(err);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);

  auto r = w.call(request_of(k, platform_id));
  REQUIRE(r.ok());
  CHECK(r.status == 500);
  CHECK(r.body.find("Fault>") != std::string::npos);
  CHECK(r.body.find("engagement index") != std::string::npos);
  CHECK(r.body.find("ProcessingStatus") == std::string::npos);
  CHECK(unit.count() == 0);
}

}  // namespace

TEST_CASE("hub: engagement index down, the aggregated call is a SOAP fault (1.1 and 2.0)",
          "[integration][hub][aggregation]") {
  SECTION("GetSubjectOfCareSchedule 1.1") { run_index_down(aggregate_kind::schedule_11); }
  SECTION("GetAppointments 2.0") { run_index_down(aggregate_kind::appointments_20); }
}

TEST_CASE("hub: without an engagement index the aggregated call is a SOAP fault", "[integration][hub][aggregation]") {
  const std::string ns = contract_ns(aggregate_kind::appointments_20);
  hub_world_options o;
  o.tak = tak_file(tak_unit("agg", platform_id, "local:aggregate", ns));
  hub_world w(o);
  auto r = w.call(request_of(aggregate_kind::appointments_20, platform_id));
  REQUIRE(r.ok());
  CHECK(r.status == 500);
  CHECK(r.body.find("No engagement index") != std::string::npos);
}

TEST_CASE("hub: the platform HSA-id is configuration", "[integration][hub][aggregation]") {
  // With another platform id, that id aggregates, and 5565594230 is an ordinary
  // (here unrouted) address that the index may hold like any unit.
  const auto k = aggregate_kind::appointments_20;
  const std::string ns = contract_ns(k);
  const std::string platform = "SE2321000016-PLAT";
  const std::string A = "SE2321000016-A001";
  unit_producer unit{answer_of(k, {{A, id_of(k, 1), ""}})};
  hub_world_options o;
  o.tak = tak_file(tak_unit("agg", platform, "local:aggregate", ns) + tak_unit("ei", platform, "local:ei", ei_update_ns) +
                   tak_unit("a", A, unit.url(), ns));
  o.extra_yaml = "platform_hsa_id: " + platform + "\nengagement_index: { database: ei.db }\n";
  hub_world w(o);

  SECTION("the index refuses the configured platform as a unit, not the default one") {
    auto refused = w.call(ei_update(person, sched2_domain, {platform}, platform));
    CHECK(refused.status == 500);
    CHECK(refused.body.find("EI005") != std::string::npos);
  }
  SECTION("aggregation at the configured address") {
    REQUIRE(w.call(ei_update(person, sched2_domain, {A, platform_id}, platform)).status == 200);
    auto r = w.call(request_of(k, platform));
    REQUIRE(r.ok());
    REQUIRE(r.status == 200);
    merged m;
    read_valid(k, r.body, m);
    // 5565594230 is an ordinary address here: neither routed nor permitted, so
    // it is dropped with the other units the consumer may not reach.
    REQUIRE(m.view.status.size() == 1);
    REQUIRE(m.status_of(A));
    check_success(*m.status_of(A));
    CHECK(m.items.size() == 1);
    CHECK(unit.count() == 1);
  }
}
