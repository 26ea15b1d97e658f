// SPDX-License-Identifier: GPL-2.0-or-later
// Every scheduling 2.0 contract through handle_sched2 against the memory
// booking system; every answer must be valid against our schemas.
#include "adapter_test_support.hpp"
#include "adapters/core/name_uuid.hpp"
#include "adapters/core/sched2_frontend.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace tidnav::adapters;
using namespace tidnav::adapters::test;
using tidnav::contracts::family;

namespace {

const std::string bk900 = "10891ee7-63b5-55b4-ae01-30a8c1db681a";  // contract id of BK-900 (see name_uuid_test)
const std::string s100 = "e2831c62-0915-523f-aacb-ed124a2a1e5f";   // contract id of slot S-100
const std::string uuid_slot = "5b6e26e4-6fe1-4f47-86a6-acec675ef419";  // a slot whose native id is a UUID

std::string uuid_of(native_id_kind kind, const std::string& native) { return contract_id(kind, "VC-ASA", native); }

producer_reply ok(world& w, const std::string& request) {
  auto reply = w.sched2(request);
  INFO(reply.body);
  REQUIRE(reply.http_status == 200);
  INFO(schema_issues(reply.body, family::sched2));
  CHECK(schema_issues(reply.body, family::sched2).empty());
  return reply;
}

std::string timeslots(const std::string& from = "20310301", const std::string& to = "20310331") {
  return sched2_request("GetAvailableTimeslots",
                        concat({actor(), person(), {{"startDateInclusive", from}, {"endDateInclusive", to}}}));
}

std::string make(const std::string& slot, const std::string& pnr = tolvan) {
  return sched2_request("MakeAppointment",
                        concat({actor(pnr), person(pnr), {{"timeslotId", slot}, {"reasonText", "Ont i halsen"}}}));
}

std::string cancel(const std::string& appointment, const std::string& pnr = tolvan) {
  return sched2_request("CancelAppointment", concat({actor(pnr), {{"appointmentId", appointment}}, person(pnr)}));
}

// One valid request per contract, for the checks every contract must pass.
std::vector<std::pair<std::string, std::string>> one_of_each() {
  return {
      {"GetAppointments", sched2_request("GetAppointments", concat({actor(), person()}))},
      {"GetAppointment", sched2_request("GetAppointment", concat({actor(), {{"appointmentId", bk900}}, person()}))},
      {"MakeAppointment", make(uuid_slot)},
      {"UpdateAppointment",
       sched2_request("UpdateAppointment",
                      concat({actor(), {{"originalAppointmentId", bk900}, {"timeslotId", uuid_slot}}, person()}))},
      {"CancelAppointment", cancel(bk900)},
      {"ConfirmAppointment",
       sched2_request("ConfirmAppointment",
                      concat({actor(), {{"appointmentId", uuid_of(native_id_kind::appointment, "BK-903")}}, person()}))},
      {"GetAvailableDates",
       sched2_request("GetAvailableDates", {{"startDateInclusive", "20310301"}, {"endDateInclusive", "20310331"}})},
      {"GetAvailableTimeslots", timeslots()},
      {"GetTimeTypes", sched2_request("GetTimeTypes", {})},
      {"GetHealthcareFacilities", sched2_request("GetHealthcareFacilities", person())},
      {"GetHealthcareFacility", sched2_request("GetHealthcareFacility", {})},
      {"GetPractitioners", sched2_request("GetPractitioners", {})},
  };
}

}  // namespace

TEST_CASE("adapter-core: 2.0: every contract answers schema-valid OK against the memory booking system", "[adapters][sched2]") {
  for (const auto& [name, request] : one_of_each()) {
    world w;
    INFO(name);
    const auto reply = ok(w, request);
    CHECK(reply.body.find(name + "Response") != std::string::npos);
    if (name != "GetAppointments") CHECK(first_text(reply.body, "resultCode") == "OK");
  }
}

