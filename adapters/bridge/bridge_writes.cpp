// SPDX-License-Identifier: GPL-2.0-or-later
// The writing half of the bridge: MakeBooking, UpdateBooking and CancelBooking
// with the 1.x timeslot a 2.0 slot id stands for, and the producer's result
// code and text turned into a receipt or a business outcome.
#include "adapters/bridge/bridge_booking_system.hpp"
#include "adapters/bridge/bridge_internal.hpp"
#include "adapters/bridge/error_texts.hpp"

#include "adapters/core/unit_table.hpp"

namespace tidnav::adapters::bridge {
namespace {

// requestedTimeslot: the free time exactly as the producer described it.
crm11::crm__TimeslotType* requested(object_arena& mem, const legacy_slot& s, const person_id& person,
                                    const std::string& reason) {
  auto* t = mem.make<crm11::crm__TimeslotType>();
  t->startTimeInclusive = mem.str(s.start_ts);
  t->endTimeExclusive = mem.str(s.end_ts);
  t->healthcare_USCOREfacility = s.facility;
  t->performer = mem.opt(s.performer);
  t->subject_USCOREof_USCOREcare = mem.str(person.number);
  t->reason = mem.opt(reason);
  t->resourceName = mem.opt(s.resource_name);
  t->performerName = mem.opt(s.performer_name);
  t->resourceID = mem.opt(s.resource_id);
  t->timeTypeName = mem.opt(s.time_type_name);
  t->timeTypeID = mem.opt(s.time_type_id);
  t->careTypeName = mem.opt(s.care_type_name);
  t->careTypeID = mem.opt(s.care_type_id);
  return t;
}

booking_error slot_gone(std::string_view id) {
  return booking_error::of(business_code::slot_not_found,
                           "timeslot id " + std::string(id) + " is unknown or expired: list the free times again");
}

}  // namespace

booking_result<write_receipt> bridge_booking_system::write_result(const char* contract, int code,
                                                                  const std::string* text,
                                                                  std::string appointment_id) {
  lenient_reader read(violations_, contract);
  const auto said = read.text(text, "resultText");
  const auto result = static_cast<crm11::crm__ResultCodeEnum>(code);
  if (result == crm11::crm__ResultCodeEnum::OK || result == crm11::crm__ResultCodeEnum::INFO) {
    write_receipt receipt{std::move(appointment_id), {}};
    if (result == crm11::crm__ResultCodeEnum::INFO) receipt.notice = said.value_or(std::string());
    return receipt;
  }
  // ERROR: the best-fitting outcome, and the producer's own words for the citizen.
  const std::string words = said.value_or(std::string());
  auto e = booking_error::of(outcome_of_text(profile_, words), std::string(contract) + ": ERROR " + words);
  e.citizen_text = words;
  return core::failure<booking_error>{std::move(e)};
}

std::optional<booking_error> bridge_booking_system::check_owner(booking_ref& ref,
                                                                const std::optional<person_id>& person,
                                                                deadline until) {
  if (!ref.person) {
    // An id the store has no person for: ask the producer whose booking it is.
    auto found = details(ref, until);
    if (!found) return found.error();
    ref.person = found.value().person;
  }
  // 1.0 producers cannot check who asks (no Actor): the bridge must.
  if (person && ref.person && person->number != ref.person->number) {
    return booking_error::of(business_code::not_found, "the booking belongs to someone else");
  }
  return std::nullopt;
}

std::optional<write_receipt> bridge_booking_system::reconcile(std::string_view unit, const legacy_slot& slot,
                                                              const person_id& person, deadline until) {
  auto list = appointments(unit, person, {slot.start, slot.start + std::chrono::seconds{1}}, until);
  if (!list) return std::nullopt;
  for (const auto& a : list.value()) {
    if (a.slot.start == slot.start && same_hsa_id(a.slot.unit, slot.unit)) return write_receipt{a.id, {}};
  }
  return std::nullopt;
}

void bridge_booking_system::occupied_by_self(std::string_view unit, const legacy_slot& slot, const person_id& person,
                                             const std::string& moved_appointment, booking_error& e, deadline until) {
  if (!e.is_business() || e.business != business_code::slot_not_found) return;
  // 1.x books by time: "Tiden går inte längre att boka" also when this very person holds it,
  // which 2.0 calls USER_IS_ALREADY_OCCUPIED. The schedule has no range: every start before the end.
  auto list = appointments(unit, person, {std::nullopt, slot.end}, until);
  if (!list) return;  // no answer in time: the producer's own outcome stands
  for (const auto& a : list.value()) {
    // The booking being moved does not occupy the person: it is what they give up.
    if (!moved_appointment.empty() && a.id == moved_appointment) continue;
    if (a.slot.start < slot.end && slot.start < a.slot.end) {
      e.business = business_code::person_already_occupied;
      e.detail += "; the person already holds " + a.id + " at that time";
      // The producer's words describe the other outcome: our table's text fits this one.
      e.citizen_text.clear();
      return;
    }
  }
}

booking_result<write_receipt> bridge_booking_system::make(std::string_view unit, const make_request& r,
                                                          deadline until) {
  const auto slot = ids_.find_timeslot(r.slot, now());
  if (!slot) return core::failure<booking_error>{slot_gone(r.slot)};
  object_arena mem;
  crm11::mb__MakeBookingType req;
  req.healthcare_USCOREfacility_USCOREmed = slot->facility;
  req.requestedTimeslot = requested(mem, *slot, r.person, r.reason_text);
  if (r.invitation) req.requestedTimeslot->bookingId = mem.str(resolve(unit, *r.invitation).booking_id);
  auto* info = mem.make<crm11::crm__SubjectOfCareType>();
  info->phone = mem.opt(r.contact.phone);
  info->email = mem.opt(r.contact.email);
  info->address = mem.opt(r.contact.address);
  info->crmx__firstName = r.contact.first_name.empty() ? profile_.unknown_first_name : r.contact.first_name;
  info->crmx__lastName = r.contact.last_name.empty() ? profile_.unknown_last_name : r.contact.last_name;
  if (profile_.version == crm_version::v1_1 && (info->crmx__firstName.empty() || info->crmx__lastName.empty())) {
    // 1.1 requires the names; a 2.0 booking has none, and we do not invent them.
    return fail(business_code::invalid_request,
                "MakeBooking 1.1 needs firstName/lastName; configure unknown_first_name/unknown_last_name");
  }
  req.subject_USCOREof_USCOREcare_USCOREinfo = info;
  req.notification = mem.opt(r.notification);
  auto how = call_for(unit, r.person, until);
  auto resp = client_.call(mem, req, how);
  if (!resp) {
    if (resp.error().is_business() || !how.maybe_delivered || !profile_.reconcile_lost_writes) {
      return core::failure<booking_error>{std::move(resp.error())};
    }
    // The answer was lost, not necessarily the booking: a repeat would double-book.
    if (auto made = reconcile(unit, *slot, r.person, std::chrono::steady_clock::now() + std::chrono::seconds{2})) {
      return std::move(*made);
    }
    return core::failure<booking_error>{std::move(resp.error())};
  }
  auto* answer = resp.value();
  std::string id;
  const auto code = answer->resultCode;
  if (code != crm11::crm__ResultCodeEnum::ERROR) {
    lenient_reader read(violations_, "MakeBooking");
    const auto booking = read.text(answer->bookingId, "bookingId");
    if (!booking) {
      if (!answer->bookingId) read.missing("bookingId");
      // Booked, but the producer did not say under which id: find it.
      const std::optional<std::string> notice = answer->resultText ? std::optional(*answer->resultText) : std::nullopt;
      if (auto made = reconcile(unit, *slot, r.person, until)) {
        made->notice = code == crm11::crm__ResultCodeEnum::INFO ? notice.value_or("") : "";
        return std::move(*made);
      }
      return fail(technical_code::bad_backend_answer, "MakeBooking: OK without a bookingId, and none found");
    }
    id = ids_.appointment_id(slot->unit, *booking, r.person.number);
  }
  auto out = write_result("MakeBooking", static_cast<int>(code), answer->resultText, std::move(id));
  if (!out) occupied_by_self(unit, *slot, r.person, {}, out.error(), until);
  return out;
}

booking_result<write_receipt> bridge_booking_system::update(std::string_view unit, const update_request& r,
                                                            deadline until) {
  booking_ref ref = resolve(unit, r.appointment);
  if (auto refused = check_owner(ref, r.person, until)) return core::failure<booking_error>{std::move(*refused)};
  const auto slot = ids_.find_timeslot(r.slot, now());
  if (!slot) return core::failure<booking_error>{slot_gone(r.slot)};
  const person_id who = r.person ? *r.person : *ref.person;
  object_arena mem;
  crm11::ub__UpdateBookingType req;
  req.requestedTimeslot = requested(mem, *slot, who, r.reason_text);
  req.requestedTimeslot->bookingId = mem.str(ref.booking_id);
  req.notification = mem.opt(r.notification);
  auto how = call_for(unit, who, until);
  auto resp = client_.call(mem, req, how);
  if (!resp) return core::failure<booking_error>{std::move(resp.error())};
  // The bookingId stays; a move to another unit of the group changes the 2.0 id.
  const auto code = resp.value()->resultCode;
  std::string id = code == crm11::crm__ResultCodeEnum::ERROR ? std::string()
                                                               : ids_.appointment_id(slot->unit, ref.booking_id, who.number);
  auto out = write_result("UpdateBooking", static_cast<int>(code), resp.value()->resultText, std::move(id));
  if (!out) occupied_by_self(unit, *slot, who, ids_.appointment_uuid(ref.unit, ref.booking_id), out.error(), until);
  return out;
}

booking_result<write_receipt> bridge_booking_system::cancel(std::string_view unit, const cancel_request& r,
                                                            deadline until) {
  booking_ref ref = resolve(unit, r.appointment);
  if (r.person) {
    if (auto refused = check_owner(ref, r.person, until)) return core::failure<booking_error>{std::move(*refused)};
  }
  object_arena mem;
  crm11::cb__CancelBookingType req;
  req.healthcare_USCOREfacility = ref.unit;
  req.bookingId = ref.booking_id;
  req.message = mem.opt(r.reason_text);
  auto how = call_for(ref.unit, r.person ? r.person : ref.person, until);
  auto resp = client_.call(mem, req, how);
  if (!resp) return core::failure<booking_error>{std::move(resp.error())};
  const std::string id = ids_.appointment_uuid(ref.unit, ref.booking_id);
  return write_result("CancelBooking", static_cast<int>(resp.value()->resultCode), resp.value()->resultText, id);
}

booking_result<write_receipt> bridge_booking_system::confirm(std::string_view unit, const confirm_request& r,
                                                             deadline until) {
  // crm:scheduling has no preliminary bookings: every booking there is confirmed.
  booking_ref ref = resolve(unit, r.appointment);
  if (auto refused = check_owner(ref, r.person, until)) return core::failure<booking_error>{std::move(*refused)};
  return fail(business_code::appointment_already_confirmed, "crm:scheduling bookings are always confirmed");
}

}  // namespace tidnav::adapters::bridge
