// SPDX-License-Identifier: GPL-2.0-or-later
// The engagement-index records of one booking change, per the domain rules of
// scheduling 2.0 (TKB §3.5) and crm:scheduling 1.1 (TKB 1.1.5); the table is
// in adapters/host/README.md. Pure: no I/O, no clock.
#pragma once

#include "adapters/core/booking_model.hpp"
#include "hub/ei/engagement.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tidnav::adapters::host {

struct ei_post_settings {
  std::string source_system;
  std::string data_controller;
  bool sched2 = true;  // post under riv:supportprocess:logistics:scheduling
  bool crm11 = true;   // post under riv:crm:scheduling
};

// What identifies one booking's posts (the key fields that vary).
struct booking_key {
  std::string person;       // 12 digits
  std::string unit_hsa_id;  // logicalAddress: where consumers address the booking
  std::string native_unit;  // the booking's own native unit (part of its 2.0 UUID)
  std::string native_id;    // the booking system's id

  bool operator==(const booking_key&) const = default;
};

// The 2.0 appointmentId of a booking (what handle_sched2 hands out for it).
std::string sched2_business_id(const booking_key& key);

// Create or change: one post per domain. `start` is the booking's start (1.1
// mostRecentContent; left out when unknown); `now` is the time of the change
// (2.0 mostRecentContent).
std::vector<ei::engagement_transaction> upsert_posts(const ei_post_settings& settings, const booking_key& key,
                                                     std::optional<instant> start, instant now);

// Removal: deleteFlag=true, the full key, no mostRecentContent.
std::vector<ei::engagement_transaction> delete_posts(const ei_post_settings& settings, const booking_key& key);

}  // namespace tidnav::adapters::host
