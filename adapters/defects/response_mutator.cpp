// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/defects/response_mutator.hpp"

#include <pugixml.hpp>

#include <cstring>
#include <sstream>

namespace tidnav::adapters::defects {
namespace {

std::string_view local_name(const pugi::xml_node& n) {
  const char* name = n.name();
  const char* colon = std::strchr(name, ':');
  return colon ? colon + 1 : name;
}

pugi::xml_node first_descendant(pugi::xml_node root, std::string_view local) {
  return root.find_node([local](pugi::xml_node n) { return n.type() == pugi::node_element && local_name(n) == local; });
}

// The answer element: the first element child of soap:Body.
pugi::xml_node answer_of(pugi::xml_document& doc) {
  pugi::xml_node body = first_descendant(doc, "Body");
  for (pugi::xml_node c = body.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element) return c;
  }
  return {};
}

bool move_first_slot_to_the_past(pugi::xml_node answer, instant now) {
  for (const auto& [start_name, end_name] : {std::pair{"startTime", "endTime"},
                                            std::pair{"startTimeInclusive", "endTimeExclusive"}}) {
    pugi::xml_node start = first_descendant(answer, start_name);
    if (!start) continue;
    const auto old_start = ts_to_instant(start.text().get());
    const instant new_start = now - std::chrono::hours(1);
    start.text().set(instant_to_ts(new_start).c_str());
    if (pugi::xml_node end = first_descendant(start.parent(), end_name)) {
      const auto old_end = ts_to_instant(end.text().get());
      const auto length = old_start && old_end ? *old_end - *old_start : std::chrono::seconds(std::chrono::minutes(30));
      end.text().set(instant_to_ts(new_start + length).c_str());
    }
    return true;
  }
  return false;
}

bool spoil_first_start_time(pugi::xml_node answer) {
  for (const char* name : {"startTime", "startTimeInclusive"}) {
    pugi::xml_node start = first_descendant(answer, name);
    const std::string ts = start.text().get();
    if (!start || ts.size() != 14) continue;
    const std::string iso = ts.substr(0, 4) + "-" + ts.substr(4, 2) + "-" + ts.substr(6, 2) + "T" + ts.substr(8, 2) +
                            ":" + ts.substr(10, 2) + ":" + ts.substr(12, 2);
    start.text().set(iso.c_str());
    return true;
  }
  return false;
}

}  // namespace

std::string mutate_response(const defect_switches& switches, std::string body, instant now) {
  const bool past = switches.on(defect::past_times);
  const bool spoil = switches.on(defect::invalid_timestamp);
  if (!past && !spoil) return body;
  pugi::xml_document doc;
  if (!doc.load_buffer(body.data(), body.size(), pugi::parse_default | pugi::parse_declaration)) return body;
  pugi::xml_node answer = answer_of(doc);
  if (!answer) return body;
  const std::string_view name = local_name(answer);
  bool changed = false;
  if (past && name == "GetAvailableTimeslotsResponse") changed = move_first_slot_to_the_past(answer, now);
  if (past && name == "GetAvailableDatesResponse") {
    if (pugi::xml_node date = first_descendant(answer, "date")) {
      changed = date.text().set(instant_to_dt(now - std::chrono::hours(24)).c_str());
    }
  }
  if (spoil && (name == "GetAppointmentResponse" || name == "GetBookingDetailsResponse")) {
    changed = spoil_first_start_time(answer);
  }
  if (!changed) return body;
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return out.str();
}

}  // namespace tidnav::adapters::defects
