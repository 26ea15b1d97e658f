// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/fhir/sim/sim_changes.hpp"

#include "adapters/fhir/change_feed.hpp"
#include "adapters/fhir/encoding.hpp"

#include <atomic>
#include <mutex>

namespace tidnav::adapters::fhir::sim {

sim_updated now_updated() {
  static std::mutex m;
  static sim_updated last{};
  const std::lock_guard lock(m);
  auto t = std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
  if (t <= last) t = last + std::chrono::milliseconds(1);
  last = t;
  return t;
}

std::string updated_text(sim_updated t) { return fhir_instant_ms(t); }

bool change_filter::passes(sim_updated t) const {
  return (!after || t > *after) && (!from || t >= *from) && (!before || t < *before);
}

std::optional<change_filter> read_change_filter(const query_params& q) {
  change_filter f;
  for (const auto& v : all_values(q, "_lastUpdated")) {
    if (v.size() < 3) return std::nullopt;
    const std::string prefix = v.substr(0, 2);
    const auto t = parse_fhir_instant_ms(std::string_view(v).substr(2));
    if (!t) return std::nullopt;
    if (prefix == "gt") {
      f.after = *t;
    } else if (prefix == "ge") {
      f.from = *t;
    } else if (prefix == "lt") {
      f.before = *t;
    } else if (prefix == "le") {
      f.before = *t + std::chrono::milliseconds(1);
    } else {
      return std::nullopt;
    }
  }
  return f;
}

sim_answer change_page(const std::vector<nlohmann::json>& hits, const query_params& q, std::string_view base,
                       std::string_view path) {
  std::size_t count = 20, offset = 0;
  try {
    if (const auto c = first_value(q, "_count"); !c.empty()) count = std::max<std::size_t>(1, std::stoul(c));
    if (const auto p = first_value(q, "pageContext"); !p.empty()) offset = std::stoul(p);
  } catch (const std::exception&) {
    return outcome(400, "invalid", "bad _count or pageContext");
  }
  nlohmann::json b = {{"resourceType", "Bundle"}, {"type", "searchset"}, {"link", nlohmann::json::array()}};
  b["entry"] = nlohmann::json::array();
  for (std::size_t i = offset; i < hits.size() && i < offset + count; ++i) {
    b["entry"].push_back({{"fullUrl", std::string(base) + "/Appointment/" + hits[i].value("id", "")},
                          {"resource", hits[i]}});
  }
  if (offset + count < hits.size()) {
    std::string url = std::string(base) + std::string(path) + "?";
    for (const auto& [k, v] : q) {
      if (k == "pageContext") continue;
      url += url_encode(k, ":") + "=" + url_encode(v, ":") + "&";
    }
    url += "pageContext=" + std::to_string(offset + count);
    b["link"].push_back({{"relation", "next"}, {"url", url}});
  }
  return {200, {}, b.dump()};
}

}  // namespace tidnav::adapters::fhir::sim
