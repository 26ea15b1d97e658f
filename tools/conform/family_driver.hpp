// SPDX-License-Identifier: GPL-2.0-or-later
// One contract family as the booking flow sees it: list, read, search, book,
// rebook, cancel. sched2_driver.cpp and crm11_driver.cpp build the requests
// (fields for the generated writer) and read the answers into booking_views.
#pragma once

#include "tools/conform/booking_views.hpp"
#include "tools/conform/check_board.hpp"
#include "tools/conform/contract_client.hpp"

#include <memory>
#include <string>
#include <vector>

namespace tidnav::conform {

struct conform_options;

class family_driver {
 public:
  virtual ~family_driver() = default;

  virtual std::string_view list_contract() const = 0;    // GetAppointments | GetSubjectOfCareSchedule
  virtual std::string_view read_contract() const = 0;    // GetAppointment | GetBookingDetails
  virtual std::string_view make_contract() const = 0;    // MakeAppointment | MakeBooking
  virtual std::string_view update_contract() const = 0;  // UpdateAppointment | UpdateBooking
  virtual std::string_view cancel_contract() const = 0;  // CancelAppointment | CancelBooking

  virtual reply<std::vector<listed_booking>> list(const std::string& person, std::string purpose,
                                                  const call_options& options = {}) = 0;
  virtual reply<booking_details> read(const std::string& id, const std::string& person, std::string purpose) = 0;
  virtual reply<std::vector<free_date>> dates(const search& s, std::string purpose) = 0;
  virtual reply<std::vector<free_slot>> slots(const search& s, std::string purpose) = 0;
  virtual reply<write_result> make(const free_slot& slot, const std::string& reason, std::string purpose) = 0;
  virtual reply<write_result> update(const std::string& id, const free_slot& to, const std::string& reason,
                                     std::string purpose) = 0;
  // `person`: whose name the cancel is asked in (2.0 personId, 1.1 citizen Actor);
  // `booked`: the time the booking holds, for its cancellation rules (may be null).
  virtual reply<write_result> cancel(const std::string& id, const std::string& person, const std::string& reason,
                                     const free_slot* booked, std::string purpose) = 0;

  // The catalogue contracts (units, time types, practitioners...): called once
  // for the schema and SLA checks; returns the units the addressed unit books for.
  virtual std::vector<std::string> catalogue(check_board& board) = 0;
  // Contract calls the SLA check repeats: contract -> fields of a harmless read.
  virtual std::vector<std::pair<std::string, fields>> sla_reads(const search& s) const = 0;
  // Contract-specific probes with an unknown id beyond Update/Cancel (2.0 ConfirmAppointment).
  virtual void unknown_id_extras(check_board& board) { (void)board; }
  // An id no producer has handed out.
  virtual std::string unknown_id() const = 0;
  // The body of the list call (the malformed-request check spoils it).
  virtual fields list_fields(const std::string& person) const = 0;
  virtual std::string person_field_path() const = 0;  // where the person number goes in list_fields
};

std::unique_ptr<family_driver> make_sched2_driver(contract_client& client, const conform_options& options);
std::unique_ptr<family_driver> make_crm11_driver(contract_client& client, const conform_options& options);

}  // namespace tidnav::conform
