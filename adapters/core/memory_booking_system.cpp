// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/core/memory_booking_system.hpp"

#include "adapters/core/unit_table.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace tidnav::adapters {
namespace {

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool offers(const std::vector<std::string>& practitioners, const std::vector<std::string>& wanted) {
  if (wanted.empty()) return true;
  for (const auto& w : wanted) {
    for (const auto& p : practitioners) {
      if (same_hsa_id(p, w)) return true;
    }
  }
  return false;
}

}  // namespace

memory_booking_system::memory_booking_system(memory_seed seed, std::function<instant()> clock)
    : clock_(std::move(clock)), rules_(seed.rules), units_(std::move(seed.units)), slots_(std::move(seed.slots)) {
  if (!clock_) {
    if (seed.now) {
      clock_ = [fixed = *seed.now] { return fixed; };
    } else {
      clock_ = [] { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); };
    }
  }
  for (auto& b : seed.bookings) add_booking(std::move(b));
}

void memory_booking_system::add_booking(memory_booking booking) {
  std::lock_guard lock(mutex_);
  if (!booking.cancelled) slot_booking_[booking.slot] = booking.id;
  bookings_[booking.id] = std::move(booking);
}

void memory_booking_system::fail_with(std::optional<technical_code> failure) {
  std::lock_guard lock(mutex_);
  failure_ = failure;
}

std::size_t memory_booking_system::bookings_on_slot(std::string_view slot) const {
  std::lock_guard lock(mutex_);
  std::size_t n = 0;
  for (const auto& [id, b] : bookings_) n += (!b.cancelled && b.slot == slot) ? 1 : 0;
  return n;
}

std::optional<booking_error> memory_booking_system::failure() const {
  if (failure_) return booking_error::of(*failure_, "memory booking system told to fail");
  return std::nullopt;
}

const memory_unit* memory_booking_system::unit_of(std::string_view id) const {
  for (const auto& u : units_) {
    if (u.info.unit == id) return &u;
  }
  return nullptr;
}

bool memory_booking_system::in_group(const memory_unit& unit, std::string_view other) const {
  return unit.info.unit == other || contains(unit.group, other);
}

const memory_slot* memory_booking_system::slot_of(const memory_unit& unit, std::string_view id) const {
  for (const auto& s : slots_) {
    if (s.id == id && in_group(unit, s.unit)) return &s;
  }
  return nullptr;
}

const time_type* memory_booking_system::type_of(std::string_view unit, std::string_view code) const {
  const memory_unit* u = unit_of(unit);
  if (!u) return nullptr;
  for (const auto& t : u->time_types) {
    if (t.code == code) return &t;
  }
  return nullptr;
}

timeslot memory_booking_system::to_timeslot(const memory_slot& s) const {
  timeslot out;
  out.id = s.id;
  out.unit = s.unit;
  out.start = s.start;
  out.end = s.end;
  if (const time_type* t = type_of(s.unit, s.time_type)) out.type = *t;
  out.type.code = s.time_type;
  if (const memory_unit* u = unit_of(s.unit)) {
    for (const auto& hsa : s.practitioners) {
      for (const auto& p : u->practitioners) {
        if (same_hsa_id(p.hsa_id, hsa)) out.practitioners.push_back(p);
      }
    }
  }
  out.resource = s.resource;
  return out;
}

appointment memory_booking_system::to_appointment(const memory_booking& b) const {
  appointment out;
  out.id = b.id;
  out.person = b.person;
  for (const auto& s : slots_) {
    if (s.id == b.slot) out.slot = to_timeslot(s);
  }
  out.status = b.status;
  out.invitation = b.invitation;
  out.reason_text = b.reason;
  out.purpose = b.purpose;
  const auto left = out.slot.start - now();
  out.cancel_allowed = out.slot.type.cancel_allowed && left >= rules_.cancel_notice;
  out.update_allowed = out.slot.type.update_allowed && left >= rules_.rebook_notice;
  return out;
}

bool memory_booking_system::booked(const memory_slot& s) const { return slot_booking_.count(s.id) != 0; }