TEST_CASE("adapter-core: 2.0 GetAppointments lists the person's bookings as ids with their unit", "[adapters][sched2]") {
  world w;
  auto all = ok(w, sched2_request("GetAppointments", concat({actor(), person()})));
  const auto ids = all_texts(all.body, "appointmentId");
  CHECK(ids.size() == 4);
  CHECK(std::count(ids.begin(), ids.end(), bk900) == 1);
  CHECK(first_text(all.body, "extension") == asa);

  auto one_day = ok(w, sched2_request("GetAppointments",
                                      concat({actor(), person(), {{"fromDate", "20310305"}, {"toDate", "20310305"}}})));
  CHECK(all_texts(one_day.body, "appointmentId") == std::vector<std::string>{bk900});

  auto nobody = ok(w, sched2_request("GetAppointments", concat({actor("198112189876"), person("198112189876")})));
  CHECK(all_texts(nobody.body, "appointmentId").empty());

  auto bad = w.sched2(sched2_request("GetAppointments", concat({actor(), person("191212121213")})));
  CHECK(bad.http_status == 500);
  CHECK(bad.body.find("Client") != std::string::npos);
}

TEST_CASE("adapter-core: 2.0 GetAppointment details a booking, and only for its owner", "[adapters][sched2]") {
  world w;
  auto one = ok(w, sched2_request("GetAppointment", concat({actor(), {{"appointmentId", bk900}}, person()})));
  CHECK(first_text(one.body, "appointmentId") == bk900);
  CHECK(first_text(one.body, "startTime") == "20310305090000");
  CHECK(first_text(one.body, "endTime") == "20310305093000");
  CHECK(first_text(one.body, "timeLength") == "30");
  CHECK(first_text(one.body, "status") == "confirmed");
  CHECK(first_text(one.body, "firstName") == "Anna");
  CHECK(first_text(one.body, "newAppointmentReasonText") == "Hosta sedan två veckor");
  CHECK(first_text(one.body, "cancelAppointmentAllowed") == "true");

  const std::string other = "198112189876";
  auto not_theirs = ok(w, sched2_request("GetAppointment", concat({actor(other), {{"appointmentId", bk900}}, person(other)})));
  CHECK(first_text(not_theirs.body, "resultCode") == "ERROR");
  CHECK(first_text(not_theirs.body, "resultText") == "Bokningen hittades inte.");
  CHECK(all_texts(not_theirs.body, "appointment").empty());

  auto unknown = ok(w, sched2_request("GetAppointment",
                                      concat({actor(), {{"appointmentId", "00000000-0000-4000-8000-000000000000"}}, person()})));
  CHECK(first_text(unknown.body, "resultCode") == "ERROR");

  // A booking inside the cancellation notice says so.
  auto late = ok(w, sched2_request("GetAppointment",
                                   concat({actor(), {{"appointmentId", uuid_of(native_id_kind::appointment, "BK-901")}}, person()})));
  CHECK(first_text(late.body, "cancelAppointmentAllowed") == "false");
}

TEST_CASE("adapter-core: 2.0 free times are listed with stable UUIDs and Swedish local times, never the past", "[adapters][sched2]") {
  world w;
  auto slots = ok(w, timeslots());
  const auto ids = all_texts(slots.body, "timeslotId");
  CHECK(std::count(ids.begin(), ids.end(), s100) == 1);
  CHECK(std::count(ids.begin(), ids.end(), uuid_slot) == 1);
  CHECK(std::count(ids.begin(), ids.end(), uuid_of(native_id_kind::timeslot, "S-199")) == 0);  // in the past
  CHECK(std::count(ids.begin(), ids.end(), uuid_of(native_id_kind::timeslot, "S-200")) == 0);  // booked
  const auto starts = all_texts(slots.body, "startTime");
  CHECK(std::count(starts.begin(), starts.end(), "20310330030000") == 1);  // just after the spring-forward gap
  CHECK(ok(w, timeslots()).body == slots.body);  // same ids on every call

  auto one_type = ok(w, sched2_request("GetAvailableTimeslots",
                                       concat({{{"startDateInclusive", "20310301"}, {"endDateInclusive", "20310331"}},
                                               {{"timeTypeCode", "SSK15"}}})));
  CHECK(all_texts(one_type.body, "timeslotId").size() == 1);

  auto dates = ok(w, sched2_request("GetAvailableDates",
                                    {{"startDateInclusive", "20310310"}, {"endDateInclusive", "20310311"}}));
  const auto days = all_texts(dates.body, "date");
  CHECK(std::count(days.begin(), days.end(), "20310310") == 2);  // with and without a room
  CHECK(std::count(days.begin(), days.end(), "20310311") == 1);

  auto backwards = ok(w, sched2_request("GetAvailableDates",
                                        {{"startDateInclusive", "20310311"}, {"endDateInclusive", "20310310"}}));
  CHECK(first_text(backwards.body, "resultCode") == "ERROR");
  auto both = ok(w, sched2_request("GetAvailableTimeslots",
                                   {{"startDateInclusive", "20310301"}, {"endDateInclusive", "20310331"},
                                    {"timeTypeCode", "LAK30"}, {"healthcareServiceCode", "390906007"}}));
  CHECK(first_text(both.body, "resultCode") == "ERROR");
}

