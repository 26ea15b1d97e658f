// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Catch2 checks shared by the aggregation tests: schema validity with our XSDs,
// namespace correctness (libxml2 only warns about an undeclared prefix), and
// reading back what a merged answer says.

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "contracts/schema_validator.hpp"
#include "hub/core/aggregate_kind.hpp"
#include "hub/core/xml_names.hpp"

namespace tidnav::test {

inline contracts::schema_validator& validator() {
  static contracts::schema_validator v;
  return v;
}

inline contracts::family family_of(core::aggregate_kind k) {
  return (k == core::aggregate_kind::schedule_11 || k == core::aggregate_kind::timeslots_11) ? contracts::family::crm11
                                                                                            : contracts::family::sched2;
}

/// Every element and prefixed attribute resolves to a namespace.
inline void require_namespace_correct(std::string_view xml) {
  pugi::xml_document doc;
  REQUIRE(doc.load_buffer(xml.data(), xml.size()));
  for (pugi::xml_node n = doc.document_element(); n; n = core::next_element(n)) {
    INFO("element " << n.name());
    REQUIRE(core::namespace_uri(n).has_value());
    for (const pugi::xml_attribute a : n.attributes()) {
      const std::string_view an = a.name();
      const std::string_view p = core::prefix_of(an);
      if (p.empty() || p == "xmlns" || p == "xml") continue;
      bool bound = false;
      for (pugi::xml_node s = n; s && !bound; s = s.parent()) {
        bound = static_cast<bool>(s.attribute(("xmlns:" + std::string(p)).c_str()));
      }
      INFO("attribute " << an);
      REQUIRE(bound);
    }
  }
}

inline void require_valid(core::aggregate_kind k, std::string_view xml) {
  const auto issues = validator().validate_envelope(xml, family_of(k));
  std::string all;
  for (const auto& i : issues) all += std::to_string(i.line) + ": " + i.message + "\n";
  INFO(all << "\n" << xml);
  REQUIRE(issues.empty());
  require_namespace_correct(xml);
}

struct status_row {
  std::string logical_address, status, from_cache, in_synch, last_ok;
  bool has_last_ok = false;
  std::string last_failed, agent, code, text;
  bool has_error = false;
};

struct merged_view {
  std::vector<pugi::xml_node> items;
  std::vector<status_row> status;
  bool has_status_element = false;
  std::string result_code, result_text;
  pugi::xml_document doc;
};

inline std::string text_of(pugi::xml_node parent, std::string_view local) {
  return core::child_by_local_name(parent, local).child_value();
}

/// Reads a merged answer of kind k back (namespace-aware for the structure).
inline void read_merged(core::aggregate_kind k, std::string_view xml, merged_view& v) {
  const core::aggregate_contract& c = core::contract_of(k);
  REQUIRE(v.doc.load_buffer(xml.data(), xml.size()));
  const pugi::xml_node env = v.doc.document_element();
  REQUIRE(core::is_element(env, "http://schemas.xmlsoap.org/soap/envelope/", "Envelope"));
  const pugi::xml_node header = core::child_by_local_name(env, "Header");
  const pugi::xml_node ps = core::child_by_local_name(header, "ProcessingStatus");
  v.has_status_element = core::is_element(ps, "urn:riv:interoperability:headers:1", "ProcessingStatus");
  for (pugi::xml_node r = ps.first_child(); r; r = r.next_sibling()) {
    REQUIRE(core::is_element(r, "urn:riv:interoperability:headers:1", "ProcessingStatusList"));
    status_row row;
    row.logical_address = text_of(r, "logicalAddress");
    row.status = text_of(r, "statusCode");
    row.from_cache = text_of(r, "isResponseFromCache");
    row.in_synch = text_of(r, "isResponseInSynch");
    row.has_last_ok = static_cast<bool>(core::child_by_local_name(r, "lastSuccessfulSynch"));
    row.last_ok = text_of(r, "lastSuccessfulSynch");
    row.last_failed = text_of(r, "lastUnsuccessfulSynch");
    if (const pugi::xml_node e = core::child_by_local_name(r, "lastUnsuccessfulSynchError")) {
      row.has_error = true;
      row.agent = text_of(e, "causingAgent");
      row.code = text_of(e, "code");
      row.text = text_of(e, "text");
    }
    v.status.push_back(row);
  }
  const pugi::xml_node resp = core::child_by_local_name(core::child_by_local_name(env, "Body"), c.response);
  REQUIRE(core::is_element(resp, c.responder_ns, c.response));
  for (pugi::xml_node i = resp.first_child(); i; i = i.next_sibling()) {
    if (core::is_element(i, c.responder_ns, c.item)) v.items.push_back(i);
    if (core::is_element(i, c.responder_ns, "resultCode")) v.result_code = i.child_value();
    if (core::is_element(i, c.responder_ns, "resultText")) v.result_text = i.child_value();
  }
}

}  // namespace tidnav::test
