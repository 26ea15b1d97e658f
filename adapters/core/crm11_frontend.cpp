// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/core/crm11_frontend.hpp"

#include "adapters/core/crm11_internal.hpp"

#include <array>
#include <utility>

namespace tidnav::adapters {
namespace crm11_detail {

bool resolve_unit(const request& r, addressed& a, producer_reply& fault) {
  // Same rule as 2.0: an address we do not serve was routed to the wrong producer.
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

booking_result<const unit_entry*> body_unit(const request& r, std::string_view hsa_id) {
  const unit_entry* e = r.units.by_hsa_id(hsa_id);
  if (!e) return fail(business_code::unit_not_found, "healthcare_facility " + std::string(hsa_id) + " is not served here");
  return e;
}

booking_result<person_id> read_person(std::string_view number) {
  const auto check = check_person_number(number);
  if (!check) return fail(business_code::invalid_person, std::string(to_string(check.problem)));
  return person_id{*check.kind, std::string(number)};
}

std::optional<std::string> text_of(const std::string* s) {
  if (!s || s->empty()) return std::nullopt;
  return *s;
}

booking_result<timeslot> find_slot(const request& r, const unit_entry& unit, const crm11::crm__TimeslotType& wanted,
                                   const std::optional<std::string>& original,
                                   const std::optional<person_id>& person) {
  if (!wanted.startTimeInclusive) return fail(business_code::invalid_request, "startTimeInclusive is missing");
  const auto start = ts_to_instant(*wanted.startTimeInclusive);
  if (!start) return fail(business_code::invalid_request, "startTimeInclusive is not a Swedish local time");
  std::optional<instant> end;
  if (wanted.endTimeExclusive) {
    end = ts_to_instant(*wanted.endTimeExclusive);
    if (!end) return fail(business_code::invalid_request, "endTimeExclusive is not a Swedish local time");
  }
  const auto time_type = text_of(wanted.timeTypeID);
  const auto performer = text_of(wanted.performer);
  const auto resource = text_of(wanted.resourceID);
  availability_query q;
  q.from = *start;
  q.to = *start + std::chrono::seconds{1};
  q.original_appointment = original;
  q.person = person;
  q.time_type = time_type;
  if (performer) q.practitioners.push_back(*performer);
  q.care_type = text_of(wanted.careTypeID);
  auto slots = r.system.available_timeslots(unit.native_id, q, r.call.until);
  if (!slots) return core::failure<booking_error>{std::move(slots.error())};
  for (auto& s : slots.value()) {
    if (s.start != *start || (end && s.end != *end)) continue;
    if (time_type && s.type.code != *time_type) continue;
    if (resource && (!s.resource || s.resource->id != *resource)) continue;
    if (performer) {
      bool with = false;
      for (const auto& p : s.practitioners) with = with || same_hsa_id(p.hsa_id, *performer);
      if (!with) continue;
    }
    return std::move(s);
  }
  return fail(business_code::slot_not_found, "no free slot matches the requested time");
}

}  // namespace crm11_detail

producer_reply handle_crm11(booking_system& system, const unit_table& units, std::string_view envelope,
                            const call_info& call) {
  using handler = producer_reply (*)(const crm11_detail::request&);
  static constexpr std::array<std::pair<std::string_view, handler>, 11> handlers{{
      {"GetSubjectOfCareSchedule", &crm11_detail::get_subject_of_care_schedule},
      {"GetBookingDetails", &crm11_detail::get_booking_details},
      {"GetAvailableDates", &crm11_detail::get_available_dates},
      {"GetAvailableTimeslots", &crm11_detail::get_available_timeslots},
      {"GetAllTimeTypes", &crm11_detail::get_all_time_types},
      {"GetAllCareTypes", &crm11_detail::get_all_care_types},
      {"GetAllHealthcareFacilities", &crm11_detail::get_all_healthcare_facilities},
      {"GetAllPerformers", &crm11_detail::get_all_performers},
      {"MakeBooking", &crm11_detail::make_booking},
      {"UpdateBooking", &crm11_detail::update_booking},
      {"CancelBooking", &crm11_detail::cancel_booking},
  }};
  const auto located = detail::locate(contracts::family::crm11, envelope);
  if (!located.op) return located.fault;
  const crm11_detail::request r{system, units, call, *located.op, envelope};
  for (const auto& [name, fn] : handlers) {
    if (name != located.op->name) continue;
    try {
      return fn(r);
    } catch (const std::exception& e) {
      return detail::server_fault("Internal error in the adapter", e.what());
    }
  }
  return detail::client_fault("This producer does not offer " + located.op->name);
}

}  // namespace tidnav::adapters
