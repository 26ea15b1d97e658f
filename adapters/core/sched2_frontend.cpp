// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/core/sched2_frontend.hpp"

#include "adapters/core/sched2_internal.hpp"

#include <array>
#include <utility>

namespace tidnav::adapters {
namespace sched2_detail {

bool resolve_unit(const request& r, addressed& a, producer_reply& fault) {
  // The LogicalAddress is the unit (2.0 has no unit in the body). An address we
  // do not serve means the call was routed to the wrong producer: that is not
  // something the citizen can act on, so it is a fault, not a result code.
  if (!a.headers.logical_address) {
    fault = detail::client_fault("The LogicalAddress header is missing");
    return false;
  }
  a.unit = r.units.by_hsa_id(*a.headers.logical_address);
  if (!a.unit) {
    fault = detail::client_fault("This producer does not serve the care unit " + *a.headers.logical_address);
    return false;
  }
  return true;
}

booking_result<person_id> read_person(const sched2::sch__PersonIdType* p) {
  if (!p) return fail(business_code::invalid_person, "personId is missing");
  const auto check = check_person_number(p->extension);
  if (!check) return fail(business_code::invalid_person, std::string(to_string(check.problem)));
  const char* root = sched2::soap_sch__PersonIdRootType2s(detail::write_context(contracts::family::sched2).get(), p->root);
  if (kind_of_oid(root ? root : "") != check.kind) {
    return fail(business_code::invalid_person, "root does not match the kind of number");
  }
  return person_id{*check.kind, p->extension};
}

std::string appointment_uuid(const request& r, std::string_view unit, std::string_view native_id) {
  return r.call.ids ? r.call.ids->remember(native_id_kind::appointment, unit, native_id)
                    : contract_id(native_id_kind::appointment, unit, native_id);
}

std::string timeslot_uuid(const request& r, std::string_view unit, std::string_view native_id) {
  return r.call.ids ? r.call.ids->remember(native_id_kind::timeslot, unit, native_id)
                    : contract_id(native_id_kind::timeslot, unit, native_id);
}

booking_result<std::string> resolve_appointment(const request& r, const unit_entry& unit, std::string_view uuid,
                                                const person_id& person) {
  const auto wanted = parse_uuid(uuid);
  if (!wanted) return fail(business_code::not_found, "appointmentId is not a UUID");
  if (r.call.ids) {
    if (auto ref = r.call.ids->find(native_id_kind::appointment, uuid)) return std::move(ref->id);
  }
  // Not handed out since this process started: list the person's bookings.
  auto list = r.system.appointments(unit.native_id, person, {}, r.call.until);
  if (!list) return core::failure<booking_error>{std::move(list.error())};
  const std::string canonical = format_uuid(*wanted);
  for (const auto& a : list.value()) {
    if (appointment_uuid(r, a.slot.unit, a.id) == canonical) return a.id;
  }
  // A booking system whose own ids are UUIDs (a cancelled booking is not listed).
  return std::string(uuid);
}

native_ref resolve_timeslot(const request& r, const unit_entry& unit, std::string_view uuid) {
  if (r.call.ids) {
    if (auto ref = r.call.ids->find(native_id_kind::timeslot, uuid)) return std::move(*ref);
  }
  return {unit.native_id, std::string(uuid)};
}

std::string hsa_of(const request& r, std::string_view native_unit, const unit_entry& fallback) {
  const unit_entry* e = r.units.by_native_id(native_unit);
  return e ? e->hsa_id : fallback.hsa_id;
}

sched2::sch__ResultCodeEnum result_code(std::string_view name) {
  sched2::sch__ResultCodeEnum out = sched2::sch__ResultCodeEnum::ERROR;
  const std::string text(name);
  sched2::soap_s2sch__ResultCodeEnum(detail::write_context(contracts::family::sched2).get(), text.c_str(), &out);
  return out;
}

}  // namespace sched2_detail

producer_reply handle_sched2(booking_system& system, const unit_table& units, std::string_view envelope,
                             const call_info& call) {
  using handler = producer_reply (*)(const sched2_detail::request&);
  static constexpr std::array<std::pair<std::string_view, handler>, 12> handlers{{
      {"GetAppointments", &sched2_detail::get_appointments},
      {"GetAppointment", &sched2_detail::get_appointment},
      {"GetAvailableDates", &sched2_detail::get_available_dates},
      {"GetAvailableTimeslots", &sched2_detail::get_available_timeslots},
      {"GetTimeTypes", &sched2_detail::get_time_types},
      {"GetHealthcareFacilities", &sched2_detail::get_healthcare_facilities},
      {"GetHealthcareFacility", &sched2_detail::get_healthcare_facility},
      {"GetPractitioners", &sched2_detail::get_practitioners},
      {"MakeAppointment", &sched2_detail::make_appointment},
      {"UpdateAppointment", &sched2_detail::update_appointment},
      {"CancelAppointment", &sched2_detail::cancel_appointment},
      {"ConfirmAppointment", &sched2_detail::confirm_appointment},
  }};
  const auto located = detail::locate(contracts::family::sched2, envelope);
  if (!located.op) return located.fault;
  const sched2_detail::request r{system, units, call, *located.op, envelope};
  for (const auto& [name, fn] : handlers) {
    if (name != located.op->name) continue;
    try {
      return fn(r);
    } catch (const std::exception& e) {
      // A booking system must answer with values; a throw is a bug, not a booking outcome.
      return detail::server_fault("Internal error in the adapter", e.what());
    }
  }
  return detail::client_fault("This producer does not offer " + located.op->name);
}

}  // namespace tidnav::adapters
