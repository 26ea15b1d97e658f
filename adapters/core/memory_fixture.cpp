// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/core/memory_fixture.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace tidnav::adapters {
namespace {

using json = nlohmann::json;

class reader {
 public:
  std::vector<std::string> problems;

  std::string text(const json& j, const char* key, const std::string& where, bool required = false) {
    if (!j.contains(key)) {
      if (required) problems.push_back(where + ": '" + key + "' is missing");
      return {};
    }
    if (!j.at(key).is_string()) {
      problems.push_back(where + ": '" + key + "' must be a string");
      return {};
    }
    return j.at(key).get<std::string>();
  }

  bool flag(const json& j, const char* key, const std::string& where, bool fallback = false) {
    if (!j.contains(key)) return fallback;
    if (!j.at(key).is_boolean()) {
      problems.push_back(where + ": '" + key + "' must be true or false");
      return fallback;
    }
    return j.at(key).get<bool>();
  }

  instant time(const json& j, const char* key, const std::string& where) {
    const std::string ts = text(j, key, where, true);
    const auto t = ts_to_instant(ts);
    if (!t) {
      if (!ts.empty()) problems.push_back(where + ": '" + key + "' = " + ts + " is not a Swedish local TS");
      return {};
    }
    return *t;
  }

  std::vector<std::string> strings(const json& j, const char* key, const std::string& where) {
    std::vector<std::string> out;
    if (!j.contains(key)) return out;
    if (!j.at(key).is_array()) {
      problems.push_back(where + ": '" + key + "' must be a list");
      return out;
    }
    for (const auto& v : j.at(key)) {
      if (v.is_string()) {
        out.push_back(v.get<std::string>());
      } else {
        problems.push_back(where + ": '" + key + "' must list strings");
      }
    }
    return out;
  }

  const json& list(const json& j, const char* key, const std::string& where) {
    static const json empty = json::array();
    if (!j.contains(key)) return empty;
    if (!j.at(key).is_array()) {
      problems.push_back(where + ": '" + key + "' must be a list");
      return empty;
    }
    return j.at(key);
  }

  std::vector<information_text> texts(const json& j, const char* key, const std::string& where) {
    std::vector<information_text> out;
    for (const auto& t : list(j, key, where)) {
      out.push_back({text(t, "header", where, true), text(t, "description", where), text(t, "link", where)});
    }
    return out;
  }

  time_type type(const json& j, const std::string& where) {
    time_type t;
    t.code = text(j, "code", where, true);
    t.name = text(j, "name", where);
    t.hidden = flag(j, "hidden", where);
    t.cancel_allowed = flag(j, "cancel_allowed", where, true);
    t.update_allowed = flag(j, "update_allowed", where, true);
    if (j.contains("care_type")) {
      t.care = care_type{text(j.at("care_type"), "id", where, true), text(j.at("care_type"), "name", where)};
    }
    t.healthcare_services = strings(j, "healthcare_services", where);
    return t;
  }

  memory_unit unit(const json& j, const std::string& where) {
    memory_unit u;
    u.info.unit = text(j, "id", where, true);
    u.info.name = text(j, "name", where);
    u.info.alternative_location = text(j, "alternative_location", where);
    u.info.information = texts(j, "information", where);
    u.info.conditions = texts(j, "conditions", where);
    u.group = strings(j, "group", where);
    for (const auto& t : list(j, "time_types", where)) u.time_types.push_back(type(t, where + " time type"));
    for (const auto& p : list(j, "practitioners", where)) {
      u.practitioners.push_back({text(p, "hsa_id", where, true), text(p, "first_name", where),
                                 text(p, "last_name", where), text(p, "title", where)});
    }
    return u;
  }

  memory_slot slot(const json& j, const std::string& where) {
    memory_slot s;
    s.id = text(j, "id", where, true);
    s.unit = text(j, "unit", where, true);
    s.start = time(j, "start", where);
    s.end = time(j, "end", where);
    s.time_type = text(j, "time_type", where, true);
    s.practitioners = strings(j, "practitioners", where);
    if (j.contains("resource")) {
      s.resource = booking_resource{text(j.at("resource"), "id", where, true), text(j.at("resource"), "name", where)};
    }
    if (s.end <= s.start) problems.push_back(where + ": end must be after start");
    return s;
  }

  memory_booking booking(const json& j, const std::string& where) {
    memory_booking b;
    b.id = text(j, "id", where, true);
    const std::string number = text(j, "person", where, true);
    const auto check = check_person_number(number);
    if (!check) problems.push_back(where + ": person " + number + ": " + std::string(to_string(check.problem)));
    b.person = {check.kind.value_or(person_number_kind::personnummer), number};
    b.slot = text(j, "slot", where, true);
    const std::string status = text(j, "status", where);
    if (status == "preliminary") {
      b.status = appointment_status::preliminary;
    } else if (!status.empty() && status != "confirmed") {
      problems.push_back(where + ": status must be confirmed or preliminary");
    }
    b.reason = text(j, "reason", where);
    b.purpose = text(j, "purpose", where);
    b.invitation = flag(j, "invitation", where);
    return b;
  }
};

// Throws json::exception where a value has the wrong type.
void read(const json& doc, reader& in, memory_seed& seed) {
  if (doc.contains("now")) seed.now = in.time(doc, "now", "top level");
  if (doc.contains("rules")) {
    const json& r = doc.at("rules");
    seed.rules.book_notice = std::chrono::minutes(r.value("book_notice_minutes", 60));
    seed.rules.rebook_notice = std::chrono::hours(r.value("rebook_notice_hours", 24));
    seed.rules.cancel_notice = std::chrono::hours(r.value("cancel_notice_hours", 24));
  }
  int n = 0;
  for (const auto& u : in.list(doc, "units", "top level")) seed.units.push_back(in.unit(u, "unit #" + std::to_string(++n)));
  n = 0;
  for (const auto& s : in.list(doc, "slots", "top level")) seed.slots.push_back(in.slot(s, "slot #" + std::to_string(++n)));
  n = 0;
  for (const auto& b : in.list(doc, "bookings", "top level")) {
    seed.bookings.push_back(in.booking(b, "booking #" + std::to_string(++n)));
  }
}

}  // namespace

std::optional<memory_seed> parse_memory_seed(std::string_view text, std::string& error) {
  const json doc = json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    error = "not a JSON object";
    return std::nullopt;
  }
  reader in;
  memory_seed seed;
  try {
    read(doc, in, seed);
  } catch (const json::exception& e) {  // a value of the wrong type where .value() expected a number
    in.problems.push_back(e.what());
  }
  if (!in.problems.empty()) {
    error.clear();
    for (const auto& p : in.problems) error += p + "\n";
    return std::nullopt;
  }
  return seed;
}


std::optional<memory_seed> load_memory_seed(const std::string& path, std::string& error) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    error = "cannot read " + path;
    return std::nullopt;
  }
  std::ostringstream text;
  text << file.rdbuf();
  return parse_memory_seed(text.str(), error);
}

}  // namespace tidnav::adapters
