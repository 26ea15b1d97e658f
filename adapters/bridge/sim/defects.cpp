// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/bridge/sim/defects.hpp"

#include <pugixml.hpp>

#include <array>
#include <cstring>
#include <sstream>
#include <utility>

namespace tidnav::adapters::bridge::sim {
namespace {

constexpr std::array<std::pair<defect, std::string_view>, 5> names{{
    {defect::timestamps_12_digits, "12-digit-timestamps"},
    {defect::empty_elements, "empty-elements"},
    {defect::non_hsa_performer, "non-hsa-performer"},
    {defect::broken_personnummer, "broken-personnummer"},
    {defect::personnummer_hyphen, "personnummer-hyphen"},
}};

// A local staff id the simulator can map back to the HSA-id it stands for.
constexpr std::string_view local_prefix = "LAK-";

std::string_view local_name(const pugi::xml_node& n) {
  std::string_view name = n.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// Optional elements a producer leaves empty instead of out.
bool emptied(std::string_view name) {
  for (std::string_view n : {"purpose", "reason", "resourceName", "healthcare_facility_name", "performerName",
                             "careTypeName", "message_allowed", "resultText"}) {
    if (name == n) return true;
  }
  return false;
}

void rewrite(pugi::xml_node node, const defect_set& d) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    const auto name = local_name(child);
    const std::string text = child.text().get();
    if (d.count(defect::timestamps_12_digits) && (name == "startTimeInclusive" || name == "endTimeExclusive") &&
        text.size() == 14) {
      child.text().set(text.substr(0, 12).c_str());
    } else if (d.count(defect::non_hsa_performer) && (name == "performer" || name == "perfomer") && !text.empty()) {
      child.text().set((std::string(local_prefix) + text).c_str());
    } else if (name == "subject_of_care" && text.size() == 12) {
      if (d.count(defect::broken_personnummer)) {
        child.text().set(("^" + text + "$").c_str());
      } else if (d.count(defect::personnummer_hyphen)) {
        child.text().set((text.substr(0, 8) + "-" + text.substr(8)).c_str());
      }
    } else if (d.count(defect::empty_elements) && emptied(name)) {
      while (child.first_child()) child.remove_child(child.first_child());
    }
    rewrite(child, d);
  }
}

}  // namespace

std::string_view name_of(defect d) {
  for (const auto& [k, n] : names) {
    if (k == d) return n;
  }
  return "";
}

std::optional<defect> defect_from_name(std::string_view name) {
  for (const auto& [k, n] : names) {
    if (n == name) return k;
  }
  return std::nullopt;
}

std::vector<std::string> defect_names() {
  std::vector<std::string> out;
  for (const auto& [k, n] : names) out.emplace_back(n);
  return out;
}

std::string apply_defects(const std::string& envelope, const defect_set& defects) {
  if (defects.empty()) return envelope;
  pugi::xml_document doc;
  if (!doc.load_buffer(envelope.data(), envelope.size(), pugi::parse_default | pugi::parse_declaration)) return envelope;
  rewrite(doc, defects);
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw);
  return out.str();
}

}  // namespace tidnav::adapters::bridge::sim

namespace tidnav::adapters::bridge::sim {

std::string restore_request(const std::string& envelope, const defect_set& defects) {
  if (!defects.count(defect::non_hsa_performer) || envelope.find(local_prefix) == std::string::npos) return envelope;
  pugi::xml_document doc;
  if (!doc.load_buffer(envelope.data(), envelope.size(), pugi::parse_default | pugi::parse_declaration)) return envelope;
  for (auto hit : doc.select_nodes("//*[local-name()='performer']")) {
    const std::string text = hit.node().text().get();
    if (text.rfind(local_prefix, 0) == 0) hit.node().text().set(text.substr(local_prefix.size()).c_str());
  }
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw);
  return out.str();
}

}  // namespace tidnav::adapters::bridge::sim
