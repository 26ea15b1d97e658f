// SPDX-License-Identifier: GPL-2.0-or-later
// The bridge's persistent memory of the ids it hands out (SQLite, WAL, in the
// adapter's state directory), so that ids keep working after a restart:
//
// - appointments: uuid5(system, unit, bookingId) <-> the producer's bookingId.
//   Name-based, so the same booking gets the same id on every listing; the
//   table is the way back (a hash cannot be reversed).
// - timeslots: uuid5(system, unit, start, end, time type, performer, resource)
//   -> the whole 1.x timeslot it stands for, because MakeBooking/UpdateBooking
//   must send it back as requestedTimeslot. A slot id is valid until its start
//   or until `ttl` after it was last listed, whichever is first.
#pragma once

#include "adapters/core/swedish_time.hpp"

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace tidnav::adapters::bridge {

// A free time as the producer described it (TS already normalised to 14 digits).
struct legacy_slot {
  std::string unit;        // native unit id (the producer's HSA-id of the unit)
  std::string facility;    // healthcare_facility as the producer wrote it
  std::string start_ts;    // YYYYMMDDhhmmss
  std::string end_ts;
  std::string performer;   // as sent by the producer, even when it is not an HSA-id
  std::string performer_name;
  std::string resource_id;
  std::string resource_name;
  std::string time_type_id;
  std::string time_type_name;
  std::string care_type_id;
  std::string care_type_name;
  instant start{};
  instant end{};
};

struct appointment_ref {
  std::string unit;        // native unit id
  std::string booking_id;  // the producer's
  std::string person;      // 12 digits, "" when not known
};

class id_store {
 public:
  // Opens or creates `path` (":memory:" for tests). Null and `error` on failure.
  static std::unique_ptr<id_store> open(const std::string& path, std::string system, std::string& error);
  ~id_store();
  id_store(const id_store&) = delete;
  id_store& operator=(const id_store&) = delete;

  // The contract id of a booking, remembered (with its person when known).
  std::string appointment_id(std::string_view unit, std::string_view booking_id, std::string_view person);
  std::optional<appointment_ref> find_appointment(std::string_view id) const;

  // Ids of free times, remembered until `valid_until`; one transaction for the lot.
  std::vector<std::string> timeslot_ids(const std::vector<legacy_slot>& slots, instant valid_until);
  // Null when unknown, expired (now >= valid_until) or already started.
  std::optional<legacy_slot> find_timeslot(std::string_view id, instant now) const;
  // Drops timeslot ids that can no longer be booked; returns how many.
  std::size_t sweep(instant now);

  // The name-based ids, without remembering (for tests and tools).
  std::string appointment_uuid(std::string_view unit, std::string_view booking_id) const;
  std::string timeslot_uuid(const legacy_slot& slot) const;

 private:
  id_store(sqlite3* db, std::string system);
  bool exec(const char* sql) const;

  sqlite3* db_;
  std::string system_;
  mutable std::mutex mu_;
};

}  // namespace tidnav::adapters::bridge
