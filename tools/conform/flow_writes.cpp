// SPDX-License-Identifier: GPL-2.0-or-later
// The writing phase: book a free time, read it back everywhere, book it again,
// ask for it as another person, move it, cancel it, cancel it again. Every
// booking is put on the cleanup list the moment the producer confirms it.
#include "hub/core/hsa_id.hpp"
#include "tools/conform/flow.hpp"
#include "tools/conform/time_rules.hpp"

#include <algorithm>

namespace tidnav::conform {
namespace {

using codes = std::initializer_list<std::string_view>;

bool overlaps(const std::string& s1, const std::string& e1, const std::string& s2, const std::string& e2) {
  const auto a0 = ts_instant(s1), b0 = ts_instant(s2);
  if (!a0 || !b0) return false;
  const auto a1 = ts_instant(e1).value_or(*a0 + std::chrono::minutes(1));
  const auto b1 = ts_instant(e2).value_or(*b0 + std::chrono::minutes(1));
  return *a0 < b1 && *b0 < a1;
}

bool offers(const std::vector<free_slot>& slots, const free_slot& s) {
  return std::any_of(slots.begin(), slots.end(), [&](const free_slot& o) { return o.same_time(s); });
}

bool lists(const std::vector<listed_booking>& list, const std::string& id) {
  return std::any_of(list.begin(), list.end(), [&](const listed_booking& b) { return core::iequals(b.id, id); });
}

// Free times the kit may book: far enough ahead for the notice periods, said
// to be cancellable and movable, clear of the person's own bookings. Latest first.
std::vector<free_slot> bookable(const flow_context& ctx) {
  const instant soon = now_utc() + std::chrono::hours(2);
  std::vector<free_slot> out;
  for (const auto& s : ctx.free) {
    const auto start = ts_instant(s.start);
    if (!start || *start <= soon || s.cancel_allowed == false || s.update_allowed == false) continue;
    if (ctx.v2() && s.id.empty()) continue;
    const bool clash = std::any_of(ctx.busy.begin(), ctx.busy.end(),
                                   [&](const auto& b) { return overlaps(s.start, s.end, b.first, b.second); });
    if (!clash) out.push_back(s);
  }
  std::stable_sort(out.begin(), out.end(), [](const free_slot& a, const free_slot& b) { return a.start > b.start; });
  return out;
}

std::string reason_for(const reason_rule& rule, const std::string& text) {
  return rule.text == "ReasonNotSupported" ? std::string() : text;
}

// Cancels one of the kit's own bookings; "" when it is gone.
std::string undo_booking(family_driver& driver, const std::string& id, const std::string& person,
                         const free_slot& slot) {
  const std::string reason = reason_for(slot.cancellation, "tidnav conform clean-up");
  const auto c = driver.cancel(id, person, reason, &slot, "clean up: cancel the kit's booking " + id);
  if (c.ok && (c.value.done() || c.value.code == "APPOINTMENT_IS_ALREADY_CANCELED")) return {};
  return c.a.summary();
}


class booking_run {
 public:
  explicit booking_run(flow_context& ctx) : ctx_(ctx), board_(ctx.board), d_(ctx.driver) {}

  void run();

 private:
  bool refused_as(const std::string& check, const reply<write_result>& r, codes v2_codes, const std::string& what);
  void register_cleanup(const std::string& id, const free_slot& slot);
  void read_back(const std::string& id, const free_slot& slot, const std::string& check, const std::string& when);
  void double_booking(const free_slot& a, const std::string& id);
  bool wrong_person(const std::string& id, const free_slot& a);
  bool move(std::string& id, free_slot& at);
  void cancel(const std::string& id, const free_slot& at);
  void skip_all(const std::string& why, std::initializer_list<std::string_view> ids);
  bool unoffered(const answer& a, std::initializer_list<std::string_view> ids);
  std::optional<std::string> book_in_between(const free_slot& cancelled);
  void cancel_in_between(const std::string& id);

