// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/fhir/fhir_json.hpp"

#include "adapters/core/swedish_time.hpp"

#include <charconv>
#include <cstdio>
#include <map>

namespace tidnav::adapters::fhir {
namespace {

using json = nlohmann::json;

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  const auto* first = s.data() + pos;
  const auto [p, ec] = std::from_chars(first, first + n, out);
  return ec == std::errc() && p == first + n;
}

}  // namespace

std::string str(const json& j, std::string_view key) {
  if (!j.is_object()) return {};
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string fhir_instant(instant t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{t - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

std::optional<instant> parse_fhir_instant(std::string_view s) {
  int y, mo, d, h, mi, se;
  if (s.size() < 19 || !digits(s, 0, 4, y) || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
      !digits(s, 8, 2, d) || s[10] != 'T' || !digits(s, 11, 2, h) || s[13] != ':' || !digits(s, 14, 2, mi) ||
      s[16] != ':' || !digits(s, 17, 2, se)) {
    return std::nullopt;
  }
  std::size_t pos = 19;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
  }
  std::chrono::seconds offset{0};
  if (pos < s.size() && s[pos] == 'Z') {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    int oh, om;
    if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' || !digits(s, pos + 4, 2, om)) {
      return std::nullopt;
    }
    offset = std::chrono::hours(oh) + std::chrono::minutes(om);
    if (s[pos] == '-') offset = -offset;
    pos += 6;
  } else {
    return std::nullopt;  // a FHIR instant always carries a zone
  }
  if (pos != s.size()) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(mo)),
                                        std::chrono::day(static_cast<unsigned>(d))};
  if (!ymd.ok() || h > 23 || mi > 59 || se > 60) return std::nullopt;
  return instant{std::chrono::sys_days{ymd}} + std::chrono::hours(h) + std::chrono::minutes(mi) +
         std::chrono::seconds(se) - offset;
}

booking_result<json> parse_body(std::string_view body, std::string_view system) {
  auto doc = json::parse(body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return fail(technical_code::bad_backend_answer, std::string(system) + " answered something that is not a JSON object");
  }
  return doc;
}

booking_result<std::vector<json>> bundle_resources(const json& bundle, std::string_view type) {
  if (str(bundle, "resourceType") != "Bundle") return fail(technical_code::bad_backend_answer, "not a Bundle");
  std::vector<json> out;
  const auto entries = bundle.find("entry");
  if (entries == bundle.end()) return out;  // an empty searchset has no entry at all
  if (!entries->is_array()) return fail(technical_code::bad_backend_answer, "Bundle.entry is not an array");
  for (const auto& e : *entries) {
    if (!e.is_object() || !e.contains("resource")) continue;
    const auto& r = e["resource"];
    if (str(r, "resourceType") == type) out.push_back(r);  // OperationOutcome entries are informational
  }
  return out;
}

booking_result<std::pair<instant, instant>> period(const json& resource, std::string_view what) {
  const auto start = parse_fhir_instant(str(resource, "start"));
  const auto end = parse_fhir_instant(str(resource, "end"));
  if (!start || !end || *end <= *start) {
    return fail(technical_code::bad_backend_answer, std::string(what) + " without a valid start/end");
  }
  return std::pair{*start, *end};
}

booking_result<timeslot> slot_basics(const json& slot, std::string_view unit) {
  timeslot s;
  s.id = str(slot, "id");
  if (s.id.empty()) return fail(technical_code::bad_backend_answer, "Slot without id");
  auto p = period(slot, "Slot");
  if (!p) return core::failure<booking_error>{p.error()};
  s.start = p.value().first;
  s.end = p.value().second;
  s.unit = std::string(unit);
  return s;
}

std::vector<available_date> dates_from_slots(const std::vector<timeslot>& slots) {
  std::map<std::pair<long, std::string>, available_date> by_day;
  for (const auto& s : slots) {
    const auto day = stockholm_date(s.start);
    const long key = std::chrono::sys_days{day}.time_since_epoch().count();
    auto [it, fresh] = by_day.try_emplace({key, s.type.code});
    if (fresh) {
      it->second.date = day;
      it->second.unit = s.unit;
      it->second.type = s.type;
    }
    ++it->second.free_slots;
  }
  std::vector<available_date> out;
  for (auto& [key, d] : by_day) out.push_back(std::move(d));
  return out;
}

}  // namespace tidnav::adapters::fhir