bool memory_booking_system::matches(const memory_slot& s, const availability_query& q) const {
  if (s.start < q.from || s.start >= q.to || s.start <= now()) return false;
  if (q.time_type && s.time_type != *q.time_type) return false;
  if (!offers(s.practitioners, q.practitioners)) return false;
  const time_type* t = type_of(s.unit, s.time_type);
  if (q.healthcare_service && (!t || !contains(t->healthcare_services, *q.healthcare_service))) return false;
  if (q.care_type && (!t || !t->care || t->care->id != *q.care_type)) return false;
  if (q.original_appointment) {
    // A rebooking keeps the original's time type.
    const auto it = bookings_.find(*q.original_appointment);
    if (it != bookings_.end()) {
      for (const auto& orig : slots_) {
        if (orig.id == it->second.slot && orig.time_type != s.time_type) return false;
      }
    }
  }
  return true;
}

std::vector<timeslot> memory_booking_system::free_slots(const memory_unit& unit, const availability_query& q) const {
  std::vector<timeslot> out;
  for (const auto& s : slots_) {
    if (s.unit == unit.info.unit && !booked(s) && matches(s, q)) out.push_back(to_timeslot(s));
  }
  std::sort(out.begin(), out.end(), [](const timeslot& a, const timeslot& b) { return a.start < b.start; });
  return out;
}

std::optional<booking_error> memory_booking_system::check_bookable(const memory_slot& s, const person_id& person,
                                                                   std::string_view ignore_booking) const {
  if (s.start <= now()) return booking_error::of(business_code::requested_time_passed, s.id);
  if (booked(s)) return booking_error::of(business_code::requested_time_already_reserved, s.id);
  if (s.start - now() < rules_.book_notice) return booking_error::of(business_code::too_late_to_book, s.id);
  for (const auto& [id, b] : bookings_) {
    if (b.cancelled || id == ignore_booking || b.person.number != person.number) continue;
    for (const auto& other : slots_) {
      if (other.id == b.slot && other.start < s.end && s.start < other.end) {
        return booking_error::of(business_code::person_already_occupied, id);
      }
    }
  }
  return std::nullopt;
}

// ---- reads --------------------------------------------------------------------

booking_result<std::vector<appointment>> memory_booking_system::appointments(std::string_view unit,
                                                                             const person_id& person,
                                                                             const time_range& range, deadline) {
  std::lock_guard lock(mutex_);
  if (auto f = failure()) return core::failure<booking_error>{*f};
  if (!unit_of(unit)) return fail(business_code::unit_not_found, std::string(unit));
  std::vector<appointment> out;
  for (const auto& [id, b] : bookings_) {
    if (b.cancelled || b.person.number != person.number) continue;
    appointment a = to_appointment(b);
    if (a.slot.unit == unit && range.contains(a.slot.start)) out.push_back(std::move(a));
  }
  std::sort(out.begin(), out.end(), [](const appointment& a, const appointment& b) { return a.slot.start < b.slot.start; });
  return out;
}

booking_result<appointment> memory_booking_system::appointment_by_id(std::string_view unit, std::string_view id,
                                                                     deadline) {
  std::lock_guard lock(mutex_);
  if (auto f = failure()) return core::failure<booking_error>{*f};
  const memory_unit* u = unit_of(unit);
  if (!u) return fail(business_code::unit_not_found, std::string(unit));
  const auto it = bookings_.find(id);
  if (it == bookings_.end() || it->second.cancelled) return fail(business_code::not_found, std::string(id));
  appointment a = to_appointment(it->second);
  if (!in_group(*u, a.slot.unit)) return fail(business_code::not_found, std::string(id));
  return a;
}

booking_result<std::vector<timeslot>> memory_booking_system::available_timeslots(std::string_view unit,
                                                                                 const availability_query& query,
                                                                                 deadline) {
  std::lock_guard lock(mutex_);
  if (auto f = failure()) return core::failure<booking_error>{*f};
  const memory_unit* u = unit_of(unit);
  if (!u) return fail(business_code::unit_not_found, std::string(unit));
  return free_slots(*u, query);
}

