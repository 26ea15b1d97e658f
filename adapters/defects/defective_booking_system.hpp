// SPDX-License-Identifier: GPL-2.0-or-later
// A booking_system decorator that misbehaves on request: wrap any booking
// system (the memory one, a simulator-backed adapter) and the contract
// front-ends in front of it turn into a producer with the switched-on defects.
// With every switch off it is a plain pass-through. Thread-safe.
//
// Behaviour defects live here; what only shows on the wire (past times the
// front-end would filter, a malformed timestamp) is response_mutator.hpp.
#pragma once

#include "adapters/core/booking_system.hpp"
#include "adapters/defects/defect_switches.hpp"

#include <map>
#include <mutex>
#include <set>
#include <string>

namespace tidnav::adapters::defects {

class defective_booking_system final : public booking_system {
 public:
  // Both must outlive this object.
  defective_booking_system(booking_system& inner, const defect_switches& switches);

  booking_result<std::vector<appointment>> appointments(std::string_view unit, const person_id& person,
                                                        const time_range& range, deadline until) override;
  booking_result<appointment> appointment_by_id(std::string_view unit, std::string_view id, deadline until) override;
  booking_result<std::vector<available_date>> available_dates(std::string_view unit, const availability_query& query,
                                                              deadline until) override;
  booking_result<std::vector<timeslot>> available_timeslots(std::string_view unit, const availability_query& query,
                                                            deadline until) override;
  booking_result<std::vector<time_type>> time_types(std::string_view unit, const catalogue_query& query,
                                                    deadline until) override;
  booking_result<std::vector<facility>> facilities(std::string_view unit, const catalogue_query& query,
                                                   deadline until) override;
  booking_result<std::vector<practitioner>> practitioners(std::string_view unit, const catalogue_query& query,
                                                          deadline until) override;
  booking_result<write_receipt> make(std::string_view unit, const make_request& request, deadline until) override;
  booking_result<write_receipt> update(std::string_view unit, const update_request& request,
                                       deadline until) override;
  booking_result<write_receipt> cancel(std::string_view unit, const cancel_request& request,
                                       deadline until) override;
  booking_result<write_receipt> confirm(std::string_view unit, const confirm_request& request,
                                        deadline until) override;

  // Bookings this object pretended to make on taken slots (double_booking).
  std::size_t phantom_bookings() const;

 private:
  bool hold(deadline until) const;  // slow_answers; false when the deadline ran out
  template <class T>
  booking_result<T> finish(booking_result<T> r) const;  // fault_for_business
  void remember_offered(std::string_view unit, const std::vector<timeslot>& slots);

  booking_system& inner_;
  const defect_switches& switches_;
  mutable std::mutex mu_;
  std::map<std::string, timeslot> offered_;  // unit + '\0' + slot id -> the slot as last offered
  std::map<std::string, timeslot> taken_;    // booked through us: re-offered while double_booking is on
  std::map<std::string, timeslot> blocked_;  // freed by a cancel but kept from offers (slot_not_freed)
  std::set<std::string> phantoms_;           // ids handed out for double bookings
  unsigned next_phantom_ = 1;
};

}  // namespace tidnav::adapters::defects
