// SPDX-License-Identifier: GPL-2.0-or-later
// Every crm:scheduling 1.1 contract through handle_crm11 against the memory
// booking system; every answer must be valid against our schemas.
#include "adapter_test_support.hpp"
#include "adapters/core/crm11_frontend.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace tidnav::adapters;
using namespace tidnav::adapters::test;
using tidnav::contracts::family;

namespace {

producer_reply ok(world& w, const std::string& request) {
  auto reply = w.crm11(request);
  INFO(reply.body);
  REQUIRE(reply.http_status == 200);
  INFO(schema_issues(reply.body, family::crm11));
  CHECK(schema_issues(reply.body, family::crm11).empty());
  return reply;
}

fields unit_and_person(const std::string& pnr = tolvan) {
  return {{"healthcare_facility", asa}, {"subject_of_care", pnr}};
}

// MakeBooking of the time S-100 describes (1.1 books by time, not by id).
std::string make_s100(const std::string& pnr = tolvan, const std::string& performer = "SE2321000016-PRF7",
                      const std::string& unit = asa) {
  return crm11_request("MakeBooking", {{"healthcare_facility_med", unit},
                                       {"requestedTimeslot.startTimeInclusive", "20310310093000"},
                                       {"requestedTimeslot.endTimeExclusive", "20310310100000"},
                                       {"requestedTimeslot.healthcare_facility", unit},
                                       {"requestedTimeslot.performer", performer},
                                       {"requestedTimeslot.subject_of_care", pnr},
                                       {"requestedTimeslot.reason", "Ont i ryggen"},
                                       {"requestedTimeslot.resourceID", "RUM-4"},
                                       {"requestedTimeslot.timeTypeID", "LAK30"},
                                       {"subject_of_care_info.phone", "+46701234567"},
                                       {"subject_of_care_info.firstName", "Tolvan"},
                                       {"subject_of_care_info.lastName", "Tolvansson"},
                                       {"notification", "Behöver tolk"}},
                       asa, pnr);
}

std::string cancel(const std::string& booking) {
  return crm11_request("CancelBooking", {{"healthcare_facility", asa}, {"bookingId", booking}, {"message", "Förhindrad"}});
}

std::string dates_or_slots(const char* operation) {
  return crm11_request(operation, {{"healthcare_facility", asa},
                                   {"startDateInclusive", "20310301"},
                                   {"endDateInclusive", "20310331"},
                                   {"subject_of_care", tolvan}});
}

std::vector<std::pair<std::string, std::string>> one_of_each() {
  return {
      {"GetSubjectOfCareSchedule", crm11_request("GetSubjectOfCareSchedule", unit_and_person())},
      {"GetBookingDetails", crm11_request("GetBookingDetails", {{"healthcare_facility", asa}, {"bookingId", "BK-900"}})},
      {"MakeBooking", make_s100()},
      {"UpdateBooking", crm11_request("UpdateBooking", {{"requestedTimeslot.startTimeInclusive", "20310310100000"},
                                                        {"requestedTimeslot.endTimeExclusive", "20310310103000"},
                                                        {"requestedTimeslot.healthcare_facility", asa},
                                                        {"requestedTimeslot.bookingId", "BK-900"},
                                                        {"requestedTimeslot.subject_of_care", tolvan},
                                                        {"requestedTimeslot.timeTypeID", "LAK30"}})},
      {"CancelBooking", cancel("BK-900")},
      {"GetAvailableDates", dates_or_slots("GetAvailableDates")},
      {"GetAvailableTimeslots", dates_or_slots("GetAvailableTimeslots")},
      {"GetAllTimeTypes", crm11_request("GetAllTimeTypes", unit_and_person())},
      {"GetAllCareTypes", crm11_request("GetAllCareTypes", unit_and_person())},
      {"GetAllHealthcareFacilities", crm11_request("GetAllHealthcareFacilities", unit_and_person())},
      {"GetAllPerformers", crm11_request("GetAllPerformers", unit_and_person())},
  };
}

}  // namespace

TEST_CASE("adapter-core: 1.1: every contract answers schema-valid against the memory booking system", "[adapters][crm11]") {
  for (const auto& [name, request] : one_of_each()) {
    world w;
    INFO(name);
    const auto reply = ok(w, request);
    CHECK(reply.body.find(name + "Response") != std::string::npos);
    if (name == "MakeBooking" || name == "UpdateBooking" || name == "CancelBooking") {
      CHECK(first_text(reply.body, "resultCode") == "OK");
    }
  }
}

