// SPDX-License-Identifier: GPL-2.0-or-later
// The phases of a conformance run, in the order runner.cpp calls them. Each
// phase judges its checks on the board; a phase whose checks are all
// deselected (--only) is not run. Family differences stay in the drivers and
// in the expectations chosen here from `family`.
#pragma once

#include "tools/conform/cleanup_list.hpp"
#include "tools/conform/conform_options.hpp"
#include "tools/conform/family_driver.hpp"

#include <set>
#include <string>
#include <vector>

namespace tidnav::conform {

struct flow_context {
  contract_client& client;
  family_driver& driver;
  check_board& board;
  cleanup_list& cleanup;
  const conform_options& options;
  search window;                   // where free times are looked for
  std::vector<std::string> group;  // the addressed unit and the units it books for
  std::string tag;                 // marks this run's reason texts
  std::set<std::string> baseline;  // the person's bookings before the kit wrote anything
  std::vector<free_slot> free;     // free times found in the window
  std::vector<std::pair<std::string, std::string>> busy;  // the person's booked [start, end) TS pairs
  bool v2() const { return options.family == contract_family::sched2; }
  bool in_group(const std::string& hsa_id) const;
};

void ping_phase(flow_context& ctx);
void catalogue_phase(flow_context& ctx);
void person_list_phase(flow_context& ctx);     // appointments.*, invitations, flags of existing bookings
void availability_phase(flow_context& ctx);    // availability.*
void booking_phase(flow_context& ctx);         // make.*, update.*, cancel.*, errors.wrong-person
void unknown_id_phase(flow_context& ctx);      // errors.unknown-id
void malformed_phase(flow_context& ctx);       // errors.malformed
void address_case_phase(flow_context& ctx);    // address.case-insensitive
void sla_phase(flow_context& ctx);             // sla.p95 (extra calls, then judged over everything)
void cleanup_phase(flow_context& ctx, std::vector<std::string>& notes);  // kit.cleanup
void wire_phase(flow_context& ctx);            // schema.*, errors.result-codes, errors.business-not-fault, format.*

// Judges a list answer (own person, future, id form, units) and remembers the person's busy times.
void judge_person_list(flow_context& ctx, const reply<std::vector<listed_booking>>& list);

// "Business error, not a fault": one observation for errors.business-not-fault.
void judge_business_answer(flow_context& ctx, const answer& a, const std::string& what);

}  // namespace tidnav::conform
