// SPDX-License-Identifier: GPL-2.0-or-later
// Oracle Health Millennium behind the booking_system interface, through its
// FHIR R4 API. Native unit ids are Millennium Location ids; native slot and
// appointment ids are FHIR resource ids (valid only within base_url's tenant).
// See README.md for the mapping and for what is assumed.
#pragma once

#include "adapters/core/booking_system.hpp"
#include "adapters/millennium/millennium_client.hpp"
#include "adapters/millennium/millennium_options.hpp"
#include "adapters/millennium/http_transport.hpp"

#include <optional>
#include <string>

namespace tidnav::adapters::millennium {

class millennium_booking_system final : public booking_system {
 public:
  // `transport` must outlive this object.
  millennium_booking_system(millennium_options options, http_transport& transport);

  booking_result<std::vector<appointment>> appointments(std::string_view unit, const person_id& person,
                                                        const time_range& range, deadline until) override;
  booking_result<appointment> appointment_by_id(std::string_view unit, std::string_view id,
                                                deadline until) override;
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

 private:
  // The Patient id for a person number; "" when Millennium knows no such patient.
  booking_result<std::string> patient_id(const person_id& person, deadline until);
  // An appointment as it stands now, with what a PATCH needs (If-Match) and
  // checked to belong to `person` when given (someone else's is not_found).
  struct current_appointment {
    appointment value;
    std::string status;
    std::string if_match;
  };
  booking_result<current_appointment> current(std::string_view id, const std::optional<person_id>& person,
                                              deadline until);

  millennium_client client_;
};

}  // namespace tidnav::adapters::millennium
