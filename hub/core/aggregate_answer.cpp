// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/aggregate_answer.hpp"

#include "hub/core/aggregate_text.hpp"
#include "hub/core/envelope_sniffer.hpp"
#include "hub/core/hsa_id.hpp"
#include "hub/core/xml_names.hpp"

namespace tidnav::core {
namespace {

// No parse_ws_pcdata: indentation between elements is dropped, so the merged
// answer is compact whatever each unit's layout. parse_doctype only so that a
// DOCTYPE can be seen and refused.
constexpr unsigned parse_flags = pugi::parse_default | pugi::parse_doctype;

constexpr std::size_t max_reason_bytes = 300;

std::string fault_reason(pugi::xml_node fault) {
  const std::string_view text = trim_ascii(child_by_local_name(fault, "faultstring").child_value());
  return xml_safe_text("SOAP Fault: " + std::string(text.empty() ? "(no faultstring)" : text), max_reason_bytes);
}

}  // namespace

std::optional<std::string> read_unit_answer(aggregate_kind k, std::string& body, std::string_view unit,
                                            pugi::xml_node dest_response, unit_items& out) {
  const aggregate_contract& c = contract_of(k);
  // pugixml lets through what XML forbids (raw control characters, malformed
  // UTF-8, "&#1;"). A UTF-8 answer whose bytes are all XML characters and that
  // has no character reference cannot hold any, so the per-node check (a
  // quarter of the merge time) is only needed for the rest. Decided before
  // the in-place parse changes the bytes.
  const bool plain = is_plain_xml_text(body);
  const pugi::xml_parse_result pr = out.doc.load_buffer_inplace(body.data(), body.size(), parse_flags, pugi::encoding_auto);
  if (!pr) return "not XML: " + std::string(pr.description()) + " at offset " + std::to_string(pr.offset);
  for (pugi::xml_node n = out.doc.first_child(); n; n = n.next_sibling()) {
    if (n.type() == pugi::node_doctype) return std::string("DOCTYPE is not allowed");
  }
  const pugi::xml_node env = out.doc.document_element();
  if (!is_element(env, soap11_envelope_ns, "Envelope")) return std::string("not a SOAP 1.1 Envelope");
  const pugi::xml_node soap_body = child_element(env, soap11_envelope_ns, "Body");
  if (!soap_body) return std::string("no SOAP Body");
  const pugi::xml_node response = first_element_child(soap_body);
  if (is_element(response, soap11_envelope_ns, "Fault")) return fault_reason(response);
  if (!is_element(response, c.responder_ns, c.response)) {
    return "Body has no {" + std::string(c.responder_ns) + "}" + std::string(c.response);
  }

  const bool clean = pr.encoding == pugi::encoding_utf8 && plain;
  namespace_bridge bridge(response, dest_response, !clean);
  std::string why;
  out.items.reserve(64);
  for (pugi::xml_node n = response.first_child(); n; n = n.next_sibling()) {
    if (n.type() != pugi::node_element) continue;
    const std::string_view local = local_name(n.name());
    if (local == c.item && bridge.child_in(n, c.responder_ns)) {
      merge_item item;
      item.node = n;
      if (!bridge.plan(n, item.declarations, why)) {
        out.items.clear();
        return "in " + std::string(c.item) + ": " + why;
      }
      item.key = key_of(k, n, unit);
      out.items.push_back(std::move(item));
    } else if (c.has_result_code && is_element(n, c.responder_ns, "resultCode")) {
      out.result_code = trim_ascii(n.child_value());
    } else if (c.has_result_code && is_element(n, c.responder_ns, "resultText")) {
      out.result_text = xml_safe_text(n.child_value(), max_reason_bytes);
    }
    // Anything else (the response's extension wildcard) belongs to one unit's
    // answer and has no meaning in the merged one: left out.
  }
  return std::nullopt;
}

}  // namespace tidnav::core