booking_result<std::vector<available_date>> memory_booking_system::available_dates(std::string_view unit,
                                                                                   const availability_query& query,
                                                                                   deadline) {
  std::lock_guard lock(mutex_);
  if (auto f = failure()) return core::failure<booking_error>{*f};
  const memory_unit* u = unit_of(unit);
  if (!u) return fail(business_code::unit_not_found, std::string(unit));
  // One entry per date and combination of time type, practitioner and resource.
  std::vector<available_date> out;
  for (const auto& s : free_slots(*u, query)) {
    const auto date = stockholm_date(s.start);
    const std::string who = s.practitioners.empty() ? std::string() : s.practitioners.front().hsa_id;
    const std::string what = s.resource ? s.resource->id : std::string();
    auto same = [&](const available_date& d) {
      return d.date == date && d.type.code == s.type.code && (d.with ? d.with->hsa_id : std::string()) == who &&
             (d.resource ? d.resource->id : std::string()) == what;
    };
    const auto it = std::find_if(out.begin(), out.end(), same);
    if (it != out.end()) {
      ++it->free_slots;
      continue;
    }
    available_date d{date, s.unit, 1, s.type, std::nullopt, s.resource};
    if (!s.practitioners.empty()) d.with = s.practitioners.front();
    out.push_back(std::move(d));
  }
  return out;
}

booking_result<std::vector<time_type>> memory_booking_system::time_types(std::string_view unit,
                                                                         const catalogue_query& query, deadline) {
  std::lock_guard lock(mutex_);
  if (auto f = failure()) return core::failure<booking_error>{*f};
  const memory_unit* u = unit_of(unit);
  if (!u) return fail(business_code::unit_not_found, std::string(unit));
  std::vector<time_type> out;
  for (const auto& t : u->time_types) {
    if (!query.time_types.empty() && !contains(query.time_types, t.code)) continue;
    if (!query.care_types.empty() && (!t.care || !contains(query.care_types, t.care->id))) continue;
    if (query.healthcare_service && !contains(t.healthcare_services, *query.healthcare_service)) continue;
    if (!query.practitioners.empty()) {
      // A practitioner gives a time type when some slot of that type is theirs.
      bool given = false;
      for (const auto& s : slots_) given = given || (s.unit == u->info.unit && s.time_type == t.code &&
                                                    offers(s.practitioners, query.practitioners));
      if (!given) continue;
    }
    out.push_back(t);
  }
  return out;
}

booking_result<std::vector<facility>> memory_booking_system::facilities(std::string_view unit,
                                                                        const catalogue_query& query, deadline) {
  std::lock_guard lock(mutex_);
  if (auto f = failure()) return core::failure<booking_error>{*f};
  const memory_unit* u = unit_of(unit);
  if (!u) return fail(business_code::unit_not_found, std::string(unit));
  if (query.original_appointment && !bookings_.count(*query.original_appointment)) {
    return std::vector<facility>{};  // an unknown booking gives an empty list (TKB 1.1)
  }
  std::vector<std::string> ids = u->group.empty() ? std::vector<std::string>{u->info.unit} : u->group;
  std::vector<facility> out;
  for (const auto& id : ids) {
    const memory_unit* member = unit_of(id);
    if (!member) continue;
    if (!query.time_types.empty()) {
      bool has = false;
      for (const auto& t : member->time_types) has = has || contains(query.time_types, t.code);
      if (!has) continue;
    }
    out.push_back(member->info);
  }
  return out;
}

booking_result<std::vector<practitioner>> memory_booking_system::practitioners(std::string_view unit,
                                                                               const catalogue_query& query,
                                                                               deadline) {
  std::lock_guard lock(mutex_);
  if (auto f = failure()) return core::failure<booking_error>{*f};
  const memory_unit* u = unit_of(unit);
  if (!u) return fail(business_code::unit_not_found, std::string(unit));
  std::vector<practitioner> out;
  for (const auto& p : u->practitioners) {
    if (!query.time_types.empty() || !query.care_types.empty()) {
      bool gives = false;
      for (const auto& s : slots_) {
        if (s.unit != u->info.unit || !offers(s.practitioners, {p.hsa_id})) continue;
        const time_type* t = type_of(s.unit, s.time_type);
        const bool type_ok = query.time_types.empty() || contains(query.time_types, s.time_type);
        const bool care_ok = query.care_types.empty() || (t && t->care && contains(query.care_types, t->care->id));
        gives = gives || (type_ok && care_ok);
      }
      if (!gives) continue;
    }
    out.push_back(p);
  }
  return out;
}

// ---- writes -------------------------------------------------------------------

