// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/fhir/change_feed.hpp"

#include "adapters/fhir/encoding.hpp"
#include "adapters/fhir/fhir_json.hpp"

#include <cstdio>

namespace tidnav::adapters::fhir {

std::string fhir_instant_ms(change_time t) {
  const auto secs = std::chrono::floor<std::chrono::seconds>(t);
  const auto ms = (t - secs).count();
  std::string s = fhir_instant(secs);  // ...:SSZ
  char frac[8];
  std::snprintf(frac, sizeof frac, ".%03d", static_cast<int>(ms));
  s.insert(s.size() - 1, frac);
  return s;
}

std::optional<change_time> parse_fhir_instant_ms(std::string_view text) {
  const auto secs = parse_fhir_instant(text);
  if (!secs) return std::nullopt;
  int ms = 0;
  if (text.size() > 20 && text[19] == '.') {
    int scale = 100;
    for (std::size_t i = 20; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
      ms += (text[i] - '0') * scale;
      scale /= 10;
    }
  }
  return change_time(*secs) + std::chrono::milliseconds(ms);
}

std::string change_query(change_time since, std::size_t page_size) {
  return "_lastUpdated=" + url_encode("gt" + fhir_instant_ms(since), ":") + "&_sort=_lastUpdated&_count=" +
         std::to_string(page_size);
}

std::string bundle_next(const nlohmann::json& bundle) {
  if (!bundle.is_object() || !bundle.contains("link") || !bundle["link"].is_array()) return {};
  for (const auto& l : bundle["link"]) {
    if (str(l, "relation") == "next") return str(l, "url");
  }
  return {};
}

bool removed_status(std::string_view status) {
  return status == "cancelled" || status == "entered-in-error" || status == "noshow";
}

booking_result<booking_change> change_of(const nlohmann::json& appointment) {
  booking_change c;
  c.id = str(appointment, "id");
  c.status = str(appointment, "status");
  c.removed = removed_status(c.status);
  const auto updated = parse_fhir_instant_ms(str(appointment.value("meta", nlohmann::json::object()), "lastUpdated"));
  if (!updated) return fail(technical_code::bad_backend_answer, "Appointment " + c.id + " without meta.lastUpdated");
  c.last_updated = *updated;
  return c;
}

booking_result<std::size_t> page_changes(const std::string& base_url, const std::string& first,
                                         std::size_t max_pages, const page_fetch& fetch, const page_read& read,
                                         const std::function<bool(std::vector<booking_change>&)>& on_page) {
  std::string path = first;
  for (std::size_t pages = 0;;) {
    if (pages >= max_pages) {
      // Not an error: the rest is read on the next poll, from the advanced watermark.
      return pages;
    }
    auto doc = fetch(path);
    if (!doc) return core::failure<booking_error>{doc.error()};
    auto resources = bundle_resources(doc.value(), "Appointment");
    if (!resources) return core::failure<booking_error>{resources.error()};
    auto changes = read(resources.value());
    if (!changes) return core::failure<booking_error>{changes.error()};
    ++pages;
    if (!on_page(changes.value())) return pages;
    const std::string next = bundle_next(doc.value());
    if (next.empty()) return pages;
    // The bearer token goes only below the service root.
    if (next.rfind(base_url + "/", 0) != 0) {
      return fail(technical_code::bad_backend_answer, "next link leaves the service root: " + next);
    }
    path = next.substr(base_url.size());
  }
}

}  // namespace tidnav::adapters::fhir
