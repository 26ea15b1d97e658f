// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/app/dashboard_citizen.hpp"

#include <stdexcept>

#include <pugixml.hpp>

#include "contracts/loose_builder.hpp"
#include "contracts/operation_registry.hpp"

namespace tidnav::app {
namespace {

constexpr const char* personnummer_root = "1.2.752.129.2.1.3.1";
constexpr const char* samordningsnummer_root = "1.2.752.129.2.1.3.3";
constexpr const char* hsa_id_root = "1.2.752.129.2.1.4.1";

std::string_view local_name(std::string_view qname) {
  const auto colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

// Leaf elements under `n` as "a.b.c": value; repeated paths get " | " joined.
void flatten(pugi::xml_node n, const std::string& prefix, nlohmann::ordered_json& out) {
  bool has_child_element = false;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    has_child_element = true;
    const std::string key = prefix.empty() ? std::string(local_name(c.name())) : prefix + "." + std::string(local_name(c.name()));
    flatten(c, key, out);
  }
  if (has_child_element || prefix.empty()) return;
  const std::string value = n.text().get();
  if (out.contains(prefix)) {
    out[prefix] = out[prefix].get<std::string>() + " | " + value;
  } else {
    out[prefix] = value;
  }
}

void collect(pugi::xml_node n, std::string_view row_name, nlohmann::ordered_json& rows, nlohmann::ordered_json& units) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const std::string_view name = local_name(c.name());
    if (name == row_name) {
      nlohmann::ordered_json row = nlohmann::ordered_json::object();
      flatten(c, "", row);
      rows.push_back(row);
    } else if (name == "ProcessingStatusList" || name == "statusByLogicalAddress") {
      nlohmann::ordered_json u = nlohmann::ordered_json::object();
      flatten(c, "", u);
      units.push_back(u);
    } else {
      collect(c, row_name, rows, units);
    }
  }
}

}  // namespace

std::optional<citizen_contract> citizen_contract_from(std::string_view name) {
  if (name.empty() || name == "schedule") return citizen_contract::schedule_11;
  if (name == "appointments") return citizen_contract::appointments_20;
  return std::nullopt;
}

citizen_request build_citizen_request(citizen_contract c, const std::string& person, const std::string& operator_hsa_id,
                                      const std::string& platform_hsa_id) {
  const bool v20 = c == citizen_contract::appointments_20;
  const contracts::operation* op = v20 ? contracts::find_operation(contracts::family::sched2, "GetAppointments")
                                       : contracts::find_operation(contracts::family::crm11, "GetSubjectOfCareSchedule");
  if (!op) throw std::runtime_error("operation not registered");
  std::vector<contracts::field> fields;
  contracts::soap_headers headers;
  headers.logical_address = platform_hsa_id;
  if (v20) {
    // Day 61-91 is a samordningsnummer.
    const bool samordning = person.size() == 12 && person[6] >= '6';
    fields = {{"actor.actorId.root", hsa_id_root},
              {"actor.actorId.extension", operator_hsa_id},
              {"actor.actorType.code", "223366009"},
              {"actor.actorType.codeSystem", "1.2.752.116.2.1.1"},
              {"actor.actorType.displayName", "Healthcare professional"},
              {"personId.root", samordning ? samordningsnummer_root : personnummer_root},
              {"personId.extension", person}};
  } else {
    fields = {{"healthcare_facility", platform_hsa_id}, {"subject_of_care", person}};
    headers.actor = contracts::actor_header{operator_hsa_id, "subject_of_care_agent"};
  }
  std::string error;
  const std::string loose = contracts::build_loose_element(op->name, fields, error);
  if (!error.empty()) throw std::runtime_error(error);
  contracts::codec_error err;
  std::string body = op->canonicalize(contracts::message_kind::request, loose, contracts::input_form::loose_element, &headers, err);
  if (err) throw std::runtime_error("cannot build " + op->name + ": " + err.message);
  return {op->soap_action, std::move(body)};
}

nlohmann::ordered_json citizen_view_json(citizen_contract c, std::string_view xml) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_auto)) {
    return {{"error", "the aggregated answer could not be read"}};
  }
  nlohmann::ordered_json rows = nlohmann::ordered_json::array(), units = nlohmann::ordered_json::array();
  collect(doc, c == citizen_contract::appointments_20 ? "appointment" : "timeslotDetail", rows, units);
  for (pugi::xpath_node f : doc.select_nodes("//*[local-name()='Fault']/faultstring")) {
    return {{"error", std::string("SOAP fault: ") + f.node().text().get()}};
  }
  return {{"units", units}, {"rows", rows}};
}

}  // namespace tidnav::app
