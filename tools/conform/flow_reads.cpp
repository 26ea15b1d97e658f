// SPDX-License-Identifier: GPL-2.0-or-later
// The reading phases: ping, catalogue, the person's list, availability.
#include "hub/core/hsa_id.hpp"
#include "tools/conform/flow.hpp"
#include "tools/conform/tally.hpp"
#include "tools/conform/time_rules.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace tidnav::conform {
namespace {

constexpr std::size_t max_reads = 25;  // listed bookings read back one by one

std::string who(const flow_context& ctx) { return ctx.client.person(); }

}  // namespace

bool flow_context::in_group(const std::string& hsa_id) const {
  return std::any_of(group.begin(), group.end(), [&](const std::string& g) { return core::iequals(g, hsa_id); });
}

void ping_phase(flow_context& ctx) {
  if (!ctx.board.wanted("ping.answers")) return;
  const answer a = ctx.client.ping("ping the producer");
  if (const std::string why = not_offered_reason(a); !why.empty()) {
    ctx.board.skip("ping.answers", "PingForConfiguration is not offered (" + why + ")");
    return;
  }
  const std::string version = text_of(a.body(), "version");
  const std::string when = text_of(a.body(), "pingDateTime");
  ctx.board.expect("ping.answers", a.usable() && !version.empty() && ts_instant(when).has_value() && a.schema_issues.empty(),
                   a.usable() ? "version \"" + version + "\", pingDateTime " + when +
                                    (a.schema_issues.empty() ? "" : ", schema: " + a.schema_issues.front())
                              : a.summary(),
                   "HTTP 200, a schema-valid PingForConfigurationResponse with version and a TS pingDateTime", {a.ex()});
}

void catalogue_phase(flow_context& ctx) {
  ctx.group = ctx.driver.catalogue(ctx.board);
  std::erase_if(ctx.group, [](const std::string& g) { return g.empty(); });
}

void judge_person_list(flow_context& ctx, const reply<std::vector<listed_booking>>& list) {
  auto& board = ctx.board;
  const std::string person = who(ctx);
  if (!list.ok) {
    for (auto id : {"appointments.own-person", "appointments.future", "appointments.id-form"}) {
      board.fail(id, std::string(ctx.driver.list_contract()) + " failed: " + list.a.summary(),
                 "HTTP 200 and a " + std::string(ctx.driver.list_contract()) + "Response", {list.a.ex()});
    }
    return;
  }
  if (list.value.empty()) {
    for (auto id : {"appointments.own-person", "appointments.future", "appointments.id-form"}) {
      board.skip(id, "the person has no bookings at " + ctx.client.logical_address());
    }
    return;
  }
  const instant now = now_utc();
  tally own, future, form, units, invitations, flags;
  std::set<std::string> ids;
  std::size_t reads = 0;
  for (const auto& b : list.value) {
    const exchange* lex = &list.a.ex();
    if (!b.facility.empty()) {
      units.see(ctx.in_group(b.facility), "booking " + b.id + " is listed at " + b.facility, lex);
    }
    if (ctx.v2()) {
      form.see(is_uuid(b.id), "appointmentId \"" + b.id + "\" is not a UUID", lex);
    } else {
      form.see(!b.id.empty() && ids.insert(b.id).second,
               b.id.empty() ? "a timeslotDetail without bookingId" : "bookingId " + b.id + " is listed twice", lex);
      own.see(b.person == person,
              b.person.empty() ? "booking " + b.id + " has no subject_of_care"
                               : "booking " + b.id + " belongs to " + b.person,
              lex);
      // Open invitations have no times and must never be listed here.
      invitations.see(!b.start.empty() && !b.end.empty(), "booking " + b.id + " is listed without start and end", lex);
      const auto start = ts_instant(b.start);
      future.see(start && *start > now, "booking " + b.id + " starts " + b.start + ", not in the future", lex);
      ctx.busy.emplace_back(b.start, b.end);
    }
    if (b.id.empty() || reads >= max_reads) continue;
    ++reads;
    const auto d = ctx.driver.read(b.id, person, "read a listed booking");
    const exchange* dex = &d.a.ex();
    if (ctx.v2()) {
      if (!d.ok || !d.value.found) {
        own.see(false, "listed booking " + b.id + " cannot be read with GetAppointment: " + d.a.summary(), dex);
        continue;
      }
      own.see(d.value.person == person, "booking " + b.id + " belongs to " + d.value.person, dex);
      const auto start = ts_instant(d.value.start);
      future.see(start && *start > now, "booking " + b.id + " starts " + d.value.start + ", not in the future", dex);
      ctx.busy.emplace_back(d.value.start, d.value.end);
    } else {
      if (!d.ok || !d.value.found) continue;  // GetBookingDetails on a listed id: judged by the schema check
      const auto& v = d.value;
      flags.see(v.cancel_allowed && v.update_allowed && v.message_allowed,
                "GetBookingDetails for " + b.id + " lacks cancel_booking_allowed, rebooking_allowed or message_allowed",
                dex);
      if (v.invitation) invitations.see(!v.purpose.empty(), "invitation " + b.id + " has no purpose", dex);
    }
  }
  own.post(board, "appointments.own-person", "listed bookings belong to " + person,
           "every listed booking is the person's own");
  future.post(board, "appointments.future", "listed bookings start in the future", "start times after now");
  form.post(board, "appointments.id-form", ctx.v2() ? "appointmentIds are UUIDs" : "bookingIds present and unique",
            ctx.v2() ? "appointmentId of the form 8-4-4-4-12 hex" : "a unique bookingId in every timeslotDetail");
  units.post(board, "address.body-consistent", "listed bookings are at the unit or its group",
             "units that are the LogicalAddress or one the unit books for");
  if (!ctx.v2()) {
    invitations.post(board, "invitations.rules", "listed bookings have times; invitations have a purpose",
                     "start and end on every listed booking; purpose on invitations");
    if (std::none_of(list.value.begin(), list.value.end(), [](const listed_booking& b) { return b.invitation; })) {
      board.skip("invitations.rules", "the person has no invitations at " + ctx.client.logical_address());
    }
    flags.post(board, "flags.honoured", "booking details carry all three flags",
               "cancel_booking_allowed, rebooking_allowed and message_allowed in GetBookingDetails (1..1)");
  }
}