booking_result<write_receipt> memory_booking_system::make(std::string_view unit, const make_request& request,
                                                          deadline) {
  std::lock_guard lock(mutex_);
  if (auto f = failure()) return core::failure<booking_error>{*f};
  const memory_unit* u = unit_of(unit);
  if (!u) return fail(business_code::unit_not_found, std::string(unit));
  const memory_slot* s = slot_of(*u, request.slot);
  if (!s) return fail(business_code::slot_not_found, request.slot);
  if (auto refusal = check_bookable(*s, request.person, {})) return core::failure<booking_error>{*refusal};
  memory_booking b;
  b.id = "BK-" + std::to_string(next_id_++);
  b.person = request.person;
  b.slot = s->id;
  b.reason = request.reason_text;
  slot_booking_[s->id] = b.id;
  const std::string id = b.id;
  bookings_[id] = std::move(b);
  ++bookings_made_;
  return write_receipt{id, {}};
}

booking_result<write_receipt> memory_booking_system::update(std::string_view unit, const update_request& request,
                                                            deadline) {
  std::lock_guard lock(mutex_);
  if (auto f = failure()) return core::failure<booking_error>{*f};
  const memory_unit* u = unit_of(unit);
  if (!u) return fail(business_code::unit_not_found, std::string(unit));
  const auto it = bookings_.find(request.appointment);
  if (it == bookings_.end() || (request.person && it->second.person.number != request.person->number)) {
    return fail(business_code::not_found, request.appointment);
  }
  memory_booking& b = it->second;
  if (b.cancelled) return fail(business_code::appointment_already_canceled, b.id);
  const appointment current = to_appointment(b);
  if (!current.slot.type.update_allowed) return fail(business_code::not_allowed, b.id);
  if (current.slot.start - now() < rules_.rebook_notice) return fail(business_code::too_late_to_rebook, b.id);
  const memory_slot* s = slot_of(*u, request.slot);
  if (!s) return fail(business_code::slot_not_found, request.slot);
  if (auto refusal = check_bookable(*s, b.person, b.id)) return core::failure<booking_error>{*refusal};
  // The old time is free again at once; the booking keeps its id.
  slot_booking_.erase(b.slot);
  b.slot = s->id;
  if (!request.reason_text.empty()) b.reason = request.reason_text;
  b.invitation = false;  // a rebooked invitation is a booking (TKB 1.1)
  slot_booking_[s->id] = b.id;
  return write_receipt{b.id, {}};
}

booking_result<write_receipt> memory_booking_system::cancel(std::string_view unit, const cancel_request& request,
                                                            deadline) {
  std::lock_guard lock(mutex_);
  if (auto f = failure()) return core::failure<booking_error>{*f};
  if (!unit_of(unit)) return fail(business_code::unit_not_found, std::string(unit));
  const auto it = bookings_.find(request.appointment);
  if (it == bookings_.end() || (request.person && it->second.person.number != request.person->number)) {
    return fail(business_code::not_found, request.appointment);
  }
  memory_booking& b = it->second;
  if (b.cancelled) return fail(business_code::appointment_already_canceled, b.id);
  const appointment current = to_appointment(b);
  if (!current.slot.type.cancel_allowed) return fail(business_code::not_allowed, b.id);
  if (current.slot.start - now() < rules_.cancel_notice) return fail(business_code::too_late_to_cancel, b.id);
  b.cancelled = true;
  slot_booking_.erase(b.slot);
  return write_receipt{b.id, {}};
}

booking_result<write_receipt> memory_booking_system::confirm(std::string_view unit, const confirm_request& request,
                                                             deadline) {
  std::lock_guard lock(mutex_);
  if (auto f = failure()) return core::failure<booking_error>{*f};
  if (!unit_of(unit)) return fail(business_code::unit_not_found, std::string(unit));
  const auto it = bookings_.find(request.appointment);
  if (it == bookings_.end() || it->second.person.number != request.person.number) {
    return fail(business_code::not_found, request.appointment);
  }
  memory_booking& b = it->second;
  if (b.cancelled) return fail(business_code::appointment_already_canceled, b.id);
  if (b.status == appointment_status::confirmed) return fail(business_code::appointment_already_confirmed, b.id);
  if (to_appointment(b).slot.start <= now()) return fail(business_code::too_late_to_confirm, b.id);
  b.status = appointment_status::confirmed;
  return write_receipt{b.id, {}};
}

}  // namespace tidnav::adapters
