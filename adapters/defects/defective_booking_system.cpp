// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/defects/defective_booking_system.hpp"

#include <algorithm>
#include <thread>

namespace tidnav::adapters::defects {
namespace {

constexpr std::size_t max_remembered = 20000;  // a long-running sandbox must not grow without bound

std::string key(std::string_view unit, std::string_view slot) {
  std::string k(unit);
  k.push_back('\0');
  k.append(slot);
  return k;
}

// crm:scheduling 1.1 has no slot ids: a front-end resolves a requested time by
// asking for the free slots starting in that very second. A producer that lets
// a slot be booked twice finds the taken slot in that lookup too, while its
// ordinary availability lists stay right.
bool is_exact_time_lookup(const availability_query& q) { return q.to - q.from <= std::chrono::minutes(1); }

}  // namespace

defective_booking_system::defective_booking_system(booking_system& inner, const defect_switches& switches)
    : inner_(inner), switches_(switches) {}

bool defective_booking_system::hold(deadline until) const {
  if (!switches_.on(defect::slow_answers)) return true;
  const auto wake = std::chrono::steady_clock::now() + switches_.delay();
  std::this_thread::sleep_until(std::min(wake, until));
  return wake <= until;
}

template <class T>
booking_result<T> defective_booking_system::finish(booking_result<T> r) const {
  if (!r && r.error().is_business() && switches_.on(defect::fault_for_business)) {
    return fail(technical_code::backend_down,
                "defect fault-for-business: " + std::string(to_string(r.error().business)));
  }
  return r;
}

void defective_booking_system::remember_offered(std::string_view unit, const std::vector<timeslot>& slots) {
  if (offered_.size() > max_remembered) offered_.clear();
  for (const auto& s : slots) offered_[key(unit, s.id)] = s;
}

std::size_t defective_booking_system::phantom_bookings() const {
  std::lock_guard lock(mu_);
  return phantoms_.size();
}

booking_result<std::vector<appointment>> defective_booking_system::appointments(std::string_view unit,
                                                                                const person_id& person,
                                                                                const time_range& range,
                                                                                deadline until) {
  if (!hold(until)) return fail(technical_code::timeout, "defect slow-answers");
  return finish(inner_.appointments(unit, person, range, until));
}

booking_result<appointment> defective_booking_system::appointment_by_id(std::string_view unit, std::string_view id,
                                                                        deadline until) {
  if (!hold(until)) return fail(technical_code::timeout, "defect slow-answers");
  return finish(inner_.appointment_by_id(unit, id, until));
}

booking_result<std::vector<available_date>> defective_booking_system::available_dates(std::string_view unit,
                                                                                     const availability_query& query,
                                                                                     deadline until) {
  if (!hold(until)) return fail(technical_code::timeout, "defect slow-answers");
  auto r = inner_.available_dates(unit, query, until);
  if (!r || !switches_.on(defect::slot_not_freed)) return finish(std::move(r));
  std::lock_guard lock(mu_);
  auto& dates = r.value();
  for (const auto& [k, slot] : blocked_) {
    if (slot.unit != unit) continue;
    const auto day = stockholm_date(slot.start);
    auto it = std::find_if(dates.begin(), dates.end(), [&](const available_date& d) {
      return d.date == day && d.type.code == slot.type.code && d.free_slots > 0;
    });
    if (it == dates.end()) continue;
    if (--it->free_slots == 0) dates.erase(it);
  }
  return r;
}

booking_result<std::vector<timeslot>> defective_booking_system::available_timeslots(std::string_view unit,
                                                                                   const availability_query& query,
                                                                                   deadline until) {
  if (!hold(until)) return fail(technical_code::timeout, "defect slow-answers");
  auto r = inner_.available_timeslots(unit, query, until);
  if (!r) return finish(std::move(r));
  std::lock_guard lock(mu_);
  auto& slots = r.value();
  remember_offered(unit, slots);
  if (switches_.on(defect::slot_not_freed)) {
    std::erase_if(slots, [&](const timeslot& s) { return blocked_.count(key(unit, s.id)) != 0; });
  }
  if (switches_.on(defect::double_booking) && is_exact_time_lookup(query)) {
    for (const auto& [k, s] : taken_) {
      const bool listed = std::any_of(slots.begin(), slots.end(), [&](const timeslot& o) { return o.id == s.id; });
      if (s.unit == unit && !listed && s.start >= query.from && s.start < query.to) slots.push_back(s);
    }
  }
  return r;
}

booking_result<std::vector<time_type>> defective_booking_system::time_types(std::string_view unit,
                                                                           const catalogue_query& query,
                                                                           deadline until) {
  if (!hold(until)) return fail(technical_code::timeout, "defect slow-answers");
  return finish(inner_.time_types(unit, query, until));
}

booking_result<std::vector<facility>> defective_booking_system::facilities(std::string_view unit,
                                                                          const catalogue_query& query,
                                                                          deadline until) {
  if (!hold(until)) return fail(technical_code::timeout, "defect slow-answers");
  return finish(inner_.facilities(unit, query, until));
}

booking_result<std::vector<practitioner>> defective_booking_system::practitioners(std::string_view unit,
                                                                                 const catalogue_query& query,
                                                                                 deadline until) {
  if (!hold(until)) return fail(technical_code::timeout, "defect slow-answers");
  return finish(inner_.practitioners(unit, query, until));
}

booking_result<write_receipt> defective_booking_system::make(std::string_view unit, const make_request& request,
                                                             deadline until) {
  if (!hold(until)) return fail(technical_code::timeout, "defect slow-answers");
  auto r = inner_.make(unit, request, until);
  std::lock_guard lock(mu_);
  const std::string k = key(unit, request.slot);
  if (r) {
    blocked_.erase(k);
    if (auto it = offered_.find(k); it != offered_.end()) {
      if (taken_.size() > max_remembered) taken_.clear();
      taken_[k] = it->second;
    }
    return r;
  }
  if (switches_.on(defect::double_booking) && r.error().is_business() &&
      r.error().business == business_code::requested_time_already_reserved) {
    const std::string id = "PHANTOM-" + std::to_string(next_phantom_++);
    phantoms_.insert(id);
    return write_receipt{id, {}};
  }
  return finish(std::move(r));
}

booking_result<write_receipt> defective_booking_system::update(std::string_view unit, const update_request& request,
                                                               deadline until) {
  if (!hold(until)) return fail(technical_code::timeout, "defect slow-answers");
  auto r = inner_.update(unit, request, until);
  if (r) {
    std::lock_guard lock(mu_);
    const std::string k = key(unit, request.slot);
    blocked_.erase(k);
    if (auto it = offered_.find(k); it != offered_.end()) taken_[k] = it->second;
  }
  return finish(std::move(r));
}

booking_result<write_receipt> defective_booking_system::cancel(std::string_view unit, const cancel_request& request,
                                                               deadline until) {
  if (!hold(until)) return fail(technical_code::timeout, "defect slow-answers");
  {
    std::lock_guard lock(mu_);
    if (phantoms_.erase(request.appointment) != 0) return write_receipt{request.appointment, {}};
  }
  // Which slot the booking held, learnt before it is gone (only when it matters).
  std::optional<timeslot> held;
  if (switches_.on(defect::slot_not_freed)) {
    if (auto a = inner_.appointment_by_id(unit, request.appointment, until)) held = a.value().slot;
  }
  auto r = inner_.cancel(unit, request, until);
  if (r && held) {
    std::lock_guard lock(mu_);
    if (blocked_.size() > max_remembered) blocked_.clear();
    blocked_[key(unit, held->id)] = *held;
  }
  return finish(std::move(r));
}

booking_result<write_receipt> defective_booking_system::confirm(std::string_view unit, const confirm_request& request,
                                                                deadline until) {
  if (!hold(until)) return fail(technical_code::timeout, "defect slow-answers");
  return finish(inner_.confirm(unit, request, until));
}

}  // namespace tidnav::adapters::defects
