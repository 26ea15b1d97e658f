// SPDX-License-Identifier: GPL-2.0-or-later
#include "tests/unit/adapters/fhir/fhir_sim_suite.hpp"

#include "tests/unit/adapters/core/adapter_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

namespace tidnav::adapters::test {

using contracts::family;

namespace {

const std::string other = "198112189876";  // a Patient of both seeds with no bookings at Åsa

producer_reply sched2_ok(fhir_sim_world& w, const std::string& envelope) {
  return valid(w.sched2(envelope), family::sched2);
}
producer_reply crm11_ok(fhir_sim_world& w, const std::string& envelope) {
  return valid(w.crm11(envelope), family::crm11);
}

}  // namespace

// ---- scheduling 2.0 ----------------------------------------------------------

void sim_sched2_lists_appointments(fhir_sim_world& w) {
  auto list = sched2_ok(w, sched2_request("GetAppointments", concat({actor(), person()})));
  CHECK(all_texts(list.body, "appointmentId") ==
        std::vector<std::string>{w.appointment_id(w.booking(900)), w.appointment_id(w.booking(901))});
  auto nobody = sched2_ok(w, sched2_request("GetAppointments", concat({actor(other), person(other)})));
  CHECK(all_texts(nobody.body, "appointmentId").empty());
  CHECK(is_client_fault(w.sched2(sched2_request("GetAppointments", concat({actor(), person("191212121213")})))));
}

void sim_sched2_details_for_owner(fhir_sim_world& w) {
  const std::string id = w.appointment_id(w.booking(900));
  auto one = sched2_ok(w, sched2_get(id, tolvan));
  CHECK(result_code(one) == "OK");
  CHECK(first_text(one.body, "appointmentId") == id);
  CHECK(first_text(one.body, "startTime") == "20310320100000");  // 09:00Z is 10:00 in March
  CHECK(first_text(one.body, "cancelAppointmentAllowed") == "true");
  auto locked = sched2_ok(w, sched2_get(w.appointment_id(w.booking(901)), tolvan));
  CHECK(first_text(locked.body, "cancelAppointmentAllowed") == "false");
  auto not_theirs = sched2_ok(w, sched2_get(id, other));
  CHECK(result_code(not_theirs) == "ERROR");
  CHECK(all_texts(not_theirs.body, "appointment").empty());
}

void sim_sched2_timeslots(fhir_sim_world& w) {
  auto slots = sched2_ok(w, sched2_timeslots("20310310", "20310312", tolvan));
  CHECK(result_code(slots) == "OK");
  const auto ids = all_texts(slots.body, "timeslotId");
  CHECK(ids.size() == 9);  // 3 a day at Åsa, 10-12 March
  CHECK(std::find(ids.begin(), ids.end(), w.slot_id("S-100")) != ids.end());
  CHECK(all_texts(slots.body, "startTime").front() == "20310310083000");
}

void sim_sched2_timeslots_of_type(fhir_sim_world& w) {
  auto nurse = sched2_ok(w, sched2_request("GetAvailableTimeslots",
                                           concat({person(), {{"startDateInclusive", "20310310"},
                                                              {"endDateInclusive", "20310312"},
                                                              {"timeTypeCode", w.seed.nurse_type}}})));
  CHECK(all_texts(nurse.body, "timeslotId").size() == 3);
}

void sim_sched2_dates(fhir_sim_world& w) {
  auto dates = sched2_ok(w, sched2_request("GetAvailableDates",
                                           concat({person(), {{"startDateInclusive", "20310310"},
                                                              {"endDateInclusive", "20310312"}}})));
  CHECK(result_code(dates) == "OK");
  const auto days = all_texts(dates.body, "date");
  CHECK(days.size() == 6);  // three days, two time types each
  CHECK(std::count(days.begin(), days.end(), "20310311") == 2);
}

void sim_sched2_catalogue(fhir_sim_world& w) {
  auto types = sched2_ok(w, sched2_request("GetTimeTypes", person()));
  CHECK(result_code(types) == "OK");
  const auto codes = all_texts(types.body, "code");
  CHECK(std::count(codes.begin(), codes.end(), w.seed.doctor_type) == 1);
  CHECK(std::count(codes.begin(), codes.end(), w.seed.nurse_type) == 1);

  auto units = sched2_ok(w, sched2_request("GetHealthcareFacilities", person()));
  CHECK(all_texts(units.body, "extension") == std::vector<std::string>{asa});
  auto self = sched2_ok(w, sched2_request("GetHealthcareFacility", {}));
  CHECK(first_text(self.body, "extension") == asa);
}

std::string sim_sched2_book_once(fhir_sim_world& w) {
  sched2_ok(w, sched2_timeslots("20310310", "20310312", tolvan));
  auto made = sched2_ok(w, sched2_make(w.slot_id("S-101"), tolvan));
  CHECK(result_code(made) == "OK");
  const std::string appointment = first_text(made.body, "appointmentId");
  REQUIRE_FALSE(appointment.empty());
  CHECK(w.active_bookings_on_slot("S-101") == 1);

  auto again = sched2_ok(w, sched2_make(w.slot_id("S-101"), other));
  CHECK(result_code(again) == "REQUESTED_TIME_IS_ALREADY_RESERVED");
  return appointment;
}

void sim_sched2_cancel_frees(fhir_sim_world& w, const std::string& appointment) {
  auto details = sched2_ok(w, sched2_get(appointment, tolvan));
  CHECK(first_text(details.body, "startTime") == "20310310090000");

  CHECK(result_code(sched2_ok(w, sched2_cancel(appointment, tolvan))) == "OK");
  CHECK(w.active_bookings_on_slot("S-101") == 0);
  CHECK(result_code(sched2_ok(w, sched2_cancel(appointment, tolvan))) == "APPOINTMENT_IS_ALREADY_CANCELED");
  CHECK(result_code(sched2_ok(w, sched2_cancel(w.appointment_id(w.booking(901)), tolvan))) == "CANCEL_IS_NOT_ALLOWED");
  CHECK(result_code(sched2_ok(w, sched2_cancel(w.appointment_id(w.booking(900)), other))) ==
        "APPOINTMENT_DOES_NOT_EXIST");
}

void sim_sched2_update_moves(fhir_sim_world& w) {
  const std::string id = w.appointment_id(w.booking(900));
  sched2_ok(w, sched2_timeslots("20310310", "20310312", tolvan));
  auto moved = sched2_ok(w, sched2_update(id, w.slot_id("S-101"), tolvan));
  CHECK(result_code(moved) == "OK");
  CHECK(first_text(moved.body, "appointmentId") == id);
  CHECK(w.active_bookings_on_slot("S-101") == 1);
  CHECK(w.active_bookings_on_slot("S-900") == 0);
  auto details = sched2_ok(w, sched2_get(id, tolvan));
  CHECK(first_text(details.body, "startTime") == "20310310090000");
}

void sim_sched2_update_refusals(fhir_sim_world& w, const std::string& held_at, const std::string& taken) {
  const std::string id = w.appointment_id(w.booking(900));
  auto locked = sched2_ok(w, sched2_update(w.appointment_id(w.booking(901)), w.slot_id("S-105"), tolvan));
  CHECK(result_code(locked) == "UPDATE_APPOINTMENT_IS_NOT_ALLOWED");
  sched2_ok(w, sched2_make(w.slot_id(taken), other));
  auto refused = sched2_ok(w, sched2_update(id, w.slot_id(taken), tolvan));
  CHECK(result_code(refused) == "REQUESTED_TIME_IS_ALREADY_RESERVED");
  CHECK(w.active_bookings_on_slot(held_at) == 1);  // still where it was

  // A cancelled booking this adapter handed out is known as cancelled.
  auto made = sched2_ok(w, sched2_make(w.slot_id("S-107"), tolvan));
  const auto cancelled = first_text(made.body, "appointmentId");
  CHECK(result_code(sched2_ok(w, sched2_cancel(cancelled, tolvan))) == "OK");
  CHECK(result_code(sched2_ok(w, sched2_update(cancelled, w.slot_id("S-105"), tolvan))) ==
        "APPOINTMENT_IS_ALREADY_CANCELED");
  CHECK(w.active_bookings_on_slot("S-105") == 0);
}

void sim_sched2_no_confirm(fhir_sim_world& w) {
  auto confirm = sched2_ok(w, sched2_request("ConfirmAppointment",
                                             concat({actor(), {{"appointmentId", w.appointment_id(w.booking(900))}},
                                                     person()})));
  CHECK(result_code(confirm) == "CONFIRM_IS_NOT_ALLOWED");
  CHECK_FALSE(first_text(confirm.body, "resultText").empty());
}

// ---- failures, races and repeats -----------------------------------------------

std::string sim_list_request() { return sched2_request("GetAppointments", concat({actor(), person()})); }

void sim_crm11_schedule_faults(fhir_world& w) {
  CHECK(is_server_fault(
      w.crm11(crm11_request("GetSubjectOfCareSchedule", {{"healthcare_facility", asa}, {"subject_of_care", tolvan}}))));
}

void sim_one_of_twenty(fhir_sim_world& w, const std::string& native_slot) {
  check_one_of_twenty(w, w.slot_id(native_slot));
  CHECK(w.active_bookings_on_slot(native_slot) == 1);
}

void sim_repeated_make(fhir_sim_world& w, const std::string& native_slot) {
  check_repeated_make(w, w.slot_id(native_slot));
  CHECK(w.active_bookings_on_slot(native_slot) == 1);
}

// ---- crm:scheduling 1.1 ------------------------------------------------------

void sim_crm11_schedule(fhir_sim_world& w) {
  auto schedule = crm11_ok(w, crm11_request("GetSubjectOfCareSchedule", unit_and_person(tolvan)));
  CHECK(all_texts(schedule.body, "bookingId") == std::vector<std::string>{w.booking(900), w.booking(901)});
  CHECK(all_texts(schedule.body, "startTimeInclusive").front() == "20310320100000");  // 09:00Z is 10:00 in March
  CHECK(all_texts(schedule.body, "cancel_booking_allowed") == std::vector<std::string>{"true", "false"});
  CHECK(all_texts(schedule.body, "timeTypeID").front() == w.seed.doctor_type);
  auto nobody = crm11_ok(w, crm11_request("GetSubjectOfCareSchedule", unit_and_person(other)));
  CHECK(all_texts(nobody.body, "bookingId").empty());
}

void sim_crm11_details(fhir_sim_world& w) {
  auto details = crm11_ok(w, crm11_request("GetBookingDetails", {{"healthcare_facility", asa}, {"bookingId", w.booking(900)}}));
  CHECK(first_text(details.body, "bookingId") == w.booking(900));
  CHECK(first_text(details.body, "subject_of_care") == tolvan);  // read back from the Patient
  CHECK(first_text(details.body, "reason") == "Kontroll");
  CHECK(is_client_fault(
      w.crm11(crm11_request("GetBookingDetails", {{"healthcare_facility", asa}, {"bookingId", w.booking(1)}}))));
}

std::vector<std::string> sim_crm11_availability(fhir_sim_world& w) {
  auto dates = crm11_ok(w, crm11_range("GetAvailableDates", "20310310", "20310312"));
  const auto days = all_texts(dates.body, "date");
  CHECK(std::count(days.begin(), days.end(), "20310310") >= 1);
  CHECK(std::count(days.begin(), days.end(), "20310313") == 0);
  auto slots = crm11_ok(w, crm11_range("GetAvailableTimeslots", "20310310", "20310312"));
  const auto starts = all_texts(slots.body, "startTimeInclusive");
  CHECK(starts.size() == 9);
  CHECK(std::count(starts.begin(), starts.end(), "20310310083000") == 1);
  return starts;
}

std::vector<std::string> sim_crm11_staff_search(fhir_sim_world& w) {
  auto agent = crm11_ok(w, crm11_request("GetAvailableTimeslots",
                                         {{"healthcare_facility", asa}, {"startDateInclusive", "20310310"},
                                          {"endDateInclusive", "20310312"}, {"subject_of_care", tolvan}},
                                         asa, "SE2321000016-NRS3", "subject_of_care_agent"));
  return all_texts(agent.body, "startTimeInclusive");
}

void sim_crm11_catalogue(fhir_sim_world& w) {
  auto types = crm11_ok(w, crm11_request("GetAllTimeTypes", unit_and_person(tolvan)));
  CHECK(all_texts(types.body, "timeTypeId") == std::vector<std::string>{w.seed.doctor_type, w.seed.nurse_type});
  auto care = crm11_ok(w, crm11_request("GetAllCareTypes", unit_and_person(tolvan)));
  CHECK(all_texts(care.body, "careTypeId").empty());  // neither system has care types for its time types
  auto units = crm11_ok(w, crm11_request("GetAllHealthcareFacilities", unit_and_person(tolvan)));
  CHECK(all_texts(units.body, "healthcare_facility") == std::vector<std::string>{asa});
}

std::vector<std::string> sim_crm11_performers(fhir_sim_world& w) {
  auto performers = crm11_ok(w, crm11_request("GetAllPerformers", unit_and_person(tolvan)));
  return all_texts(performers.body, "perfomer");
}

std::string sim_crm11_book_once(fhir_sim_world& w) {
  const std::string& lak = w.seed.doctor_type;
  auto made = crm11_ok(w, crm11_make("20310311090000", "20310311093000", lak));  // S-104
  INFO(made.body);
  CHECK(result_code(made) == "OK");
  const std::string id = first_text(made.body, "bookingId");
  CHECK(id.rfind(w.seed.booking_prefix, 0) == 0);
  CHECK(w.active_bookings_on_slot("S-104") == 1);
  auto taken = crm11_ok(w, crm11_make("20310311090000", "20310311093000", lak));
  CHECK(result_code(taken) == "ERROR");
  CHECK_FALSE(first_text(taken.body, "resultText").empty());
  CHECK(w.active_bookings_on_slot("S-104") == 1);
  return id;
}

void sim_crm11_update(fhir_sim_world& w) {
  const std::string& lak = w.seed.doctor_type;
  auto moved = crm11_ok(w, crm11_update(w.booking(900), "20310310090000", "20310310093000", lak));  // S-101
  INFO(moved.body);
  CHECK(result_code(moved) == "OK");
  CHECK(w.active_bookings_on_slot("S-101") == 1);
  CHECK(w.active_bookings_on_slot("S-900") == 0);
  auto locked = crm11_ok(w, crm11_update(w.booking(901), "20310311090000", "20310311093000", lak));
  CHECK(result_code(locked) == "ERROR");  // the system does not let the patient move it
  CHECK(w.active_bookings_on_slot("S-104") == 0);
}

void sim_crm11_cancel(fhir_sim_world& w) {
  CHECK(result_code(crm11_ok(w, crm11_cancel(w.booking(900)))) == "OK");
  CHECK(w.active_bookings_on_slot("S-900") == 0);
  CHECK(result_code(crm11_ok(w, crm11_cancel(w.booking(901)))) == "ERROR");  // the patient may not cancel it
  CHECK(result_code(crm11_ok(w, crm11_cancel(w.booking(900)))) == "ERROR");  // already cancelled
  CHECK(w.active_bookings_on_slot("S-901") == 1);
}

}  // namespace tidnav::adapters::test
