// SPDX-License-Identifier: GPL-2.0-or-later
// What the Millennium and Cosmic simulator contract tests share: a booking
// system behind the two contract front-ends, talking to its simulator over
// TLS on 127.0.0.1 through the real transport, with an id directory and
// (when asked) an idempotency store; answer checks; the 20-way race.
#pragma once

#include "adapters/core/booking_system.hpp"
#include "adapters/core/id_directory.hpp"
#include "adapters/core/idempotency_store.hpp"
#include "adapters/core/producer_reply.hpp"
#include "adapters/core/unit_table.hpp"
#include "adapters/fhir/net/net_transport.hpp"
#include "contracts/codec_types.hpp"

#include "contracts/loose_builder.hpp"

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace tidnav::adapters::test {

// The adapter side of a simulator test; the system and its simulator are the caller's.
class fhir_world {
 public:
  fhir_world();
  virtual ~fhir_world() = default;

  // Remember writes from now on (persisted in a fresh scratch file).
  void remember_writes();

  call_info call(std::chrono::milliseconds budget, const std::string& consumer);
  producer_reply sched2(const std::string& envelope, std::chrono::milliseconds budget = std::chrono::seconds(10),
                        const std::string& consumer = "SE165565594230-1000");
  producer_reply crm11(const std::string& envelope, std::chrono::milliseconds budget = std::chrono::seconds(10),
                       const std::string& consumer = "SE165565594230-1000");

  fhir::net_transport& transport() { return *transport_; }

 protected:
  std::unique_ptr<fhir::net_transport> transport_;
  booking_system* system_ = nullptr;  // set by the derived world
  unit_table units_;

 public:
  id_directory ids;

 private:
  std::unique_ptr<idempotency_store> store_;
};

// 200 and schema-valid for the family; fails the test otherwise.
producer_reply valid(producer_reply reply, contracts::family fam);
bool is_server_fault(const producer_reply& reply);
std::string result_code(const producer_reply& reply);
bool is_client_fault(const producer_reply& reply);
// A valid personnummer 19850101 2xx C for i = 0..19 (the seeds know these people).
std::string person_number(int i);

// Requests both suites send, built the way `tidnav call --field` builds them.
// 2.0: a citizen acting for themself; dates are DT ("20310310").
std::string sched2_timeslots(const std::string& from, const std::string& to, const std::string& pnr);
std::string sched2_make(const std::string& slot, const std::string& pnr);
std::string sched2_get(const std::string& appointment, const std::string& pnr);
std::string sched2_cancel(const std::string& appointment, const std::string& pnr);
std::string sched2_update(const std::string& appointment, const std::string& slot, const std::string& pnr);
// 1.1 at Åsa for Tolvan; times are TS ("20310310090000").
std::string crm11_make(const std::string& start, const std::string& end, const std::string& time_type);
std::string crm11_update(const std::string& booking, const std::string& start, const std::string& end,
                         const std::string& time_type);
std::string crm11_cancel(const std::string& booking);
std::string crm11_range(const std::string& operation, const std::string& from, const std::string& to);

// 1.1 reading contracts name the unit and the citizen.
std::vector<contracts::field> unit_and_person(const std::string& pnr);

// Lists 10-12 March 2031 (so the slot ids are known), then 20 citizens book
// `slot` at once, each from its own consumer: exactly one OK, 19 REQUESTED_TIME_IS_ALREADY_RESERVED.
void check_one_of_twenty(fhir_world& w, const std::string& slot);
// With the idempotency store: the same MakeAppointment twice is answered with
// the first appointmentId; the same body from another consumer is not a repeat.
void check_repeated_make(fhir_world& w, const std::string& slot);

}  // namespace tidnav::adapters::test