void person_list_phase(flow_context& ctx) {
  const auto list = ctx.driver.list(who(ctx), "list the person's bookings");
  for (const auto& b : list.value) ctx.baseline.insert(b.id);
  judge_person_list(ctx, list);
}

void availability_phase(flow_context& ctx) {
  auto& board = ctx.board;
  const auto dates = ctx.driver.dates(ctx.window, "list free dates");
  const auto slots = ctx.driver.slots(ctx.window, "list free times");
  if (slots.ok) ctx.free = slots.value;
  const std::string range = ctx.window.from + ".." + ctx.window.to;
  for (const auto* r : {&dates.a, &slots.a}) {
    if (!r->usable() && !ctx.client.offered(r->contract())) {
      for (auto id : {"availability.no-past", "availability.in-range", "availability.consistent"}) {
        board.skip(id, r->contract() + " is not offered");
      }
    } else if (!r->usable()) {
      for (auto id : {"availability.no-past", "availability.in-range", "availability.consistent"}) {
        board.fail(id, r->contract() + " failed: " + r->summary(), "HTTP 200 and a " + r->contract() + "Response",
                   {r->ex()});
      }
    }
  }
  if (dates.ok && slots.ok && dates.value.empty() && slots.value.empty()) {
    for (auto id : {"availability.no-past", "availability.in-range", "availability.consistent"}) {
      board.skip(id, "no free dates or times in " + range + " (choose another window with --from/--days)");
    }
    return;
  }
  const instant now = now_utc();
  const std::string today = today_dt();
  tally past, range_t, units;
  for (const auto& d : dates.value) {
    past.see(d.date >= today, "GetAvailableDates offers " + d.date + ", before today " + today, &dates.a.ex());
    range_t.see(d.date >= ctx.window.from && d.date <= ctx.window.to,
                "GetAvailableDates offers " + d.date + ", outside " + range, &dates.a.ex());
    if (!d.facility.empty()) units.see(ctx.in_group(d.facility), "a free date at " + d.facility, &dates.a.ex());
  }
  for (const auto& s : slots.value) {
    const auto start = ts_instant(s.start);
    past.see(start && *start > now, "GetAvailableTimeslots offers " + s.start + ", which has already started",
             &slots.a.ex());
    const std::string day = date_of_ts(s.start);
    range_t.see(day >= ctx.window.from && day <= ctx.window.to,
                "GetAvailableTimeslots offers " + s.start + ", outside " + range, &slots.a.ex());
    if (!s.facility.empty()) units.see(ctx.in_group(s.facility), "a free time at " + s.facility, &slots.a.ex());
  }
  past.post(board, "availability.no-past", "free dates and times all lie ahead", "no date before today, no start before now");
  range_t.post(board, "availability.in-range", "free dates and times within " + range, "dates within " + range);
  units.post(board, "address.body-consistent", "free times are at the unit or its group",
             "units that are the LogicalAddress or one the unit books for");
  if (!dates.ok || !slots.ok) return;
  // The same book answers both: dates with their counts (2.0) or at least the same dates (1.1).
  std::map<std::string, int> by_dates, by_slots;
  for (const auto& d : dates.value) by_dates[d.date] += d.count < 0 ? 0 : d.count;
  for (const auto& s : slots.value) ++by_slots[date_of_ts(s.start)];
  std::vector<std::string> problems;
  for (const auto& [day, n] : by_dates) {
    const auto it = by_slots.find(day);
    const int seen = it == by_slots.end() ? 0 : it->second;
    if (seen == 0) {
      problems.push_back(day + " is an available date but has no free time");
    } else if (ctx.v2() && n != seen) {
      problems.push_back(day + ": noOfTimeslots adds up to " + std::to_string(n) + ", GetAvailableTimeslots lists " +
                         std::to_string(seen));
    }
  }
  for (const auto& [day, n] : by_slots) {
    if (!by_dates.count(day)) problems.push_back(day + " has " + std::to_string(n) + " free times but is not an available date");
  }
  if (problems.empty()) {
    board.pass("availability.consistent", std::to_string(by_dates.size()) + " dates and " +
                                              std::to_string(slots.value.size()) + " free times agree");
  } else {
    std::string evidence;
    for (std::size_t i = 0; i < problems.size() && i < 5; ++i) evidence += (i ? "; " : "") + problems[i];
    board.fail("availability.consistent", evidence,
               ctx.v2() ? "the dates of GetAvailableTimeslots, with noOfTimeslots per date as the number of times"
                        : "the same dates in GetAvailableDates and GetAvailableTimeslots",
               {dates.a.ex(), slots.a.ex()});
  }
}

}  // namespace tidnav::conform
