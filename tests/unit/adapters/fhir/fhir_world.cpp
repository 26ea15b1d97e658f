// SPDX-License-Identifier: GPL-2.0-or-later
#include "fhir_world.hpp"

#include "adapters/core/crm11_frontend.hpp"
#include "adapters/core/person_number.hpp"
#include "adapters/core/sched2_frontend.hpp"
#include "tests/unit/adapters/core/adapter_test_support.hpp"
#include "tests/unit/hub/net/net_test_util.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

namespace tidnav::adapters::test {

fhir_world::fhir_world() {
  net::client_options co;
  co.tls = tidnav::test::client_ctx();
  co.io_threads = 2;
  co.log = [](std::string_view) {};
  transport_ = std::make_unique<fhir::net_transport>(co);
}

void fhir_world::remember_writes() {
  std::string error;
  store_ = idempotency_store::open(scratch_file("fhir-writes"), {}, error);
  REQUIRE(store_);
}

call_info fhir_world::call(std::chrono::milliseconds budget, const std::string& consumer) {
  call_info c;
  c.consumer = consumer;
  c.until = std::chrono::steady_clock::now() + budget;
  c.ids = &ids;
  c.writes = store_.get();
  return c;
}

producer_reply fhir_world::sched2(const std::string& envelope, std::chrono::milliseconds budget,
                                  const std::string& consumer) {
  return handle_sched2(*system_, units_, envelope, call(budget, consumer));
}

producer_reply fhir_world::crm11(const std::string& envelope, std::chrono::milliseconds budget,
                                 const std::string& consumer) {
  return handle_crm11(*system_, units_, envelope, call(budget, consumer));
}

producer_reply valid(producer_reply r, contracts::family fam) {
  INFO(r.body);
  REQUIRE(r.http_status == 200);
  CHECK(schema_issues(r.body, fam).empty());
  return r;
}

bool is_server_fault(const producer_reply& r) {
  return r.http_status == 500 && r.body.find("Server") != std::string::npos;
}

std::string result_code(const producer_reply& r) { return first_text(r.body, "resultCode"); }

bool is_client_fault(const producer_reply& r) {
  return r.http_status == 500 && r.body.find("Client") != std::string::npos;
}

std::string person_number(int i) {
  const std::string base = "19850101" + std::to_string(200 + i);
  for (char check = '0'; check <= '9'; ++check) {
    if (check_person_number(base + check)) return base + check;
  }
  return {};
}

std::string sched2_timeslots(const std::string& from, const std::string& to, const std::string& pnr) {
  return sched2_request("GetAvailableTimeslots",
                        concat({actor(pnr), person(pnr), {{"startDateInclusive", from}, {"endDateInclusive", to}}}));
}

std::string sched2_make(const std::string& slot, const std::string& pnr) {
  return sched2_request("MakeAppointment",
                        concat({actor(pnr), person(pnr), {{"timeslotId", slot}, {"reasonText", "Ont i halsen"}}}));
}

std::string sched2_get(const std::string& appointment, const std::string& pnr) {
  return sched2_request("GetAppointment", concat({actor(pnr), {{"appointmentId", appointment}}, person(pnr)}));
}

std::string sched2_cancel(const std::string& appointment, const std::string& pnr) {
  return sched2_request("CancelAppointment", concat({actor(pnr), {{"appointmentId", appointment}}, person(pnr)}));
}

std::string sched2_update(const std::string& appointment, const std::string& slot, const std::string& pnr) {
  return sched2_request("UpdateAppointment",
                        concat({actor(pnr), {{"originalAppointmentId", appointment}, {"timeslotId", slot}}, person(pnr)}));
}

std::string crm11_make(const std::string& start, const std::string& end, const std::string& time_type) {
  return crm11_request("MakeBooking", {{"healthcare_facility_med", asa},
                                       {"requestedTimeslot.startTimeInclusive", start},
                                       {"requestedTimeslot.endTimeExclusive", end},
                                       {"requestedTimeslot.healthcare_facility", asa},
                                       {"requestedTimeslot.subject_of_care", tolvan},
                                       {"requestedTimeslot.reason", "Ont i ryggen"},
                                       {"requestedTimeslot.timeTypeID", time_type},
                                       {"notification", "Behöver tolk"}});
}

std::string crm11_update(const std::string& booking, const std::string& start, const std::string& end,
                         const std::string& time_type) {
  return crm11_request("UpdateBooking", {{"requestedTimeslot.startTimeInclusive", start},
                                         {"requestedTimeslot.endTimeExclusive", end},
                                         {"requestedTimeslot.healthcare_facility", asa},
                                         {"requestedTimeslot.bookingId", booking},
                                         {"requestedTimeslot.subject_of_care", tolvan},
                                         {"requestedTimeslot.timeTypeID", time_type}});
}

std::string crm11_cancel(const std::string& booking) {
  return crm11_request("CancelBooking", {{"healthcare_facility", asa}, {"bookingId", booking}, {"message", "Förhindrad"}});
}

std::string crm11_range(const std::string& operation, const std::string& from, const std::string& to) {
  return crm11_request(operation, {{"healthcare_facility", asa},
                                   {"startDateInclusive", from},
                                   {"endDateInclusive", to},
                                   {"subject_of_care", tolvan}});
}

std::vector<contracts::field> unit_and_person(const std::string& pnr) {
  return {{"healthcare_facility", asa}, {"subject_of_care", pnr}};
}

void check_one_of_twenty(fhir_world& w, const std::string& slot) {
  valid(w.sched2(sched2_timeslots("20310310", "20310312", tolvan)), contracts::family::sched2);
  std::vector<std::string> envelopes;
  for (int i = 0; i < 20; ++i) envelopes.push_back(sched2_make(slot, person_number(i)));
  std::vector<producer_reply> replies(envelopes.size());
  std::atomic<std::size_t> ready{0};
  {
    std::vector<std::jthread> threads;
    for (std::size_t i = 0; i < envelopes.size(); ++i) {
      threads.emplace_back([&, i] {
        ++ready;
        while (ready.load() < envelopes.size()) std::this_thread::yield();
        replies[i] = w.sched2(envelopes[i], std::chrono::seconds(15), "SE2321000016-CONS" + std::to_string(i));
      });
    }
  }
  int ok = 0, reserved = 0;
  for (const auto& r : replies) {
    INFO(r.body);
    REQUIRE(r.http_status == 200);
    ok += result_code(r) == "OK";
    reserved += result_code(r) == "REQUESTED_TIME_IS_ALREADY_RESERVED";
  }
  CHECK(ok == 1);
  CHECK(reserved == 19);
}

void check_repeated_make(fhir_world& w, const std::string& slot) {
  w.remember_writes();
  valid(w.sched2(sched2_timeslots("20310310", "20310312", tolvan)), contracts::family::sched2);
  const auto request = sched2_make(slot, tolvan);
  auto first = valid(w.sched2(request), contracts::family::sched2);
  REQUIRE(result_code(first) == "OK");
  auto again = valid(w.sched2(request), contracts::family::sched2);
  CHECK(result_code(again) == "OK");
  CHECK(first_text(again.body, "appointmentId") == first_text(first.body, "appointmentId"));
  auto other = valid(w.sched2(request, std::chrono::seconds(10), "SE2321000016-OTHER"), contracts::family::sched2);
  CHECK(result_code(other) == "REQUESTED_TIME_IS_ALREADY_RESERVED");
}

}  // namespace tidnav::adapters::test
