// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/aggregate_request.hpp"

#include <pugixml.hpp>

#include "hub/core/aggregate_text.hpp"
#include "hub/core/envelope_sniffer.hpp"
#include "hub/core/hsa_id.hpp"
#include "hub/core/xml_names.hpp"
#include "hub/core/xml_roundtrip.hpp"

namespace tidnav::core {
namespace {

struct request_parts {
  pugi::xml_node header;     ///< may be null
  pugi::xml_node operation;  ///< the Body's first element child, checked against the contract
};

result<request_parts, std::string> locate(aggregate_kind k, pugi::xml_document& doc, std::string_view text) {
  if (auto why = load_faithful(doc, text)) return fail("request is not usable XML: " + *why);
  const pugi::xml_node env = doc.document_element();
  if (!is_element(env, soap11_envelope_ns, "Envelope")) return fail(std::string("request is not a SOAP 1.1 Envelope"));
  request_parts parts;
  parts.header = child_element(env, soap11_envelope_ns, "Header");
  const pugi::xml_node body = child_element(env, soap11_envelope_ns, "Body");
  if (!body) return fail(std::string("request has no SOAP Body"));
  parts.operation = first_element_child(body);
  const aggregate_contract& c = contract_of(k);
  if (!is_element(parts.operation, c.responder_ns, c.operation)) {
    return fail("request Body is not {" + std::string(c.responder_ns) + "}" + std::string(c.operation));
  }
  return parts;
}

bool is_person_id(std::string_view s) noexcept {
  if (s.size() != 12) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char ch = s[i];
    const bool digit = ch >= '0' && ch <= '9';
    if (i == 8 ? !(digit || ch == 'p' || ch == 'P' || ch == 't' || ch == 'T' || ch == 'f' || ch == 'F') : !digit) {
      return false;
    }
  }
  return true;
}

// Replaces everything inside `e` (text, CDATA, comments) by `text`.
void set_text(pugi::xml_node e, std::string_view text) {
  while (pugi::xml_node c = e.first_child()) e.remove_child(c);
  e.append_child(pugi::node_pcdata).set_value(std::string(text).c_str());
}

}  // namespace

result<aggregate_query, std::string> read_aggregate_query(aggregate_kind k, std::string_view request_envelope) {
  pugi::xml_document doc;
  auto parts = locate(k, doc, request_envelope);
  if (!parts) return fail(std::move(parts).error());
  const aggregate_contract& c = contract_of(k);
  aggregate_query q;
  pugi::xml_node id;
  switch (k) {
    case aggregate_kind::schedule_11:
      id = child_element(parts->operation, c.responder_ns, "subject_of_care");
      if (!id) return fail(std::string("request has no subject_of_care"));
      break;
    case aggregate_kind::appointments_20:
      id = child_element(child_element(parts->operation, c.responder_ns, "personId"), c.core_ns, "extension");
      if (!id) return fail(std::string("request has no personId/extension"));
      break;
    case aggregate_kind::timeslots_20:
    case aggregate_kind::timeslots_11:
      return q;
  }
  q.person_id = std::string(trim_ascii(id.text().get()));
  if (!is_person_id(q.person_id)) return fail("citizen id is not a personnummer or samordningsnummer: '" +
                                              xml_safe_text(q.person_id, 64) + "'");
  return q;
}

result<std::string, std::string> retarget_request(aggregate_kind k, std::string_view request_envelope,
                                                  std::string_view unit) {
  if (trim_ascii(unit).empty()) return fail(std::string("unit HSA-id is empty"));
  if (!is_xml_text(unit)) return fail(std::string("unit HSA-id has characters XML cannot carry"));
  pugi::xml_document doc;
  auto parts = locate(k, doc, request_envelope);
  if (!parts) return fail(std::move(parts).error());

  // Every LogicalAddress, not only the one the sniffer routes on (the last):
  // a stale one left behind could send the call somewhere else downstream.
  bool addressed = false;
  for (pugi::xml_node h = parts->header.first_child(); h; h = h.next_sibling()) {
    if (is_element(h, riv21_registry_ns, "LogicalAddress")) {
      set_text(h, unit);
      addressed = true;
    }
  }
  if (!addressed) return fail(std::string("request has no LogicalAddress header (RIVTA BP 2.1)"));

  const aggregate_contract& c = contract_of(k);
  if (!c.facility.empty()) {
    const pugi::xml_node facility = child_element(parts->operation, c.responder_ns, c.facility);
    if (!facility) return fail("request has no " + std::string(c.facility));
    set_text(facility, unit);
  }
  return to_utf8_xml(doc);
}

}  // namespace tidnav::core