TEST_CASE("adapter-core: 2.0 MakeAppointment books a listed time, GetAppointment then finds it", "[adapters][sched2]") {
  world w;
  ok(w, timeslots());  // the consumer always lists before it books
  auto made = ok(w, make(s100));
  CHECK(first_text(made.body, "resultCode") == "OK");
  const std::string id = first_text(made.body, "appointmentId");
  CHECK(is_uuid(id));
  CHECK(w.system.bookings_on_slot("S-100") == 1);

  auto details = ok(w, sched2_request("GetAppointment", concat({actor(), {{"appointmentId", id}}, person()})));
  CHECK(first_text(details.body, "timeslotId") == s100);
  CHECK(first_text(details.body, "newAppointmentReasonText") == "Ont i halsen");

  auto taken = ok(w, make(s100, "198112189876"));
  CHECK(first_text(taken.body, "resultCode") == "REQUESTED_TIME_IS_ALREADY_RESERVED");
  CHECK(first_text(taken.body, "resultText").find("redan bokats") != std::string::npos);
  CHECK(all_texts(taken.body, "appointmentId").empty());
}

TEST_CASE("adapter-core: 2.0 business outcomes of the updating contracts get their specific codes", "[adapters][sched2]") {
  world w;
  for (const char* native : {"S-199", "S-204", "S-101"}) w.ids.remember(native_id_kind::timeslot, "VC-ASA", native);
  const auto bk = [](const char* native) { return uuid_of(native_id_kind::appointment, native); };
  const auto slot = [](const char* native) { return uuid_of(native_id_kind::timeslot, native); };
  struct row {
    const char* what;
    std::string request;
    const char* code;
  };
  const row rows[] = {
      {"past time", make(slot("S-199")), "REQUESTED_TIME_HAS_ALREADY_PASSED"},
      {"inside booking notice", make(slot("S-204")), "TOO_LATE_TO_MAKE_APPOINTMENT"},
      {"unknown time", make("00000000-0000-4000-8000-000000000001"), "REQUESTED_TIME_IS_NO_LONGER_AVAILABLE"},
      {"invalid person", make(slot("S-101"), "191212121213"), "ERROR"},
      {"cancel inside notice", cancel(bk("BK-901")), "TOO_LATE_TO_CANCEL_APPOINTMENT"},
      {"cancel not allowed for the type", cancel(bk("BK-902")), "CANCEL_IS_NOT_ALLOWED"},
      {"cancel unknown", cancel("00000000-0000-4000-8000-000000000002"), "APPOINTMENT_DOES_NOT_EXIST"},
      {"rebook inside notice",
       sched2_request("UpdateAppointment",
                      concat({actor(), {{"originalAppointmentId", bk("BK-901")}, {"timeslotId", slot("S-101")}}, person()})),
       "TOO_LATE_TO_UPDATE_APPOINTMENT"},
      {"confirm a confirmed booking",
       sched2_request("ConfirmAppointment", concat({actor(), {{"appointmentId", bk900}}, person()})),
       "APPOINTMENT_IS_ALREADY_CONFIRMED"},
  };
  for (const auto& r : rows) {
    INFO(r.what);
    auto reply = ok(w, r.request);
    CHECK(first_text(reply.body, "resultCode") == r.code);
    CHECK_FALSE(first_text(reply.body, "resultText").empty());
  }
  CHECK(w.system.bookings_made() == 0);
}

