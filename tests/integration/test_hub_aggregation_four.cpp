// SPDX-License-Identifier: GPL-2.0-or-later
// The "done when": an aggregated call over four producers answers
// within the deadline (every unit's record says DataFromSource, none was cut
// off by it) with a schema-valid, sorted, de-duplicated body and a
// ProcessingStatus record per producer, for both aggregated contracts, with
// the contracts' default timeouts (3 s per unit, 3.5 s in all).
#include <catch2/catch.hpp>

#include <set>

#include "hub/core/hsa_id.hpp"
#include "tests/integration/aggregation_support.hpp"

using namespace tidnav;
using namespace tidnav::test;
using core::aggregate_kind;

namespace {

constexpr int per_unit = 100;
constexpr int shared_items = 10;  // the first ten of every unit's list are also in its neighbour's

std::string id_of(aggregate_kind k, int n) {
  if (k == aggregate_kind::schedule_11) return "BK-" + std::to_string(n);
  char buf[40];
  std::snprintf(buf, sizeof buf, "22222222-0000-4000-8000-%012d", n);
  return buf;
}

std::string ts(int n) {
  // Spread over days and hours: 2026-12-07 + n%28 days, 07:00 + n%10 hours.
  char buf[48];  // room for any int, so the compiler can prove no truncation
  std::snprintf(buf, sizeof buf, "202612%02d%02d%02d00", 1 + (n * 7) % 28, 7 + n % 10, (n * 13) % 60);
  return buf;
}

void run_four(aggregate_kind k) {
  const std::string ns = contract_ns(k);
  const std::string domain = k == aggregate_kind::schedule_11 ? crm_domain : sched2_domain;
  const std::vector<std::string> units{"SE2321000016-M001", "SE2321000016-P002", "SE2321000016-P003",
                                       "SE2321000016-C004"};
  std::vector<std::vector<item>> lists(units.size());
  std::set<std::pair<std::string, std::string>> expected;
  for (std::size_t u = 0; u < units.size(); ++u) {
    for (int i = 0; i < per_unit; ++i) {
      const int n = static_cast<int>(u) * 1000 + i;
      lists[u].push_back({units[u], id_of(k, n), ts(n)});
      expected.insert({units[u], id_of(k, n)});
    }
    // The neighbour's first items again (a booking both systems report).
    const std::size_t next = (u + 1) % units.size();
    for (int i = 0; i < shared_items; ++i) {
      const int n = static_cast<int>(next) * 1000 + i;
      lists[u].push_back({units[next], id_of(k, n), ts(n)});
    }
  }
  unit_producer p0{answer_of(k, lists[0])}, p1{answer_of(k, lists[1])}, p2{answer_of(k, lists[2])},
      p3{answer_of(k, lists[3])};
  const std::vector<unit_producer*> producers{&p0, &p1, &p2, &p3};

  hub_world_options o;
  std::string tak = tak_unit("agg", platform_id, "local:aggregate", ns) + tak_unit("ei", platform_id, "local:ei", ei_update_ns);
  for (std::size_t u = 0; u < units.size(); ++u) tak += tak_unit("u" + std::to_string(u), units[u], producers[u]->url(), ns);
  o.tak = tak_file(tak);
  o.extra_yaml = "engagement_index: { database: ei.db }\n";  // default aggregation timeouts
  hub_world w(o);
  REQUIRE(w.call(ei_update("191212121212", domain, units)).status == 200);

  const auto t0 = std::chrono::steady_clock::now();
  auto r = w.call(request_of(k, platform_id));
  const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
  REQUIRE(r.ok());
  REQUIRE(r.status == 200);
  INFO("aggregated answer in " << took.count() << " ms, " << r.body.size() << " bytes");
  merged m;
  read_valid(k, r.body, m);

  REQUIRE(m.view.status.size() == 4);
  for (const auto& u : units) {
    const status_row* s = m.status_of(u);
    REQUIRE(s);
    CHECK(s->status == "DataFromSource");
    CHECK_FALSE(s->has_error);
  }
  std::set<std::pair<std::string, std::string>> got;
  for (const auto& i : m.items) CHECK(got.insert({core::normalize_hsa_id(i.unit), i.id}).second);
  CHECK(got == expected);
  CHECK(m.items.size() == units.size() * per_unit);
  for (std::size_t i = 1; i < m.items.size(); ++i) {
    const item& a = m.items[i - 1];
    const item& b = m.items[i];
    if (k == aggregate_kind::schedule_11) {
      CHECK(std::tie(a.start, a.unit, a.id) <= std::tie(b.start, b.unit, b.id));
    } else {
      CHECK(std::tie(a.unit, a.id) <= std::tie(b.unit, b.id));
    }
  }
  for (auto* p : producers) CHECK(p->count() == 1);
}

}  // namespace

TEST_CASE("hub: four producers, aggregated GetSubjectOfCareSchedule 1.1", "[integration][hub][aggregation][four]") {
  run_four(aggregate_kind::schedule_11);
}

TEST_CASE("hub: four producers, aggregated GetAppointments 2.0", "[integration][hub][aggregation][four]") {
  run_four(aggregate_kind::appointments_20);
}