TEST_CASE("adapter-core: 1.1 GetSubjectOfCareSchedule lists bookings with the fields 1177 uses", "[adapters][crm11]") {
  world w;
  auto list = ok(w, crm11_request("GetSubjectOfCareSchedule", unit_and_person()));
  CHECK(all_texts(list.body, "bookingId") == std::vector<std::string>{"BK-901", "BK-900", "BK-902", "BK-903"});
  CHECK(first_text(list.body, "startTimeInclusive") == "20310302080000");
  CHECK(all_texts(list.body, "timeTypeID").size() == 4);
  const auto names = all_texts(list.body, "performerName");
  CHECK(std::count(names.begin(), names.end(), "Specialistläkare Anna Åkesson") == 1);
  CHECK(all_texts(list.body, "isInvitation") == std::vector<std::string>{"true"});  // BK-903 only
  CHECK(all_texts(list.body, "healthcare_facility_name").front() == "Vårdcentralen Åsa");

  // An aggregator may leave the platform's id in the body: the LogicalAddress decides.
  auto via_aggregator = ok(w, crm11_request("GetSubjectOfCareSchedule",
                                            {{"healthcare_facility", "5565594230"}, {"subject_of_care", tolvan}}));
  CHECK(all_texts(via_aggregator.body, "bookingId").size() == 4);

  auto bad = w.crm11(crm11_request("GetSubjectOfCareSchedule", unit_and_person("191212121213")));
  CHECK(bad.http_status == 500);
  CHECK(bad.body.find("SOAP-ENV:Client") != std::string::npos);
}

TEST_CASE("adapter-core: 1.1 GetBookingDetails carries all three permission flags, unknown ids fault", "[adapters][crm11]") {
  world w;
  auto details = ok(w, crm11_request("GetBookingDetails", {{"healthcare_facility", asa}, {"bookingId", "BK-901"}}));
  CHECK(first_text(details.body, "cancel_booking_allowed") == "false");  // inside the notice period
  CHECK(first_text(details.body, "rebooking_allowed") == "false");
  CHECK(first_text(details.body, "message_allowed") == "false");
  CHECK(first_text(details.body, "subject_of_care") == tolvan);

  auto missing = w.crm11(crm11_request("GetBookingDetails", {{"healthcare_facility", asa}, {"bookingId", "BK-0"}}));
  CHECK(missing.http_status == 500);
  CHECK(missing.body.find("Bokningen hittades inte.") != std::string::npos);
}

TEST_CASE("adapter-core: 1.1 MakeBooking books the described time once, every refusal is ERROR with a Swedish text", "[adapters][crm11]") {
  world w;
  auto made = ok(w, make_s100());
  CHECK(first_text(made.body, "resultCode") == "OK");
  const std::string id = first_text(made.body, "bookingId");
  CHECK_FALSE(id.empty());
  CHECK(w.system.bookings_on_slot("S-100") == 1);
  auto details = ok(w, crm11_request("GetBookingDetails", {{"healthcare_facility", asa}, {"bookingId", id}}));
  CHECK(first_text(details.body, "reason") == "Ont i ryggen");

  struct row {
    const char* what;
    std::string request;
    const char* text;
  };
  const row rows[] = {
      {"the time is taken now", make_s100("198112189876"), "går inte längre att boka"},
      {"another performer", make_s100(tolvan, "SE2321000016-PRF8"), "går inte längre att boka"},
      {"a unit not served here", make_s100(tolvan, "SE2321000016-PRF7", "SE2321000016-NONE"), "tar inte emot bokningar"},
      {"an invalid personnummer", make_s100("191212121213"), "inte giltigt"},
  };
  for (const auto& r : rows) {
    INFO(r.what);
    auto reply = ok(w, r.request);
    CHECK(first_text(reply.body, "resultCode") == "ERROR");
    CHECK(first_text(reply.body, "resultText").find(r.text) != std::string::npos);
    CHECK(all_texts(reply.body, "bookingId").empty());
  }
  CHECK(w.system.bookings_made() == 1);
}

TEST_CASE("adapter-core: 1.1 UpdateBooking moves a booking, CancelBooking frees it and refuses twice", "[adapters][crm11]") {
  world w;
  const auto update = [](const char* booking, const char* start = "20310310100000", const char* end = "20310310103000") {
    return crm11_request("UpdateBooking", {{"requestedTimeslot.startTimeInclusive", start},
                                           {"requestedTimeslot.endTimeExclusive", end},
                                           {"requestedTimeslot.healthcare_facility", asa},
                                           {"requestedTimeslot.bookingId", booking},
                                           {"requestedTimeslot.subject_of_care", tolvan}});
  };
  CHECK(first_text(ok(w, update("BK-900")).body, "resultCode") == "OK");
  CHECK(w.system.bookings_on_slot("S-101") == 1);
  CHECK(w.system.bookings_on_slot("S-200") == 0);

  auto late = ok(w, update("BK-901", "20310310093000", "20310310100000"));
  CHECK(first_text(late.body, "resultCode") == "ERROR");
  CHECK(first_text(late.body, "resultText").find("boka om") != std::string::npos);

  CHECK(first_text(ok(w, cancel("BK-900")).body, "resultCode") == "OK");
  CHECK(w.system.bookings_on_slot("S-101") == 0);
  auto again = ok(w, cancel("BK-900"));
  CHECK(first_text(again.body, "resultCode") == "ERROR");
  CHECK(first_text(again.body, "resultText") == "Tiden är redan avbokad.");
  auto too_late = ok(w, cancel("BK-901"));
  CHECK(first_text(too_late.body, "resultText").find("för sent att avboka") != std::string::npos);
}

