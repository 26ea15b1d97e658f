// SPDX-License-Identifier: GPL-2.0-or-later
// The sandbox's fictional region: enough units on the right systems, real test
// person numbers, free times only on working days inside the horizon, and the
// bookings the journey relies on.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "adapters/core/person_number.hpp"
#include "adapters/core/swedish_time.hpp"
#include "tools/sandbox/region.hpp"

using namespace tidnav::sandbox;
using namespace std::chrono;

namespace {

region at(year_month_day d) { return make_region({d, 56}); }

}  // namespace

TEST_CASE("sandbox region: units on the four systems, in the right regions", "[sandbox][region]") {
  const auto r = at(year{2026} / December / 6);
  REQUIRE(r.units.size() >= 8);
  std::map<system_kind, int> per_system;
  for (const auto& u : r.units) {
    ++per_system[u.system];
    CHECK(u.hsa_id.starts_with("SE2321000016-"));
    CHECK(u.practitioners.size() >= 1);
    if (u.system == system_kind::cosmic) {
      CHECK(u.region == "Region Jönköpings län");
    } else {
      CHECK(u.region == "Region Skåne");
    }
  }
  for (auto s : all_systems) CHECK(per_system[s] >= 2);
  std::set<std::string> names;
  for (const auto& t : r.time_types) names.insert(t.name);
  CHECK(names == std::set<std::string>{"Läkarbesök", "Sjuksköterskebesök", "Videobesök"});
}

TEST_CASE("sandbox region: test persons are valid personnummer", "[sandbox][region]") {
  const auto r = at(year{2026} / December / 6);
  REQUIRE(r.persons.size() >= 4);
  for (const auto& p : r.persons) CHECK(tidnav::adapters::check_person_number(p.id));
  CHECK(r.persons.front().id == "191212121212");
}

TEST_CASE("sandbox region: free times on working days within eight weeks", "[sandbox][region]") {
  const year_month_day today = year{2026} / December / 6;
  const auto r = at(today);
  REQUIRE(r.slots.size() > 1000);
  std::set<std::string> ids;
  for (const auto& s : r.slots) {
    CHECK(ids.insert(s.id).second);
    const auto day = floor<days>(s.start_local);
    CHECK(day > local_days{today});
    CHECK(day <= local_days{today} + days{56});
    const weekday w{day};
    CHECK(w != Saturday);
    CHECK(w != Sunday);
    CHECK(s.end_local > s.start_local);
    CHECK(r.unit(s.unit) != nullptr);
    CHECK(r.time_type(s.time_type) != nullptr);
  }
}

TEST_CASE("sandbox region: local times become the right UTC instants across a DST change", "[sandbox][region]") {
  // 29 March 2026 is the last Sunday of March: 08:00 is 07:00Z before, 06:00Z after.
  const auto r = at(year{2026} / March / 25);
  bool before = false, after = false;
  for (const auto& s : r.slots) {
    const auto hm = s.start_local - floor<days>(s.start_local);
    if (hm != hours(8)) continue;
    const year_month_day d{floor<days>(s.start_local)};
    if (d == year{2026} / March / 27) {
      CHECK(s.start_utc - floor<days>(s.start_utc) == hours(7));
      before = true;
    }
    if (d == year{2026} / March / 30) {
      CHECK(s.start_utc - floor<days>(s.start_utc) == hours(6));
      after = true;
    }
  }
  CHECK(before);
  CHECK(after);
}

TEST_CASE("sandbox region: bookings of the journey's person in all four systems", "[sandbox][region]") {
  const auto r = at(year{2026} / December / 6);
  std::set<system_kind> tolvan;
  std::set<std::string> slots;
  std::set<std::string> digital, physical;
  for (const auto& b : r.bookings) {
    const auto* s = r.slot(b.slot);
    REQUIRE(s != nullptr);
    CHECK(slots.insert(b.slot).second);  // a slot is booked once
    if (b.person == "191212121212") tolvan.insert(r.unit(s->unit)->system);
    (r.time_type(s->time_type)->contact == contact_kind::digital ? digital : physical).insert(b.person);
  }
  CHECK(tolvan.size() == 4);
  CHECK(!digital.empty());
  CHECK(!physical.empty());
}

TEST_CASE("sandbox region: the same day gives the same region", "[sandbox][region]") {
  const year_month_day d = year{2027} / January / 15;
  const auto a = at(d);
  const auto b = at(d);
  REQUIRE(a.slots.size() == b.slots.size());
  REQUIRE(a.bookings.size() == b.bookings.size());
  for (std::size_t i = 0; i < a.bookings.size(); ++i) CHECK(a.bookings[i].slot == b.bookings[i].slot);
}

TEST_CASE("sandbox region: text forms of times", "[sandbox][region]") {
  const local_seconds t = local_days{year{2026} / December / 7} + hours(8) + minutes(30);
  CHECK(ts_text(t) == "20261207083000");
  CHECK(iso_utc(sys_days{year{2026} / December / 7} + hours(7) + minutes(30)) == "2026-12-07T07:30:00Z");
}
