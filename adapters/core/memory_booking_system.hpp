// SPDX-License-Identifier: GPL-2.0-or-later
// A booking system that lives in memory, seeded from a small JSON fixture
// (memory_fixture.hpp). Used by the tests of the front-ends and, later, by the
// simulators. It keeps the rules a real appointment book keeps: a slot is
// booked once, cancelling frees it at once, notice periods for booking,
// rebooking and cancelling, no double bookings for one person. Thread-safe:
// one mutex around everything, so racing writers see a consistent book.
#pragma once

#include "adapters/core/booking_system.hpp"

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace tidnav::adapters {

struct memory_rules {
  std::chrono::seconds book_notice = std::chrono::hours(1);     // latest new booking before the start
  std::chrono::seconds rebook_notice = std::chrono::hours(24);  // latest rebooking before the start
  std::chrono::seconds cancel_notice = std::chrono::hours(24);  // latest cancellation before the start
};

struct memory_unit {
  facility info;                    // info.unit is the native unit id
  std::vector<std::string> group;   // units it books for (GetHealthcareFacilities); empty: itself
  std::vector<time_type> time_types;
  std::vector<practitioner> practitioners;
};

struct memory_slot {
  std::string id;
  std::string unit;
  instant start{};
  instant end{};
  std::string time_type;                   // code of one of the unit's time types
  std::vector<std::string> practitioners;  // HSA-ids of the unit's practitioners
  std::optional<booking_resource> resource;
};

struct memory_booking {
  std::string id;
  person_id person;
  std::string slot;
  appointment_status status = appointment_status::confirmed;
  std::string reason;
  std::string purpose;
  bool invitation = false;
  bool cancelled = false;
};

struct memory_seed {
  std::optional<instant> now;  // a fixed clock, for tests
  memory_rules rules;
  std::vector<memory_unit> units;
  std::vector<memory_slot> slots;
  std::vector<memory_booking> bookings;
};

class memory_booking_system final : public booking_system {
 public:
  // `clock` wins over seed.now, which wins over the system clock.
  explicit memory_booking_system(memory_seed seed, std::function<instant()> clock = {});

  booking_result<std::vector<appointment>> appointments(std::string_view unit, const person_id& person,
                                                        const time_range& range, deadline until) override;
  booking_result<appointment> appointment_by_id(std::string_view unit, std::string_view id, deadline until) override;
  booking_result<std::vector<available_date>> available_dates(std::string_view unit, const availability_query& query,
                                                              deadline until) override;
  booking_result<std::vector<timeslot>> available_timeslots(std::string_view unit, const availability_query& query,
                                                            deadline until) override;
  booking_result<std::vector<time_type>> time_types(std::string_view unit, const catalogue_query& query,
                                                    deadline until) override;
  booking_result<std::vector<facility>> facilities(std::string_view unit, const catalogue_query& query,
                                                   deadline until) override;
  booking_result<std::vector<practitioner>> practitioners(std::string_view unit, const catalogue_query& query,
                                                          deadline until) override;
  booking_result<write_receipt> make(std::string_view unit, const make_request& request, deadline until) override;
  booking_result<write_receipt> update(std::string_view unit, const update_request& request,
                                       deadline until) override;
  booking_result<write_receipt> cancel(std::string_view unit, const cancel_request& request,
                                       deadline until) override;
  booking_result<write_receipt> confirm(std::string_view unit, const confirm_request& request,
                                        deadline until) override;

  // ---- for tests and simulators ----
  // While set, every call fails with this technical error (backend down, ...).
  void fail_with(std::optional<technical_code> failure);
  // Successful make() calls so far: "booked once" is checked against this.
  std::size_t bookings_made() const { return bookings_made_.load(); }
  // Active (not cancelled) bookings on a slot: never more than one.
  std::size_t bookings_on_slot(std::string_view slot) const;
  // Adds a booking as the unit's staff would (e.g. a preliminary proposal).
  void add_booking(memory_booking booking);

 private:
  const memory_unit* unit_of(std::string_view id) const;
  bool in_group(const memory_unit& unit, std::string_view other) const;
  const memory_slot* slot_of(const memory_unit& unit, std::string_view id) const;
  const time_type* type_of(std::string_view unit, std::string_view code) const;
  timeslot to_timeslot(const memory_slot& s) const;
  appointment to_appointment(const memory_booking& b) const;
  bool booked(const memory_slot& s) const;
  bool matches(const memory_slot& s, const availability_query& q) const;
  std::vector<timeslot> free_slots(const memory_unit& unit, const availability_query& q) const;
  std::optional<booking_error> check_bookable(const memory_slot& s, const person_id& person,
                                              std::string_view ignore_booking) const;
  std::optional<booking_error> failure() const;
  instant now() const { return clock_(); }

  std::function<instant()> clock_;
  memory_rules rules_;
  std::vector<memory_unit> units_;
  std::vector<memory_slot> slots_;
  std::map<std::string, memory_booking, std::less<>> bookings_;  // by id
  std::map<std::string, std::string, std::less<>> slot_booking_;  // slot id -> active booking id
  std::optional<technical_code> failure_;
  std::uint64_t next_id_ = 1;
  std::atomic<std::size_t> bookings_made_{0};
  mutable std::mutex mutex_;
};

}  // namespace tidnav::adapters
