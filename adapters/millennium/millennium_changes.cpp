// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/millennium/millennium_changes.hpp"

#include "adapters/fhir/change_feed.hpp"
#include "adapters/millennium/fhir_mapping.hpp"

namespace tidnav::adapters::millennium {

millennium_change_source::millennium_change_source(millennium_options options, http_transport& transport)
    : client_(std::move(options), transport) {}

booking_result<std::string> millennium_change_source::person_of(const std::string& patient_id, deadline until) {
  {
    const std::lock_guard lock(mu_);
    if (auto it = persons_.find(patient_id); it != persons_.end()) return it->second;
  }
  auto doc = client_.call(call_kind::read, "GET", "/Patient/" + url_encode(patient_id), nullptr, until);
  if (!doc) return core::failure<booking_error>{doc.error()};
  const auto who = read_patient_person(doc.value().body, client_.options());
  const std::string number = who ? who->number : std::string();
  const std::lock_guard lock(mu_);
  persons_[patient_id] = number;
  return number;
}

booking_result<std::size_t> millennium_change_source::changes_since(
    change_time since, std::size_t page_size, const std::function<bool(std::vector<booking_change>&)>& on_page,
    deadline until) {
  const auto& o = client_.options();
  auto fetch = [&](const std::string& path) -> booking_result<nlohmann::json> {
    auto a = client_.call(call_kind::search, "GET", path, nullptr, until);
    if (!a) return core::failure<booking_error>{a.error()};
    return std::move(a.value().body);
  };
  auto read = [&](const std::vector<nlohmann::json>& resources) -> booking_result<std::vector<booking_change>> {
    std::vector<booking_change> out;
    for (const auto& r : resources) {
      auto header = fhir::change_of(r);
      if (!header) return core::failure<booking_error>{header.error()};
      booking_change c = std::move(header.value());
      auto a = read_appointment(r, o);
      if (!a) {
        c.problem = a.error().detail;
        out.push_back(std::move(c));
        continue;
      }
      c.unit = a.value().value.slot.unit;
      c.start = a.value().value.slot.start;
      c.active = is_active_status(c.status);
      auto person = person_of(a.value().patient_id, until);
      if (!person) return core::failure<booking_error>{person.error()};
      c.person = person.value();
      if (c.person.empty()) c.problem = "Patient " + a.value().patient_id + " has no person number";
      out.push_back(std::move(c));
    }
    return out;
  };
  return fhir::page_changes(o.base_url, "/Appointment?" + fhir::change_query(since, page_size), o.max_pages, fetch,
                            read, on_page);
}

}  // namespace tidnav::adapters::millennium
