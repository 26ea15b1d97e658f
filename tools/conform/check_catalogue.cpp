// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/conform/check_catalogue.hpp"

#include <algorithm>
#include <array>

namespace tidnav::conform {
namespace {

struct row {
  std::string_view id;
  std::string_view title;
  std::string_view rule_20;  // empty: not a 2.0 check
  std::string_view rule_11;  // empty: not a 1.1 check
};

constexpr std::string_view tkb20 = "Tidbokning 2.0 RC2 (supportprocess:logistics:scheduling)";
constexpr std::string_view tkb11 = "crm:scheduling 1.1 TKB (1.1.1/1.1.5)";

// The rules are quoted from the contract descriptions in our own words; where
// the TKB and the XSD differ, the XSD decides what is on the wire.
constexpr std::array<row, 27> rows{{
    {"ping.answers", "PingForConfiguration answers with a version and a time, when offered",
     "itintegration:monitoring PingForConfiguration 1.0: every RIVTA 2.1 producer exposes it",
     "itintegration:monitoring PingForConfiguration 1.0: every RIVTA 2.1 producer exposes it"},
    {"appointments.own-person", "The person's booking list holds only that person's bookings",
     "GetAppointments: all of the citizen's bookings; GetAppointment is keyed by appointmentId + personId, and "
     "every listed booking can be read with GetAppointment",
     "GetSubjectOfCareSchedule: the bookings of subject_of_care; timeslotDetail/subject_of_care 1..1 (TKB field "
     "list)"},
    {"appointments.future", "Listed bookings lie in the future",
     "EI rules (TKB 2.0 §3.5): only future bookings are shown and indexed; history is purged",
     "Engagement index rules: only bookings in the future are shown and indexed; history is purged"},
    {"appointments.id-form", "Booking ids have the right form",
     "core:uuidType: appointmentId is a UUID (8-4-4-4-12 hex)",
     "BookingIdType: bookingId present in every timeslotDetail of GetSubjectOfCareSchedule (TKB 1..1) and unique"},
    {"availability.no-past", "Available dates and times never lie in the past",
     "GetAvailableDates/GetAvailableTimeslots: past times must never be returned",
     "GetAvailableDates/GetAvailableTimeslots: historiska tider får inte returneras"},
    {"availability.in-range", "Available dates and times lie within the asked range",
     "GetAvailableDates/GetAvailableTimeslots: dates within [startDateInclusive, endDateInclusive]",
     "GetAvailableDates/GetAvailableTimeslots: dates within [startDateInclusive, endDateInclusive]"},
    {"availability.consistent", "Available dates and available times agree with each other",
     "GetAvailableDates: dates with free times and noOfTimeslots per date; the same book answers both contracts",
     "GetAvailableDates/GetAvailableTimeslots: online against the appointment book (TKB SLA, aktualitet)"},
    {"make.slot-taken", "A booked time disappears from availability at once",
     "MakeAppointment + GetAvailableTimeslots: online against the appointment book, changes visible immediately",
     "MakeBooking + GetAvailableTimeslots: updates through one contract show immediately in the others"},
    {"make.in-list", "A new booking appears in the person's list",
     "MakeAppointment + GetAppointments: changes visible immediately",
     "MakeBooking + GetSubjectOfCareSchedule: changes visible immediately"},
    {"make.read-back", "A new booking reads back with the same data",
     "MakeAppointment returns appointmentId; GetAppointment(appointmentId, personId) gives the booked time",
     "MakeBooking returns bookingId; GetBookingDetails(bookingId) gives the booked time (timeslotDetail 1..1)"},
    {"make.double-booking", "Booking a taken time again is refused with the right code",
     "MakeAppointment: REQUESTED_TIME_IS_ALREADY_RESERVED",
     "MakeBooking: resultCode ERROR with a resultText for the citizen"},
    {"update.moves", "Rebooking moves the booking: the old time is free again, the new one taken",
     "UpdateAppointment(originalAppointmentId, timeslotId); online against the appointment book",
     "UpdateBooking(requestedTimeslot/bookingId); online against the appointment book"},
    {"cancel.frees-slot", "Cancelling frees the time at once and removes the booking from the list",
     "CancelAppointment; 'a cancelled time is bookable immediately' (SLA, aktualitet)",
     "CancelBooking; 'en avbokad tid är bokningsbar direkt' (SLA, aktualitet)"},
    {"cancel.twice", "Cancelling a cancelled booking is refused with the right code",
     "CancelAppointment: APPOINTMENT_IS_ALREADY_CANCELED",
     "CancelBooking: resultCode ERROR with a resultText for the citizen"},
    {"errors.unknown-id", "Unknown booking ids give a business answer, not a technical fault",
     "GetAppointment: no appointment; Update/CancelAppointment: APPOINTMENT_DOES_NOT_EXIST",
     "Update/CancelBooking: ERROR with a text; GetBookingDetails (a reading contract): a Client fault"},
    {"errors.wrong-person", "Another person's id never reaches this person's booking",
     "GetAppointment: 'appointment may be absent if the id or personnummer does not match'; CancelAppointment "
     "with another personId must not cancel",
     "GetSubjectOfCareSchedule for another subject_of_care does not list the booking; CancelBooking by another "
     "citizen actor is refused"},
    {"errors.malformed", "Malformed requests get a SOAP fault",
     "TKB 2.0 errors: technical errors are SOAP faults; SOAP 1.1 §4.4 (Client fault, HTTP 500)",
     "TKB 1.1 errors: technical errors are SOAP faults; reading contracts have no resultCode"},
    {"errors.business-not-fault", "Business errors are result codes, technical errors SOAP faults (HTTP 500)",
     "TKB 2.0 errors: logical errors are resultCode + resultText, technical errors a generic SOAP fault",
     "TKB 1.1 §Felhantering: logical errors in Make/Update/CancelBooking are resultCode ERROR + resultText"},
    {"errors.result-codes", "Result codes are the ones allowed for the contract, with texts where required",
     "ResultCodeEnum per contract (TKB 2.0 specific codes table; reading contracts only OK/INFO/ERROR); ERROR and "
     "INFO carry resultText; Make/UpdateAppointment OK carries appointmentId",
     "ResultCodeEnum OK/INFO/ERROR; INFO and ERROR carry resultText; MakeBooking bookingId present on OK/INFO, "
     "absent on ERROR"},
    {"address.case-insensitive", "Logical addresses are compared case-insensitively",
     "TKB 2.0: HSA-ids are compared case-insensitively",
     "TKB 1.1: consumer and producer compare HSA-ids case-insensitively (LogicalAddress and healthcare_facility)"},
    {"address.body-consistent", "Units in answers agree with the LogicalAddress",
     "Verksamhetsadressering: LogicalAddress = the unit; GetHealthcareFacility describes the addressed unit; "
     "listed units are the unit or its group (GetHealthcareFacilities)",
     "Verksamhetsadressering: LogicalAddress should equal healthcare_facility; listed units are the unit or its "
     "group (GetAllHealthcareFacilities)"},
    {"invitations.rules", "Invitations follow the 1.1 rules", "",
     "TKB 1.1 invitations: isInvitation=true needs purpose; open invitations (no start/end) are never in "
     "GetSubjectOfCareSchedule"},
    {"flags.honoured", "The cancel/rebook/message flags are given and honoured", "",
     "GetBookingDetails: cancel_booking_allowed, rebooking_allowed, message_allowed 1..1; a booking that says "
     "true can be cancelled/rebooked/cancelled with a message"},
    {"format.times", "Times and dates are real Swedish local times, and ends follow starts",
     "TS YYYYMMDDhhmmss / DT YYYYMMDD, Swedish local time (CET/CEST); real calendar dates",
     "TS/DT patterns are looser than a calendar: real dates and Swedish local times are required"},
    {"format.no-empty", "Optional elements without a value are left out", "",
     "TKB 1.1: an optional element with no value is omitted, never <tag/> or <tag></tag>"},
    {"sla.p95", "95 % of calls answer within 3 s, per contract",
     "TKB 2.0 SLA: < 3 s for 95 % of calls", "TKB 1.1 SLA: svarstid < 3 s för 95 % av anropen"},
    {"kit.cleanup", "The kit leaves the test person as it found them",
     "tidnav conform: what the kit booked is cancelled, even after a failed check",
     "tidnav conform: what the kit booked is cancelled, even after a failed check"},
}};

constexpr std::array<std::string_view, 12> sched2_contracts{
    "GetHealthcareFacility", "GetHealthcareFacilities", "GetTimeTypes",     "GetPractitioners",
    "GetAppointments",       "GetAppointment",          "GetAvailableDates", "GetAvailableTimeslots",
    "MakeAppointment",       "UpdateAppointment",       "CancelAppointment", "ConfirmAppointment"};
constexpr std::array<std::string_view, 11> crm11_contracts{
    "GetAllHealthcareFacilities", "GetAllTimeTypes", "GetAllCareTypes",       "GetAllPerformers",
    "GetSubjectOfCareSchedule",   "GetBookingDetails", "GetAvailableDates",   "GetAvailableTimeslots",
    "MakeBooking",                "UpdateBooking",   "CancelBooking"};

std::string schema_rule(contract_family f, std::string_view contract) {
  return std::string(f == contract_family::sched2 ? tkb20 : tkb11) + ": " + std::string(contract) +
         "Response validates against its XSD (schemas/, libxml2)";
}

}  // namespace

std::string_view family_label(contract_family f) { return f == contract_family::sched2 ? "2.0" : "1.1"; }

std::span<const std::string_view> contracts_of(contract_family f) {
  if (f == contract_family::sched2) return sched2_contracts;
  return crm11_contracts;
}

bool is_reading_contract(contract_family f, std::string_view c) {
  (void)f;
  return c.rfind("Get", 0) == 0;
}

std::vector<check_info> catalogue(contract_family f) {
  std::vector<check_info> out;
  bool schema_done = false;
  for (const auto& r : rows) {
    // The per-contract schema checks follow ping, before the behaviour checks.
    if (!schema_done && r.id != "ping.answers") {
      for (auto contract : contracts_of(f)) {
        out.push_back({"schema." + std::string(contract),
                       "Every " + std::string(contract) + " answer is schema-valid", schema_rule(f, contract)});
      }
      schema_done = true;
    }
    const std::string_view rule = f == contract_family::sched2 ? r.rule_20 : r.rule_11;
    if (rule.empty()) continue;
    out.push_back({std::string(r.id), std::string(r.title), std::string(rule)});
  }
  return out;
}

bool selected(std::string_view id, const std::vector<std::string>& only) {
  if (only.empty()) return true;
  return std::any_of(only.begin(), only.end(), [id](const std::string& o) {
    return id == o || (id.size() > o.size() && id.substr(0, o.size()) == o && id[o.size()] == '.');
  });
}

std::vector<std::string> unknown_selections(contract_family f, const std::vector<std::string>& only) {
  const auto all = catalogue(f);
  std::vector<std::string> out;
  for (const auto& o : only) {
    const bool known = std::any_of(all.begin(), all.end(), [&](const check_info& c) { return selected(c.id, {o}); });
    if (!known) out.push_back(o);
  }
  return out;
}

}  // namespace tidnav::conform
