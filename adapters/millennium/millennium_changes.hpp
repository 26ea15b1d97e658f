// SPDX-License-Identifier: GPL-2.0-or-later
// Millennium as a change_source: `GET /Appointment?_lastUpdated=gt<W>&_sort=_lastUpdated&_count=N`.
// ASSUMPTION: the documented Appointment search names patient, practitioner,
// location and _id only; that the tenant also answers _lastUpdated (a FHIR
// common search parameter) across all patients is not stated (README).
// Millennium names a Patient id: the person number is read from the Patient
// once per id and kept.
#pragma once

#include "adapters/core/change_source.hpp"
#include "adapters/millennium/millennium_client.hpp"

#include <map>
#include <mutex>

namespace tidnav::adapters::millennium {

class millennium_change_source final : public change_source {
 public:
  // `transport` must outlive this object.
  millennium_change_source(millennium_options options, http_transport& transport);

  booking_result<std::size_t> changes_since(change_time since, std::size_t page_size,
                                            const std::function<bool(std::vector<booking_change>&)>& on_page,
                                            deadline until) override;

 private:
  // "" when the Patient has no person number under the configured systems.
  booking_result<std::string> person_of(const std::string& patient_id, deadline until);

  millennium_client client_;
  std::mutex mu_;
  std::map<std::string, std::string> persons_;  // Patient id -> person number
};

}  // namespace tidnav::adapters::millennium