TEST_CASE("adapter-core: 2.0 cancel, then cancel again, rebook keeps the booking", "[adapters][sched2]") {
  world w;
  ok(w, timeslots());
  auto moved = ok(w, sched2_request("UpdateAppointment",
                                    concat({actor(), {{"originalAppointmentId", bk900}, {"timeslotId", s100}}, person()})));
  CHECK(first_text(moved.body, "resultCode") == "OK");
  CHECK(first_text(moved.body, "appointmentId") == bk900);
  CHECK(w.system.bookings_on_slot("S-100") == 1);
  CHECK(w.system.bookings_on_slot("S-200") == 0);

  CHECK(first_text(ok(w, cancel(bk900)).body, "resultCode") == "OK");
  CHECK(first_text(ok(w, cancel(bk900)).body, "resultCode") == "APPOINTMENT_IS_ALREADY_CANCELED");
  CHECK(w.system.bookings_on_slot("S-100") == 0);
}

TEST_CASE("adapter-core: 2.0 catalogue contracts: time types, units, the unit itself, practitioners", "[adapters][sched2]") {
  world w;
  auto types = ok(w, sched2_request("GetTimeTypes", {}));
  CHECK(all_texts(types.body, "code").size() >= 3);
  CHECK(first_text(types.body, "hidden") == "false");
  auto hidden = all_texts(types.body, "hidden");
  CHECK(std::count(hidden.begin(), hidden.end(), "true") == 1);

  auto units = ok(w, sched2_request("GetHealthcareFacilities", {}));
  CHECK(all_texts(units.body, "extension") == std::vector<std::string>{asa, berga});
  CHECK(all_texts(units.body, "name") == std::vector<std::string>{"Vårdcentralen Åsa", "Vårdcentralen Berga"});

  auto self = ok(w, sched2_request("GetHealthcareFacility", {}));
  CHECK(first_text(self.body, "extension") == asa);
  CHECK(first_text(self.body, "alternativeLocation") == "Storgatan 5, 123 45 Åsa");
  CHECK(all_texts(self.body, "header") == std::vector<std::string>{"Välkommen", "Avgift"});

  auto staff = ok(w, sched2_request("GetPractitioners", {{"timeTypeCode", "SSK15"}}));
  CHECK(all_texts(staff.body, "extension") == std::vector<std::string>{"SE2321000016-PRF8"});
}

TEST_CASE("adapter-core: 2.0 technical failures of the booking system are SOAP faults, for every contract", "[adapters][sched2]") {
  for (const auto& [name, request] : one_of_each()) {
    world w;
    w.system.fail_with(technical_code::backend_down);
    INFO(name);
    const auto reply = w.sched2(request);
    CHECK(reply.http_status == 500);
    CHECK(reply.body.find("SOAP-ENV:Server") != std::string::npos);
    CHECK(reply.body.find("could not be reached") != std::string::npos);
  }
}

TEST_CASE("adapter-core: 2.0 requests the producer cannot serve are Client faults", "[adapters][sched2]") {
  world w;
  const auto unknown_unit = w.sched2(sched2_request("GetTimeTypes", {}, "SE2321000016-NONE"));
  CHECK(unknown_unit.http_status == 500);
  CHECK(unknown_unit.body.find("SOAP-ENV:Client") != std::string::npos);
  CHECK(unknown_unit.body.find("SE2321000016-NONE") != std::string::npos);

  // The LogicalAddress is compared case-insensitively.
  CHECK(w.sched2(sched2_request("GetTimeTypes", {}, "se2321000016-abc1")).http_status == 200);

  const auto crm = w.sched2(crm11_request("GetAllTimeTypes", {{"healthcare_facility", asa}, {"subject_of_care", tolvan}}));
  CHECK(crm.http_status == 500);
  CHECK(crm.body.find("SOAP-ENV:Client") != std::string::npos);

  const auto garbage = w.sched2("<not-soap/>");
  CHECK(garbage.http_status == 500);
  CHECK(garbage.body.find("SOAP-ENV:Client") != std::string::npos);
}