  flow_context& ctx_;
  check_board& board_;
  family_driver& d_;
  cleanup_list::handle booking_{};
  bool booked_ = false;
  free_slot between_;
  cleanup_list::handle between_handle_{};
};

void booking_run::skip_all(const std::string& why, std::initializer_list<std::string_view> ids) {
  for (auto id : ids) board_.skip(id, why);
}

// The first call to a contract can be the one that shows it is not offered.
bool booking_run::unoffered(const answer& a, std::initializer_list<std::string_view> ids) {
  if (ctx_.client.offered(a.contract())) return false;
  skip_all(a.contract() + " is not offered (" + not_offered_reason(a) + ")", ids);
  return true;
}

// A refusal the contract names: 2.0 one of `v2_codes`, 1.1 ERROR with a text.
bool booking_run::refused_as(const std::string& check, const reply<write_result>& r, codes v2_codes,
                             const std::string& what) {
  if (unoffered(r.a, {check})) return false;
  judge_business_answer(ctx_, r.a, what);
  std::string wanted;
  bool ok = r.ok;
  if (ctx_.v2()) {
    for (auto c : v2_codes) wanted += (wanted.empty() ? "" : " or ") + std::string(c);
    ok = ok && std::find(v2_codes.begin(), v2_codes.end(), r.value.code) != v2_codes.end();
  } else {
    wanted = "ERROR with a resultText";
    ok = ok && r.value.code == "ERROR" && !r.value.text.empty();
  }
  board_.expect(check, ok, what + ": " + r.a.summary(), "HTTP 200, resultCode " + wanted, {r.a.ex()});
  return ok;
}

void booking_run::register_cleanup(const std::string& id, const free_slot& slot) {
  family_driver& driver = d_;
  const std::string person = ctx_.client.person();
  auto undo = [&driver, id, person, slot]() { return undo_booking(driver, id, person, slot); };
  const std::string what = "booking " + id + " (" + slot.label() + ")";
  if (booked_) {
    ctx_.cleanup.replace(booking_, what, undo);
  } else {
    booking_ = ctx_.cleanup.add(what, undo);
    booked_ = true;
  }
}

void booking_run::read_back(const std::string& id, const free_slot& slot, const std::string& check,
                            const std::string& when) {
  const auto r = d_.read(id, ctx_.client.person(), "read the booking back " + when);
  std::vector<std::string> wrong;
  const auto& v = r.value;
  if (!r.ok || !v.found) {
    wrong.push_back(std::string(d_.read_contract()) + " does not find it: " + r.a.summary());
  } else {
    if (v.start != slot.start) wrong.push_back("start " + v.start + " instead of " + slot.start);
    if (v.has_end && !slot.end.empty() && v.end != slot.end) wrong.push_back("end " + v.end + " instead of " + slot.end);
    if (!v.facility.empty() && !slot.facility.empty() && !core::iequals(v.facility, slot.facility)) {
      wrong.push_back("unit " + v.facility + " instead of " + slot.facility);
    }
    if (!v.time_type.empty() && !slot.time_type.empty() && v.time_type != slot.time_type) {
      wrong.push_back("time type " + v.time_type + " instead of " + slot.time_type);
    }
    if ((ctx_.v2() || !v.person.empty()) && v.person != ctx_.client.person()) {
      wrong.push_back("person " + v.person + " instead of " + ctx_.client.person());
    }
    if (!ctx_.v2()) {
      board_.expect("flags.honoured", v.cancel_allowed && v.update_allowed && v.message_allowed,
                    "GetBookingDetails of the kit's booking " + id + ": cancel_booking_allowed=" +
                        (v.cancel_allowed ? (*v.cancel_allowed ? "true" : "false") : "absent") +
                        ", rebooking_allowed=" + (v.update_allowed ? (*v.update_allowed ? "true" : "false") : "absent") +
                        ", message_allowed=" + (v.message_allowed ? (*v.message_allowed ? "true" : "false") : "absent"),
                    "all three flags present (GetBookingDetails field list, 1..1)", {r.a.ex()});
    }
  }
  std::string evidence = "booking " + id + " " + when + ": ";
  if (wrong.empty()) {
    board_.pass(check, evidence + "reads back at " + slot.start);
    return;
  }
  for (std::size_t i = 0; i < wrong.size(); ++i) evidence += (i ? ", " : "") + wrong[i];
  board_.fail(check, evidence, "the booked time, unit, time type and person, as booked", {r.a.ex()});
}

void booking_run::double_booking(const free_slot& a, const std::string& id) {
  const auto again = d_.make(a, reason_for(a.new_booking, ctx_.tag + " second attempt"),
                             "book the same time again");
  if (again.ok && again.value.done()) {
    if (core::iequals(again.value.id, id)) {
      board_.skip("make.double-booking",
                  "the second request was answered as a repeat of the first (same id " + id +
                      "); the time type allows no reason text, so the kit could not make it a new request");
      return;
    }
    if (!again.value.id.empty()) {
      const std::string second = again.value.id;
      family_driver& driver = d_;
      const std::string person = ctx_.client.person();
      ctx_.cleanup.add("second booking " + second + " of " + a.label(),
                       [&driver, second, person, a]() { return undo_booking(driver, second, person, a); });
    }
  }
  refused_as("make.double-booking", again, {"REQUESTED_TIME_IS_ALREADY_RESERVED", "USER_IS_ALREADY_OCCUPIED"},
             std::string(d_.make_contract()) + " for " + a.label() + ", already booked as " + id);
}

// Returns false when the other person's cancel went through (the booking is gone).
bool booking_run::wrong_person(const std::string& id, const free_slot& a) {
  const std::string& other = ctx_.options.other_person;
  if (other.empty() || other == ctx_.client.person()) {
    board_.skip("errors.wrong-person", "no second test person (--other-person)");
    return true;
  }
  const auto theirs = d_.list(other, "list another person's bookings");
  board_.expect("errors.wrong-person", theirs.ok && !lists(theirs.value, id),
                std::string(d_.list_contract()) + " for " + other + ": " +
                    (theirs.ok ? (lists(theirs.value, id) ? "lists the booking " + id : "does not list " + id)
                               : theirs.a.summary()),
                "HTTP 200 and a list without " + id, {theirs.a.ex()});
  if (ctx_.v2()) {
    const auto r = d_.read(id, other, "read the booking as another person");
    judge_business_answer(ctx_, r.a, "GetAppointment of " + id + " with personId " + other);
    board_.expect("errors.wrong-person", r.ok && !r.value.found,
                  "GetAppointment of " + id + " with personId " + other + ": " +
                      (r.value.found ? "returns the appointment" : r.a.summary()),
                  "HTTP 200 without appointment (resultCode ERROR)", {r.a.ex()});
  }
  const auto c = d_.cancel(id, other, {}, &a, "cancel the booking as another person");
  refused_as("errors.wrong-person", c, {"APPOINTMENT_DOES_NOT_EXIST", "CANCEL_IS_NOT_ALLOWED", "ERROR"},
             std::string(d_.cancel_contract()) + " of " + id + " as " + other);
  if (c.ok && c.value.done()) {
    ctx_.cleanup.dismiss(booking_);
    return false;
  }
  const auto mine = d_.list(ctx_.client.person(), "check the booking survived");
  board_.expect("errors.wrong-person", mine.ok && lists(mine.value, id),
                "after the refused cancel, " + std::string(d_.list_contract()) + " " +
                    (mine.ok && lists(mine.value, id) ? "still lists " : "no longer lists ") + id,
                "the booking still listed for its owner", {mine.a.ex()});
  return true;
}

// Moves the booking; `id` and `at` follow it. Returns false when it did not move.
bool booking_run::move(std::string& id, free_slot& at) {
  if (!ctx_.client.offered(d_.update_contract())) {
    board_.skip("update.moves", std::string(d_.update_contract()) + " is not offered");
    return false;
  }
  search rebook = ctx_.window;
  rebook.original = id;
  const auto choices = d_.slots(rebook, "list times to move the booking to");
  std::vector<free_slot> pool = choices.ok && !choices.value.empty() ? choices.value : ctx_.free;
  const instant soon = now_utc() + std::chrono::hours(2);
  std::stable_sort(pool.begin(), pool.end(), [](const free_slot& a, const free_slot& b) { return a.start > b.start; });
  const auto to = std::find_if(pool.begin(), pool.end(), [&](const free_slot& s) {
    const auto start = ts_instant(s.start);
    return start && *start > soon && !s.same_time(at) && !overlaps(s.start, s.end, at.start, at.end) &&
           s.update_allowed != false;
  });
  if (to == pool.end()) {
    board_.skip("update.moves", "no second free time to move the booking to");
    return false;
  }
  const free_slot b = *to;
  const auto u = d_.update(id, b, reason_for(b.rebooking, ctx_.tag + " rebooking"),
                           "move the booking to " + b.start);
  if (unoffered(u.a, {"update.moves"})) return false;
  if (!u.ok || !u.value.done()) {
    board_.fail("update.moves", std::string(d_.update_contract()) + " of " + id + " to " + b.label() + ": " +
                                    u.a.summary(),
                "HTTP 200, resultCode OK or INFO", {u.a.ex()});
    if (!ctx_.v2() && at.update_allowed == true) {
      board_.fail("flags.honoured", "rebooking_allowed=true, but UpdateBooking was refused: " + u.a.summary(),
                  "a booking that says rebooking_allowed=true can be rebooked", {u.a.ex()});
    }
    return false;
  }
  const std::string old_id = id;
  const free_slot old = at;
  if (!u.value.id.empty()) id = u.value.id;
  at = b;
  register_cleanup(id, at);
  const auto after = d_.slots(ctx_.window, "list free times after the move");
  std::vector<std::string> wrong;
  if (!after.ok) wrong.push_back("GetAvailableTimeslots failed: " + after.a.summary());
  if (after.ok && !offers(after.value, old)) wrong.push_back("the old time " + old.start + " is not free again");
  if (after.ok && offers(after.value, b)) wrong.push_back("the new time " + b.start + " is still offered");
  if (wrong.empty()) {
    board_.pass("update.moves", "booking " + old_id + " moved from " + old.start + " to " + b.start +
                                    "; the old time is free, the new one taken");
  } else {
    std::string evidence = "after moving " + old_id + " from " + old.start + " to " + b.start + ": ";
    for (std::size_t i = 0; i < wrong.size(); ++i) evidence += (i ? ", " : "") + wrong[i];
    board_.fail("update.moves", evidence, "the old time offered again and the new one gone, at once",
                {u.a.ex(), after.a.ex()});
  }
  read_back(id, at, "update.moves", "after the move");
  if (!ctx_.v2() && at.update_allowed == true) board_.pass("flags.honoured", "rebooking_allowed=true and the move went through");
  return true;
}

void booking_run::cancel(const std::string& id, const free_slot& at) {
  if (!ctx_.client.offered(d_.cancel_contract())) {
    skip_all(std::string(d_.cancel_contract()) + " is not offered", {"cancel.frees-slot", "cancel.twice"});
    return;
  }
  // 1.1 may carry a message only when the booking allows one; a varied
  // message (or reason) keeps a producer's repeat detection out of the test.
  std::string reason;
  if (ctx_.v2()) {
    reason = reason_for(at.cancellation, ctx_.tag + " cancel");
  } else {
    const auto details = d_.read(id, ctx_.client.person(), "see whether a cancel may carry a message");
    if (details.value.message_allowed == true) reason = ctx_.tag + " cancel";
  }
  const auto c = d_.cancel(id, ctx_.client.person(), reason, &at, "cancel the booking");
  if (unoffered(c.a, {"cancel.frees-slot", "cancel.twice"})) return;
  if (!c.ok || !c.value.done()) {
    board_.fail("cancel.frees-slot", std::string(d_.cancel_contract()) + " of " + id + ": " + c.a.summary(),
                "HTTP 200, resultCode OK or INFO", {c.a.ex()});
    board_.skip("cancel.twice", "the booking could not be cancelled once");
    if (!ctx_.v2() && at.cancel_allowed == true) {
      board_.fail("flags.honoured", "cancel_booking_allowed=true, but CancelBooking was refused: " + c.a.summary(),
                  "a booking that says cancel_booking_allowed=true can be cancelled", {c.a.ex()});
    }
    return;
  }
  ctx_.cleanup.dismiss(booking_);
  if (!ctx_.v2() && !reason.empty()) board_.pass("flags.honoured", "message_allowed=true and a cancel with a message went through");
  const auto free_again = d_.slots(ctx_.window, "list free times after the cancel");
  const auto list = d_.list(ctx_.client.person(), "list the person's bookings after the cancel");
  std::vector<std::string> wrong;
  if (!free_again.ok) wrong.push_back("GetAvailableTimeslots failed: " + free_again.a.summary());
  if (free_again.ok && !offers(free_again.value, at)) wrong.push_back("the time " + at.start + " is not offered again");
  if (!list.ok) wrong.push_back(std::string(d_.list_contract()) + " failed: " + list.a.summary());
  if (list.ok && lists(list.value, id)) wrong.push_back("the booking is still listed");
  if (wrong.empty()) {
    board_.pass("cancel.frees-slot", "after cancelling " + id + " the time " + at.start + " is free and the list without it");
  } else {
    std::string evidence = "after cancelling " + id + ": ";
    for (std::size_t i = 0; i < wrong.size(); ++i) evidence += (i ? ", " : "") + wrong[i];
    board_.fail("cancel.frees-slot", evidence, "the time offered again and the booking gone from the list, at once",
                {c.a.ex(), free_again.a.ex(), list.a.ex()});
  }
  const std::string again_reason = reason.empty() ? std::string() : ctx_.tag + " cancel again";
  // An identical repeat may be answered from a producer's memory of requests
  // (that is idempotency, not an error). When the kit cannot vary the cancel,
  // the person writes something else first, as a citizen would: book another time.
  std::optional<std::string> between;
  if (again_reason.empty()) between = book_in_between(at);
  const auto twice = d_.cancel(id, ctx_.client.person(), again_reason, &at, "cancel the booking again");
  if (between) cancel_in_between(*between);
  if (twice.ok && twice.value.done() && again_reason.empty()) {
    board_.skip("cancel.twice",
                "answered OK, but the kit could not vary the request (no reason text or message allowed), so this "
                "may be the producer's answer to a repeated request");
    return;
  }
  refused_as("cancel.twice", twice, {"APPOINTMENT_IS_ALREADY_CANCELED"},
             std::string(d_.cancel_contract()) + " of the cancelled booking " + id);
}

std::optional<std::string> booking_run::book_in_between(const free_slot& cancelled) {
  const instant soon = now_utc() + std::chrono::hours(2);
  for (const auto& z : ctx_.free) {
    const auto start = ts_instant(z.start);
    if (!start || *start <= soon || z.same_time(cancelled) || z.cancel_allowed == false) continue;
    const bool clash = std::any_of(ctx_.busy.begin(), ctx_.busy.end(),
                                   [&](const auto& b) { return overlaps(z.start, z.end, b.first, b.second); });
    if (clash) continue;
    const auto made = d_.make(z, reason_for(z.new_booking, ctx_.tag + " in between"),
                              "book another time before cancelling again");
    if (!made.ok || !made.value.done() || made.value.id.empty()) return std::nullopt;
    between_ = z;
    // The undo outlives this run object: it holds copies and the driver, nothing of `this`.
    family_driver& driver = d_;
    const std::string person = ctx_.client.person();
    between_handle_ = ctx_.cleanup.add("booking " + made.value.id + " (" + z.label() + ")",
                                       [&driver, id = made.value.id, person, z]() {
                                         return undo_booking(driver, id, person, z);
                                       });
    return made.value.id;
  }
  return std::nullopt;
}

void booking_run::cancel_in_between(const std::string& id) {
  if (undo_booking(d_, id, ctx_.client.person(), between_).empty()) ctx_.cleanup.dismiss(between_handle_);
}

void booking_run::run() {
  const std::initializer_list<std::string_view> all{"make.slot-taken", "make.in-list",    "make.read-back",
                                                    "make.double-booking", "update.moves", "cancel.frees-slot",
                                                    "cancel.twice",    "errors.wrong-person"};
  if (!ctx_.client.offered(d_.make_contract())) {
    skip_all(std::string(d_.make_contract()) + " is not offered", all);
    return;
  }
  if (!ctx_.client.offered("GetAvailableTimeslots")) {
    skip_all("GetAvailableTimeslots is not offered, so there is no free time to book", all);
    return;
  }
  const auto candidates = bookable(ctx_);
  if (candidates.empty()) {
    skip_all("no free time in " + ctx_.window.from + ".." + ctx_.window.to +
                 " that can be booked, moved and cancelled (choose another window with --from/--days)",
             all);
    return;
  }
  free_slot a = candidates.front();
  const auto made = d_.make(a, reason_for(a.new_booking, ctx_.tag), "book " + a.start);
  if (unoffered(made.a, all)) return;
  if (!made.ok || !made.value.done()) {
    judge_business_answer(ctx_, made.a, std::string(d_.make_contract()) + " of a free time");
  }
  if (!made.ok || !made.value.done() || made.value.id.empty()) {
    const std::string why = std::string(d_.make_contract()) + " of the free time " + a.label() + ": " + made.a.summary() +
                            (made.ok && made.value.done() ? " (no id returned)" : "");
    for (auto id : {"make.slot-taken", "make.in-list", "make.read-back"}) {
      board_.fail(id, why, "HTTP 200, resultCode OK or INFO and the new booking's id", {made.a.ex()});
    }
    skip_all("no booking to work with", {"make.double-booking", "update.moves", "cancel.frees-slot", "cancel.twice",
                                         "errors.wrong-person"});
    return;
  }
  std::string id = made.value.id;
  register_cleanup(id, a);

  const auto after = d_.slots(ctx_.window, "list free times after booking");
  board_.expect("make.slot-taken", after.ok && !offers(after.value, a),
                after.ok ? (offers(after.value, a) ? "the booked time " + a.label() + " is still offered"
                                                   : "the booked time " + a.start + " is no longer offered")
                         : "GetAvailableTimeslots failed: " + after.a.summary(),
                "the booked time gone from GetAvailableTimeslots at once", {made.a.ex(), after.a.ex()});
  const auto list = d_.list(ctx_.client.person(), "list the person's bookings after booking");
  board_.expect("make.in-list", list.ok && lists(list.value, id),
                list.ok ? (lists(list.value, id) ? "booking " + id + " is listed" : "booking " + id + " is not listed")
                        : std::string(d_.list_contract()) + " failed: " + list.a.summary(),
                "the new booking in " + std::string(d_.list_contract()), {made.a.ex(), list.a.ex()});
  judge_person_list(ctx_, list);
  read_back(id, a, "make.read-back", "after booking");

  double_booking(a, id);
  if (!wrong_person(id, a)) {
    skip_all("another person's cancel removed the booking", {"update.moves", "cancel.frees-slot", "cancel.twice"});
    return;
  }
  move(id, a);
  cancel(id, a);
}

}  // namespace

void judge_business_answer(flow_context& ctx, const answer& a, const std::string& what) {
  if (!ctx.client.offered(a.contract())) return;  // judged as "not offered" by the schema check
  ctx.board.expect("errors.business-not-fault", a.usable() && !a.result_code().empty(), what + ": " + a.summary(),
                   "HTTP 200 with a resultCode: business outcomes are answers, not SOAP faults", {a.ex()});
}

void booking_phase(flow_context& ctx) { booking_run(ctx).run(); }

}  // namespace tidnav::conform
