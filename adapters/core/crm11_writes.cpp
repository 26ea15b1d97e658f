// SPDX-License-Identifier: GPL-2.0-or-later
// MakeBooking, UpdateBooking and CancelBooking of crm:scheduling 1.1, each run
// at most once per identical request (idempotent_write.hpp). 1.1 has no slot
// ids: the requested time is looked up among the free times (find_slot).
#include "adapters/core/crm11_internal.hpp"
#include "adapters/core/idempotent_write.hpp"

namespace tidnav::adapters::crm11_detail {
namespace {

std::string value_of(const std::string* s) { return s ? *s : std::string(); }

// Every business outcome of an updating 1.1 contract is ERROR with the citizen text.
template <class Response>
write_outcome refused(const request& r, Response& resp, const booking_error& e) {
  if (!e.is_business()) return {detail::technical_fault(e), false};
  arena mem;
  const std::string code(crm11_result(e.business).write_result_code);
  crm11::soap_s2crm__ResultCodeEnum(detail::write_context(contracts::family::crm11).get(), code.c_str(),
                                    &resp.resultCode);
  resp.resultText = mem.str(std::string(citizen_text(e)));
  return {detail::write_response(r.op, resp), false};
}

template <class Response>
void set_ok(Response& resp, arena& mem, const std::string& notice) {
  resp.resultCode = notice.empty() ? crm11::crm__ResultCodeEnum::OK : crm11::crm__ResultCodeEnum::INFO;
  resp.resultText = mem.opt(notice);
}

// The citizen a write is for: the number in the body, else a citizen actor.
booking_result<person_id> subject(const addressed& a, const std::string* in_body) {
  if (in_body && !in_body->empty()) return read_person(*in_body);
  if (a.headers.actor && a.headers.actor->type == "subject_of_care") return read_person(a.headers.actor->id);
  return fail(business_code::invalid_person, "subject_of_care is missing");
}

contact_details contact_of(const crm11::crm__SubjectOfCareType* s) {
  if (!s) return {};
  return {value_of(s->phone), value_of(s->email), value_of(s->address), s->crmx__firstName, s->crmx__lastName};
}

template <class Request>
write_identity identity(const request& r, const Request& req, const addressed& a, std::string subject) {
  return {r.call.consumer, "crm11:" + r.op.name, detail::canonical_request(r.op, req, a.headers), a.unit->hsa_id,
          std::move(subject)};
}

}  // namespace

producer_reply make_booking(const request& r) {
  crm11::mb__MakeBookingType req;
  addressed a;
  producer_reply fault;
  if (!open(r, req, a, fault)) return fault;
  crm11::mb__MakeBookingResponseType resp;
  if (!req.requestedTimeslot) return detail::client_fault("Invalid MakeBooking request", "requestedTimeslot is missing");
  auto unit = body_unit(r, req.healthcare_USCOREfacility_USCOREmed);
  if (!unit) return refused(r, resp, unit.error()).reply;
  auto who = subject(a, req.requestedTimeslot->subject_USCOREof_USCOREcare);
  if (!who) return refused(r, resp, who.error()).reply;
  return run_once(r.call.writes, identity(r, req, a, who.value().number), r.call.until, [&]() -> write_outcome {
    auto slot = find_slot(r, *unit.value(), *req.requestedTimeslot, std::nullopt, who.value());
    if (!slot) return refused(r, resp, slot.error());
    make_request m;
    m.person = who.value();
    m.slot = slot.value().id;
    m.reason_text = value_of(req.requestedTimeslot->reason);
    m.invitation = text_of(req.requestedTimeslot->bookingId);  // an open invitation being booked
    m.contact = contact_of(req.subject_USCOREof_USCOREcare_USCOREinfo);
    m.notification = value_of(req.notification);
    auto receipt = r.system.make(unit.value()->native_id, m, r.call.until);
    if (!receipt) return refused(r, resp, receipt.error());
    arena mem;
    resp.bookingId = mem.str(receipt.value().appointment);
    set_ok(resp, mem, receipt.value().notice);
    return {detail::write_response(r.op, resp), true};
  });
}

producer_reply update_booking(const request& r) {
  crm11::ub__UpdateBookingType req;
  addressed a;
  producer_reply fault;
  if (!open(r, req, a, fault)) return fault;
  crm11::ub__UpdateBookingResponseType resp;
  if (!req.requestedTimeslot) {
    return detail::client_fault("Invalid UpdateBooking request", "requestedTimeslot is missing");
  }
  const auto& wanted = *req.requestedTimeslot;
  const auto booking = text_of(wanted.bookingId);
  if (!booking) return refused(r, resp, booking_error::of(business_code::invalid_request, "bookingId is missing")).reply;
  auto unit = body_unit(r, wanted.healthcare_USCOREfacility);
  if (!unit) return refused(r, resp, unit.error()).reply;
  auto who = subject(a, wanted.subject_USCOREof_USCOREcare);
  if (!who) return refused(r, resp, who.error()).reply;
  return run_once(r.call.writes, identity(r, req, a, who.value().number), r.call.until, [&]() -> write_outcome {
    auto slot = find_slot(r, *unit.value(), wanted, booking, who.value());
    if (!slot) return refused(r, resp, slot.error());
    update_request u;
    u.appointment = *booking;
    u.person = who.value();
    u.slot = slot.value().id;
    u.reason_text = value_of(wanted.reason);
    u.notification = value_of(req.notification);
    auto receipt = r.system.update(unit.value()->native_id, u, r.call.until);
    if (!receipt) return refused(r, resp, receipt.error());
    arena mem;
    set_ok(resp, mem, receipt.value().notice);
    return {detail::write_response(r.op, resp), true};
  });
}

producer_reply cancel_booking(const request& r) {
  crm11::cb__CancelBookingType req;
  addressed a;
  producer_reply fault;
  if (!open(r, req, a, fault)) return fault;
  crm11::cb__CancelBookingResponseType resp;
  auto unit = body_unit(r, req.healthcare_USCOREfacility);
  if (!unit) return refused(r, resp, unit.error()).reply;
  // CancelBooking names no citizen; a citizen actor is checked against the booking.
  std::optional<person_id> who;
  if (a.headers.actor && a.headers.actor->type == "subject_of_care") {
    auto p = read_person(a.headers.actor->id);
    if (!p) return refused(r, resp, p.error()).reply;
    who = p.value();
  }
  const std::string subject = a.headers.actor ? a.headers.actor->id : std::string();
  return run_once(r.call.writes, identity(r, req, a, subject), r.call.until, [&]() -> write_outcome {
    cancel_request c;
    c.appointment = req.bookingId;
    c.person = who;
    c.reason_text = value_of(req.message);
    auto receipt = r.system.cancel(unit.value()->native_id, c, r.call.until);
    if (!receipt) return refused(r, resp, receipt.error());
    arena mem;
    set_ok(resp, mem, receipt.value().notice);
    return {detail::write_response(r.op, resp), true};
  });
}

}  // namespace tidnav::adapters::crm11_detail