TEST_CASE("adapter-core: 1.1 availability and catalogues", "[adapters][crm11]") {
  world w;
  auto dates = ok(w, dates_or_slots("GetAvailableDates"));
  const auto days = all_texts(dates.body, "date");
  CHECK(std::count(days.begin(), days.end(), "20310310") == 2);
  CHECK(std::count(days.begin(), days.end(), "20310228") == 0);

  auto slots = ok(w, dates_or_slots("GetAvailableTimeslots"));
  const auto starts = all_texts(slots.body, "startTimeInclusive");
  CHECK(std::count(starts.begin(), starts.end(), "20310310093000") == 1);
  CHECK(std::count(starts.begin(), starts.end(), "20310305090000") == 0);  // booked
  CHECK(all_texts(slots.body, "subject_of_care").empty());  // not listed for free times
  CHECK(all_texts(slots.body, "bookingId").empty());

  auto types = ok(w, crm11_request("GetAllTimeTypes", unit_and_person()));
  CHECK(all_texts(types.body, "timeTypeId") == std::vector<std::string>{"LAK30", "SSK15"});  // TRIAGE is hidden

  auto care = ok(w, crm11_request("GetAllCareTypes", unit_and_person()));
  CHECK(all_texts(care.body, "careTypeId") == std::vector<std::string>{"CT-ALLM", "CT-SSK"});

  auto units = ok(w, crm11_request("GetAllHealthcareFacilities", unit_and_person()));
  CHECK(all_texts(units.body, "healthcare_facility") == std::vector<std::string>{asa, berga});
  auto unknown_booking = ok(w, crm11_request("GetAllHealthcareFacilities",
                                             {{"healthcare_facility", asa}, {"subject_of_care", tolvan}, {"bookingId", "BK-0"}}));
  CHECK(all_texts(unknown_booking.body, "healthcare_facility").empty());

  auto performers = ok(w, crm11_request("GetAllPerformers", unit_and_person()));
  CHECK(all_texts(performers.body, "perfomer") == std::vector<std::string>{"SE2321000016-PRF7", "SE2321000016-PRF8"});
  auto nurses = ok(w, crm11_request("GetAllPerformers",
                                    {{"healthcare_facility", asa}, {"timeTypeIDs", "SSK15"}, {"subject_of_care", tolvan}}));
  CHECK(all_texts(nurses.body, "perfomer") == std::vector<std::string>{"SE2321000016-PRF8"});

  // A staff member acting for the citizen gets the same times.
  auto agent = ok(w, crm11_request("GetAvailableTimeslots",
                                   {{"healthcare_facility", asa}, {"startDateInclusive", "20310301"},
                                    {"endDateInclusive", "20310331"}, {"subject_of_care", tolvan}},
                                   asa, "SE2321000016-NRS3", "subject_of_care_agent"));
  CHECK(all_texts(agent.body, "startTimeInclusive") == starts);
}

TEST_CASE("adapter-core: 1.1 technical failures of the booking system are SOAP faults, for every contract", "[adapters][crm11]") {
  for (const auto& [name, request] : one_of_each()) {
    world w;
    w.system.fail_with(technical_code::timeout);
    INFO(name);
    const auto reply = w.crm11(request);
    CHECK(reply.http_status == 500);
    CHECK(reply.body.find("SOAP-ENV:Server") != std::string::npos);
    CHECK(reply.body.find("did not answer in time") != std::string::npos);
  }
}

TEST_CASE("adapter-core: 1.1 units: an unknown LogicalAddress or reading unit faults, an unknown booking unit is ERROR", "[adapters][crm11]") {
  world w;
  auto unknown_address = w.crm11(crm11_request("GetAllTimeTypes", unit_and_person(), "SE2321000016-NONE"));
  CHECK(unknown_address.http_status == 500);
  CHECK(unknown_address.body.find("SOAP-ENV:Client") != std::string::npos);

  auto unknown_body_unit = w.crm11(crm11_request("GetAllTimeTypes",
                                                 {{"healthcare_facility", "SE2321000016-NONE"}, {"subject_of_care", tolvan}}));
  CHECK(unknown_body_unit.http_status == 500);
  CHECK(unknown_body_unit.body.find("SOAP-ENV:Client") != std::string::npos);

  auto cancel_elsewhere = ok(w, crm11_request("CancelBooking", {{"healthcare_facility", "SE2321000016-NONE"},
                                                                {"bookingId", "BK-900"}}));
  CHECK(first_text(cancel_elsewhere.body, "resultCode") == "ERROR");

  // Berga is served by the same booking system: a booking there is fine through Åsa's address.
  auto berga_slots = ok(w, crm11_request("GetAvailableTimeslots", {{"healthcare_facility", berga},
                                                                   {"startDateInclusive", "20310310"},
                                                                   {"endDateInclusive", "20310310"},
                                                                   {"subject_of_care", tolvan}}));
  CHECK(all_texts(berga_slots.body, "healthcare_facility") == std::vector<std::string>{berga});
}
