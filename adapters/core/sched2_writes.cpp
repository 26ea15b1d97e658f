// SPDX-License-Identifier: GPL-2.0-or-later
// The four updating contracts of scheduling 2.0, each run at most once per
// identical request (idempotent_write.hpp).
#include "adapters/core/idempotent_write.hpp"
#include "adapters/core/sched2_internal.hpp"

namespace tidnav::adapters::sched2_detail {
namespace {

std::optional<coded_value> code_of(const sched2::sch__CVType* c) {
  if (!c) return std::nullopt;
  return coded_value{c->code, c->codeSystem, c->displayName ? *c->displayName : std::string()};
}

std::string text_of(const std::string* s) { return s ? *s : std::string(); }

template <class Request>
write_identity identity(const request& r, const Request& req, const addressed& a, const person_id& who) {
  return {r.call.consumer, "sched2:" + r.op.name, detail::canonical_request(r.op, req, a.headers), a.unit->hsa_id,
          who.number};
}

// The answer to a failed write: a fault for technical errors, else the
// contract's specific result code. Nothing changed either way.
template <class Response>
write_outcome refused(const request& r, Response& resp, const booking_error& e, sched2_flow flow) {
  if (!e.is_business()) return {detail::technical_fault(e), false};
  arena mem;
  set_business(resp, mem, e, flow);
  return {detail::write_response(r.op, resp), false};
}

// Outcomes that need no booking system and no claim.
template <class Response>
producer_reply refused_now(const request& r, Response& resp, const booking_error& e, sched2_flow flow) {
  return refused(r, resp, e, flow).reply;
}

}  // namespace

producer_reply make_appointment(const request& r) {
  sched2::ma__MakeAppointmentType req;
  addressed a;
  producer_reply fault;
  if (!open(r, req, a, fault)) return fault;
  sched2::ma__MakeAppointmentResponseType resp;
  auto who = read_person(req.personId);
  if (!who) return refused_now(r, resp, who.error(), sched2_flow::make);
  return run_once(r.call.writes, identity(r, req, a, who.value()), r.call.until, [&]() -> write_outcome {
    const native_ref slot = resolve_timeslot(r, *a.unit, req.timeslotId);
    make_request m;
    m.person = who.value();
    m.slot = slot.id;
    m.reason_text = text_of(req.reasonText);
    m.reason_code = code_of(req.reasonCode);
    auto receipt = r.system.make(a.unit->native_id, m, r.call.until);
    if (!receipt) return refused(r, resp, receipt.error(), sched2_flow::make);
    arena mem;
    resp.appointmentId = mem.str(appointment_uuid(r, slot.unit, receipt.value().appointment));
    set_ok(resp, mem, receipt.value().notice);
    return {detail::write_response(r.op, resp), true};
  });
}

producer_reply update_appointment(const request& r) {
  sched2::ua__UpdateAppointmentType req;
  addressed a;
  producer_reply fault;
  if (!open(r, req, a, fault)) return fault;
  sched2::ua__UpdateAppointmentResponseType resp;
  auto who = read_person(req.personId);
  if (!who) return refused_now(r, resp, who.error(), sched2_flow::update);
  return run_once(r.call.writes, identity(r, req, a, who.value()), r.call.until, [&]() -> write_outcome {
    auto original = resolve_appointment(r, *a.unit, req.originalAppointmentId, who.value());
    if (!original) return refused(r, resp, original.error(), sched2_flow::update);
    const native_ref slot = resolve_timeslot(r, *a.unit, req.timeslotId);
    update_request u;
    u.appointment = original.value();
    u.person = who.value();
    u.slot = slot.id;
    u.reason_text = text_of(req.reasonText);
    u.reason_code = code_of(req.reasonCode);
    auto receipt = r.system.update(a.unit->native_id, u, r.call.until);
    if (!receipt) return refused(r, resp, receipt.error(), sched2_flow::update);
    arena mem;
    resp.appointmentId = mem.str(appointment_uuid(r, slot.unit, receipt.value().appointment));
    set_ok(resp, mem, receipt.value().notice);
    return {detail::write_response(r.op, resp), true};
  });
}

producer_reply cancel_appointment(const request& r) {
  sched2::ca__CancelAppointmentType req;
  addressed a;
  producer_reply fault;
  if (!open(r, req, a, fault)) return fault;
  sched2::ca__CancelAppointmentResponseType resp;
  auto who = read_person(req.personId);
  if (!who) return refused_now(r, resp, who.error(), sched2_flow::cancel);
  return run_once(r.call.writes, identity(r, req, a, who.value()), r.call.until, [&]() -> write_outcome {
    auto native = resolve_appointment(r, *a.unit, req.appointmentId, who.value());
    if (!native) return refused(r, resp, native.error(), sched2_flow::cancel);
    cancel_request c;
    c.appointment = native.value();
    c.person = who.value();
    c.reason_text = text_of(req.reasonText);
    c.reason_code = code_of(req.reasonCode);
    auto receipt = r.system.cancel(a.unit->native_id, c, r.call.until);
    if (!receipt) return refused(r, resp, receipt.error(), sched2_flow::cancel);
    arena mem;
    set_ok(resp, mem, receipt.value().notice);
    return {detail::write_response(r.op, resp), true};
  });
}

producer_reply confirm_appointment(const request& r) {
  sched2::cfa__ConfirmAppointmentType req;
  addressed a;
  producer_reply fault;
  if (!open(r, req, a, fault)) return fault;
  sched2::cfa__ConfirmAppointmentResponseType resp;
  auto who = read_person(req.personId);
  if (!who) return refused_now(r, resp, who.error(), sched2_flow::confirm);
  // Confirming twice changes nothing the second time, so it needs no claim:
  // the booking system answers APPOINTMENT_IS_ALREADY_CONFIRMED.
  auto native = resolve_appointment(r, *a.unit, req.appointmentId, who.value());
  if (!native) return refused_now(r, resp, native.error(), sched2_flow::confirm);
  auto receipt = r.system.confirm(a.unit->native_id, confirm_request{native.value(), who.value()}, r.call.until);
  if (!receipt) return refused_now(r, resp, receipt.error(), sched2_flow::confirm);
  arena mem;
  set_ok(resp, mem, receipt.value().notice);
  return detail::write_response(r.op, resp);
}

}  // namespace tidnav::adapters::sched2_detail
