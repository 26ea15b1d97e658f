// SPDX-License-Identifier: GPL-2.0-or-later
// A booking_system that is a CLIENT of an existing crm:scheduling 1.0 or 1.1
// producer (PASiS, PMO, ... as profiles). The 2.0 and 1.1 front-ends of
// adapters/core serve it like any other booking system; this class does the
// 2.0 <-> 1.x mediation underneath (README.md):
//
// - native unit id = the unit's HSA-id at the producer (it is addressed by it);
// - native appointment id = uuid5(system, unit, bookingId), mapped back to the
//   bookingId through the id_store; a bookingId that is not such an id is
//   passed to the producer as it is (1.1 consumers that know the producer's ids);
// - native slot id = uuid5 of the 1.x timeslot, stored with the timeslot, so a
//   booking with it sends the right requestedTimeslot, also after a restart;
// - every producer answer is read leniently and each defect counted.
#pragma once

#include "adapters/bridge/id_store.hpp"
#include "adapters/bridge/legacy_client.hpp"
#include "adapters/bridge/legacy_profile.hpp"
#include "adapters/bridge/violations.hpp"
#include "adapters/core/booking_system.hpp"
#include "adapters/fhir/http_transport.hpp"

#include <functional>

namespace tidnav::adapters::bridge {

class bridge_booking_system final : public booking_system {
 public:
  // `transport`, `ids` and `violations` must outlive the system.
  bridge_booking_system(legacy_profile profile, fhir::http_transport& transport, id_store& ids,
                        violation_counter& violations, std::function<instant()> clock = {});

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

  const legacy_profile& profile() const { return profile_; }
  const violation_counter& violations() const { return violations_; }

 private:
  struct booking_ref {
    std::string unit;        // native unit id
    std::string booking_id;  // the producer's
    std::optional<person_id> person;
  };
  booking_ref resolve(std::string_view unit, std::string_view id) const;
  // The booking's person when the store does not know it (GetBookingDetails).
  booking_result<appointment> details(const booking_ref& ref, deadline until);
  // The person may act on the booking: the store's or the producer's owner matches.
  std::optional<booking_error> check_owner(booking_ref& ref, const std::optional<person_id>& person, deadline until);
  legacy_call call_for(std::string_view unit, const std::optional<person_id>& person, deadline until) const;
  // subject_of_care for a 1.1 request: the person, else the configured stand-in.
  booking_result<std::string> subject_for(const std::optional<person_id>& person) const;
  // GetAvailableTimeslots and GetAvailableDates ask the same question (crm_versions.cpp
  // copies them with one template too); `subject` is the request's 1.1
  // subject_of_care member, which each contract names in its own namespace.
  template <class Request>
  std::optional<booking_error> ask_availability(object_arena& mem, Request& req, std::string Request::*subject,
                                                std::string_view unit, const availability_query& q) const;
  booking_result<write_receipt> write_result(const char* contract, int code, const std::string* text,
                                             std::string appointment_id);
  // After a lost MakeBooking answer: the booking, if the producer made it.
  std::optional<write_receipt> reconcile(std::string_view unit, const legacy_slot& slot, const person_id& person,
                                         deadline until);
  // A time the producer calls no longer bookable may be taken by the person asking:
  // then the outcome is person_already_occupied (one schedule look-up, error path only).
  void occupied_by_self(std::string_view unit, const legacy_slot& slot, const person_id& person,
                        const std::string& moved_appointment, booking_error& e, deadline until);
  instant now() const { return clock_(); }

  legacy_profile profile_;
  legacy_client client_;
  id_store& ids_;
  violation_counter& violations_;
  std::function<instant()> clock_;
};

}  // namespace tidnav::adapters::bridge
