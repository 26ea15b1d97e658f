// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/cosmic/cosmic_changes.hpp"

#include "adapters/cosmic/fhir_json.hpp"
#include "adapters/fhir/change_feed.hpp"

namespace tidnav::adapters::cosmic {

cosmic_change_source::cosmic_change_source(cosmic_options options, http_transport& transport, std::size_t max_pages)
    : client_(std::move(options), transport), max_pages_(max_pages) {}

booking_result<std::size_t> cosmic_change_source::changes_since(
    change_time since, std::size_t page_size, const std::function<bool(std::vector<booking_change>&)>& on_page,
    deadline until) {
  auto fetch = [&](const std::string& path) {
    return client_.call(call_kind::search, "GET", path, nullptr, nullptr, until);
  };
  auto read = [](const std::vector<nlohmann::json>& resources) -> booking_result<std::vector<booking_change>> {
    std::vector<booking_change> out;
    for (const auto& r : resources) {
      auto header = fhir::change_of(r);
      if (!header) return core::failure<booking_error>{header.error()};
      booking_change c = std::move(header.value());
      auto a = read_appointment(r);
      if (!a) {
        c.problem = a.error().detail;
        out.push_back(std::move(c));
        continue;
      }
      c.unit = a.value().slot.unit;  // the Location's HSA-id: Cosmic's native unit id
      c.start = a.value().slot.start;
      c.person = a.value().person.number;
      c.active = is_active_status(c.status);
      if (c.person.empty()) c.problem = "no Patient participant";
      out.push_back(std::move(c));
    }
    return out;
  };
  return fhir::page_changes(client_.options().base_url, "/Appointment?" + fhir::change_query(since, page_size),
                            max_pages_, fetch, read, on_page);
}

}  // namespace tidnav::adapters::cosmic
