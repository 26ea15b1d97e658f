// SPDX-License-Identifier: GPL-2.0-or-later
// Legacy producers may never have updated the engagement index (EI) for the
// bookings they hold. Reindexing reads a person's schedule from the producer
// (GetSubjectOfCareSchedule, per served unit) and returns one entry per future
// booking: the caller turns them into EI Update posts (adapters/host's
// upsert_posts + outbox, `tidnav adapter reindex`). Entries are upserts only:
// posts of bookings that no longer exist cannot be found this way and expire
// by the EI's own rules.
#pragma once

#include "adapters/core/booking_system.hpp"
#include "adapters/core/unit_table.hpp"

#include <string>
#include <vector>

namespace tidnav::adapters::bridge {

struct reindex_entry {
  std::string unit_hsa_id;  // where consumers address the booking (EI logicalAddress)
  std::string native_unit;  // the booking's own unit (part of its 2.0 id)
  std::string native_id;    // the booking system's id of the booking
  instant start{};          // 1.1 mostRecentContent
};

struct reindex_report {
  std::vector<reindex_entry> entries;   // each booking once, in start order
  std::vector<std::string> failed_units;  // units whose schedule could not be read, with why
};

// Asks every unit of `units`; a unit that fails is reported, the rest still count.
reindex_report bookings_to_index(booking_system& system, const unit_table& units, const person_id& person,
                                 instant now, deadline until);

}  // namespace tidnav::adapters::bridge
