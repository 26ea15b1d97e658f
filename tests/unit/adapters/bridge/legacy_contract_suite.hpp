// SPDX-License-Identifier: GPL-2.0-or-later
// The checks every bridge profile must pass against its simulator: every 2.0
// and 1.1 contract, id stability across restarts, expired slot ids, each defect
// switch, producer faults and timeouts, idempotent retries and reindexing.
// tests/unit/adapters/pasis and .../pmo run them, each with its own profile.
#pragma once

#include "bridge_test_support.hpp"

namespace tidnav::adapters::bridge::test {

// The seed's bookings ("<prefix>-900", "<prefix>-901") have these 2.0 ids.
std::string seed_booking(bridge_world& w, const std::string& prefix, int n);

void suite_lists_bookings(bridge_world& w, const std::string& prefix);
void suite_books_rebooks_cancels(bridge_world& w);
void suite_ids_survive_restart(bridge_world& w, const std::string& prefix);
void suite_expired_and_unknown_slots(bridge_world& w);
void suite_own_time_booked_again(bridge_world& w);
void suite_every_crm11_contract(bridge_world& w, const std::string& prefix);
void suite_every_sched2_read(bridge_world& w, const std::string& prefix);
void suite_defects(bridge_world& w);
void suite_faults_and_timeouts(bridge_world& w, const std::string& prefix);
void suite_lost_answer_is_reconciled(bridge_world& w);
void suite_idempotent_retries(bridge_world& w);
void suite_reindex(bridge_world& w, const std::string& prefix);

}  // namespace tidnav::adapters::bridge::test
