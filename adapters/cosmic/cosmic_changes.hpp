// SPDX-License-Identifier: GPL-2.0-or-later
// Cosmic as a change_source: `GET /Appointment?_lastUpdated=gt<W>&_sort=_lastUpdated&_count=N`
// without a Patient header (a system-level search).
// ASSUMPTION: COS documents AppointmentSe reads per patient only; a
// system-level _lastUpdated search with Bundle paging is not documented (README).
#pragma once

#include "adapters/core/change_source.hpp"
#include "adapters/cosmic/cosmic_client.hpp"

namespace tidnav::adapters::cosmic {

class cosmic_change_source final : public change_source {
 public:
  // `transport` must outlive this object. `max_pages`: pages read per call (the rest waits for the next).
  cosmic_change_source(cosmic_options options, http_transport& transport, std::size_t max_pages = 20);

  booking_result<std::size_t> changes_since(change_time since, std::size_t page_size,
                                            const std::function<bool(std::vector<booking_change>&)>& on_page,
                                            deadline until) override;

 private:
  cosmic_client client_;
  std::size_t max_pages_;
};

}  // namespace tidnav::adapters::cosmic
