// SPDX-License-Identifier: GPL-2.0-or-later
#include "aggregate_fixtures.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <pugixml.hpp>

#include "hub/core/xml_names.hpp"

namespace tidnav::test {
namespace {

using core::aggregate_kind;

void set_text(pugi::xml_node parent, std::string_view local, const std::string& value) {
  pugi::xml_node e = core::child_by_local_name(parent, local);
  if (!e) throw std::runtime_error("fixture item has no " + std::string(local));
  e.text().set(value.c_str());
}

void fill(aggregate_kind k, pugi::xml_node item, const booking& b) {
  const std::string& end = b.end.empty() ? b.start : b.end;
  switch (k) {
    case aggregate_kind::schedule_11:
      set_text(item, "startTimeInclusive", b.start);
      set_text(item, "endTimeExclusive", end);
      set_text(item, "healthcare_facility", b.unit);
      set_text(item, "bookingId", b.id);
      break;
    case aggregate_kind::appointments_20:
      set_text(item, "appointmentId", b.id);
      set_text(core::child_by_local_name(item, "healthcareFacilityId"), "extension", b.unit);
      break;
    case aggregate_kind::timeslots_20:
      set_text(item, "timeslotId", b.id);
      set_text(item, "startTime", b.start);
      set_text(item, "endTime", end);
      set_text(core::child_by_local_name(item, "healthcareFacilityHSAId"), "extension", b.unit);
      break;
    case aggregate_kind::timeslots_11:
      set_text(item, "startTimeInclusive", b.start);
      set_text(item, "endTimeExclusive", end);
      set_text(item, "healthcare_facility", b.unit);
      set_text(item, "performer", b.id);
      break;
  }
}

std::string to_text(const pugi::xml_document& doc, bool indent = true) {
  std::ostringstream out;
  doc.save(out, "  ", indent ? pugi::format_default : pugi::format_raw, pugi::encoding_utf8);
  return out.str();
}

std::string renamed(std::string_view qname, const std::vector<std::pair<std::string, std::string>>& renames) {
  const std::string_view prefix = core::prefix_of(qname);
  for (const auto& [from, to] : renames) {
    if (prefix == from) {
      const std::string local(core::local_name(qname));
      return to.empty() ? local : to + ":" + local;
    }
  }
  return std::string(qname);
}

}  // namespace

std::string read_fixture(std::string_view relative) {
  const std::string path = std::string(TIDNAV_SOURCE_DIR) + "/tests/fixtures/" + std::string(relative);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string request_fixture(aggregate_kind k) {
  switch (k) {
    case aggregate_kind::schedule_11: return read_fixture("crm-scheduling-1.1/GetSubjectOfCareSchedule-request.xml");
    case aggregate_kind::appointments_20: return read_fixture("scheduling-2.0/GetAppointments-request.xml");
    case aggregate_kind::timeslots_20: return read_fixture("scheduling-2.0/GetAvailableTimeslots-request.xml");
    case aggregate_kind::timeslots_11: return read_fixture("crm-scheduling-1.1/GetAvailableTimeslots-request.xml");
  }
  throw std::logic_error("kind");
}

std::string response_fixture(aggregate_kind k) {
  switch (k) {
    case aggregate_kind::schedule_11: return read_fixture("crm-scheduling-1.1/GetSubjectOfCareSchedule-response.xml");
    case aggregate_kind::appointments_20: return read_fixture("scheduling-2.0/GetAppointments-response.xml");
    case aggregate_kind::timeslots_20: return read_fixture("scheduling-2.0/GetAvailableTimeslots-response.xml");
    case aggregate_kind::timeslots_11: return read_fixture("crm-scheduling-1.1/GetAvailableTimeslots-response.xml");
  }
  throw std::logic_error("kind");
}

std::string make_answer(aggregate_kind k, const std::vector<booking>& bookings, bool indent) {
  const core::aggregate_contract& c = core::contract_of(k);
  const std::string text = response_fixture(k);
  pugi::xml_document doc;
  if (!doc.load_buffer(text.data(), text.size())) throw std::runtime_error("fixture does not parse");
  pugi::xml_node response = core::child_by_local_name(core::child_by_local_name(doc.document_element(), "Body"),
                                                      c.response);
  pugi::xml_document template_doc;
  const pugi::xml_node tpl = template_doc.append_copy(core::child_by_local_name(response, c.item));
  while (pugi::xml_node old = core::child_by_local_name(response, c.item)) response.remove_child(old);
  // Items come before resultCode (GetAvailableTimeslots 2.0).
  const pugi::xml_node tail = core::child_by_local_name(response, "resultCode");
  for (const booking& b : bookings) {
    pugi::xml_node item = tail ? response.insert_copy_before(tpl, tail) : response.append_copy(tpl);
    fill(k, item, b);
  }
  return to_text(doc, indent);
}

std::string reprefix(std::string_view xml, const std::vector<std::pair<std::string, std::string>>& renames) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size())) throw std::runtime_error("reprefix: not XML");
  for (pugi::xml_node n = doc.document_element(); n; n = core::next_element(n)) {
    n.set_name(renamed(n.name(), renames).c_str());
    // Each original prefix is renamed once, so {{"a","b"},{"b","a"}} swaps.
    for (pugi::xml_attribute a : n.attributes()) {
      const std::string name = a.name();
      std::string new_name = name;
      if (name.substr(0, 6) == "xmlns:") {
        for (const auto& [from, to] : renames) {
          if (name.substr(6) == from) {
            new_name = to.empty() ? "xmlns" : "xmlns:" + to;
            break;
          }
        }
      } else if (name != "xmlns") {
        new_name = renamed(name, renames);
      }
      a.set_name(new_name.c_str());
    }
  }
  return to_text(doc);
}

std::string ts_plus_minutes(int minutes) {
  // 2026-03-01 08:00 plus minutes, within March (enough for the tests and bench).
  const int day = 1 + minutes / (24 * 60);
  const int hour = 8 + (minutes / 60) % 24;
  const int h = hour % 24;
  const int d = day + hour / 24;
  char buf[32];
  std::snprintf(buf, sizeof buf, "202603%02d%02d%02d00", d, h, minutes % 60);
  return buf;
}

std::string uuid_for(int n) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08x-5441-42db-8434-%012x", 0x95de0000u + static_cast<unsigned>(n),
                static_cast<unsigned>(n) * 7919u);
  return buf;
}

}  // namespace tidnav::test
