// SPDX-License-Identifier: GPL-2.0-or-later
// Cambio Cosmic behind the booking_system interface, through Cambio Open
// Services (FHIR R4). Native unit ids are HSA-ids (COS searches by them);
// native slot and appointment ids are COS resource ids. See README.md for the
// mapping and for what is assumed (create and reschedule).
#pragma once

#include "adapters/core/booking_system.hpp"
#include "adapters/cosmic/cosmic_client.hpp"
#include "adapters/cosmic/cosmic_options.hpp"
#include "adapters/cosmic/http_transport.hpp"

namespace tidnav::adapters::cosmic {

class cosmic_booking_system final : public booking_system {
 public:
  // `transport` must outlive this object.
  cosmic_booking_system(cosmic_options options, http_transport& transport);

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
  // The HealthcareServices (time types) of `unit` as COS lists them for `person`.
  booking_result<std::vector<time_type>> services(std::string_view unit, const person_id& person, deadline until);
  // The raw Appointment resource, checked to belong to `person` when given.
  booking_result<nlohmann::json> read_raw(std::string_view id, const std::optional<person_id>& person,
                                          deadline until);

  cosmic_client client_;
};

}  // namespace tidnav::adapters::cosmic
