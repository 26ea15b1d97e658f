// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/envelope_sniffer.hpp"

#include <pugixml.hpp>

#include "hub/core/envelope_prefix.hpp"
#include "hub/core/hsa_id.hpp"
#include "hub/core/xml_names.hpp"

namespace tidnav::core {
namespace {

constexpr unsigned parse_flags = pugi::parse_default | pugi::parse_doctype;

sniff_failure failure_at(sniff_error e, std::string detail, std::size_t offset = 0) {
  return sniff_failure{e, std::move(detail), offset};
}

// What the walk found, plus the element whose start tag ends the part of the
// document the platform reads.
struct walk_state {
  envelope_info info;
  pugi::xml_node operation;
};

// The platform takes the first text event after the start tag; whitespace-only
// text counts as absent. pugixml already drops whitespace-only text nodes.
std::optional<std::string> first_text(pugi::xml_node element) {
  const pugi::xml_node child = element.first_child();
  if (child.type() != pugi::node_pcdata && child.type() != pugi::node_cdata) return std::nullopt;
  const std::string_view text = child.value();
  if (trim_ascii(text).empty()) return std::nullopt;
  return std::string(text);
}

sniff_failure unbound(pugi::xml_node element) {
  return failure_at(sniff_error::unbound_prefix,
                    std::string("undeclared namespace prefix on element ") + element.name(),
                    static_cast<std::size_t>(element.offset_debug()));
}

std::optional<sniff_failure> take_operation(pugi::xml_node element, walk_state& st) {
  const auto ns = namespace_uri(element);
  if (!ns) return unbound(element);
  st.info.contract_namespace = std::string(*ns);
  st.info.operation = std::string(local_name(element.name()));
  st.operation = element;
  return std::nullopt;
}

void take_address(pugi::xml_node element, riv_profile profile, walk_state& st) {
  // Several address headers: the last one wins, as on the platform.
  st.info.profile = profile;
  st.info.logical_address = first_text(element);
}

std::optional<sniff_failure> walk_namespaced(const pugi::xml_document& doc, walk_state& st) {
  const pugi::xml_node root = doc.document_element();
  if (!root) return failure_at(sniff_error::malformed_xml, "no root element");
  const auto root_ns = namespace_uri(root);
  if (!root_ns) return unbound(root);
  if (local_name(root.name()) != "Envelope" || *root_ns != soap11_envelope_ns) {
    return failure_at(sniff_error::not_soap_envelope, std::string("root element is not a SOAP 1.1 Envelope: ") + root.name(),
                      static_cast<std::size_t>(root.offset_debug()));
  }
  pugi::xml_node body;
  for (pugi::xml_node child = root.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    if (is_element(child, soap11_envelope_ns, "Header")) {
      for (pugi::xml_node h = child.first_child(); h; h = h.next_sibling()) {
        if (h.type() != pugi::node_element) continue;
        const auto ns = namespace_uri(h);
        if (!ns) return unbound(h);
        const std::string_view local = local_name(h.name());
        if (local == "LogicalAddress" && *ns == riv21_registry_ns) take_address(h, riv_profile::rivtabp21, st);
        else if (local == "To" && *ns == wsa_ns) take_address(h, riv_profile::rivtabp20, st);
      }
    } else if (is_element(child, soap11_envelope_ns, "Body")) {
      body = child;
      break;
    }
  }
  if (!body) return failure_at(sniff_error::missing_body, "the Envelope has no SOAP 1.1 Body");
  for (pugi::xml_node child = body.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_element) return take_operation(child, st);
  }
  return std::nullopt;
}

// The platform's pass: local names only; after a "Header" start, "To" and
// "LogicalAddress" anywhere count; the element after "Body" is the operation.
std::optional<sniff_failure> walk_local_names(const pugi::xml_document& doc, walk_state& st) {
  bool header_found = false;
  bool body_found = false;
  for (pugi::xml_node e = doc.document_element(); e; e = next_element(e)) {
    if (body_found) return take_operation(e, st);
    const std::string_view local = local_name(e.name());
    if (local == "Body") body_found = true;
    if (local == "Header") header_found = true;
    if (!header_found) continue;
    if (local == "To") take_address(e, riv_profile::rivtabp20, st);
    else if (local == "LogicalAddress") take_address(e, riv_profile::rivtabp21, st);
  }
  return std::nullopt;
}

// Offset of the '>' closing the start tag whose name begins at `name_offset`.
std::size_t start_tag_end(std::string_view buf, std::size_t name_offset) {
  return tag_end(buf, name_offset).value_or(buf.size());
}

// Whether the parse error sits on a markup declaration (<!DOCTYPE, <!ENTITY, ...).
bool error_at_declaration(std::string_view buf, const pugi::xml_parse_result& pr) {
  if (pr.status == pugi::status_bad_doctype) return true;
  const auto off = static_cast<std::size_t>(pr.offset);
  const std::size_t from = off >= 2 ? off - 2 : 0;
  const auto lt = buf.find("<!", from);
  if (lt == std::string_view::npos || lt > off) return false;
  const std::string_view rest = buf.substr(lt + 2);
  for (std::string_view kw : {"DOCTYPE", "ENTITY", "ELEMENT", "ATTLIST", "NOTATION"}) {
    if (rest.substr(0, kw.size()) == kw) return true;
  }
  return false;
}

}  // namespace

std::string_view to_string(sniff_error e) noexcept {
  switch (e) {
    case sniff_error::malformed_xml: return "malformed_xml";
    case sniff_error::doctype_not_allowed: return "doctype_not_allowed";
    case sniff_error::not_soap_envelope: return "not_soap_envelope";
    case sniff_error::missing_body: return "missing_body";
    case sniff_error::unbound_prefix: return "unbound_prefix";
  }
  return "unknown";
}

vp_fault to_vp_fault(const sniff_failure& f) { return make_fault(vp_code::vp015, f.detail); }

namespace {

bool has_doctype(const pugi::xml_document& doc, sniff_failure& out) {
  for (pugi::xml_node n = doc.first_child(); n; n = n.next_sibling()) {
    if (n.type() == pugi::node_doctype) {
      out = failure_at(sniff_error::doctype_not_allowed, "DOCTYPE is not allowed",
                       static_cast<std::size_t>(n.offset_debug()));
      return true;
    }
  }
  return false;
}

// Parses only the routing prefix. Accepted only when the one parse error is
// the cut itself (elements left open at the end) and the walk's operation is
// the element the scan cut after; otherwise the caller parses everything.
std::optional<envelope_info> sniff_prefix(std::string_view request, std::size_t cut, const sniff_options& options) {
  pugi::xml_document doc;
  const auto pr = doc.load_buffer(request.data(), cut, parse_flags, pugi::encoding_auto);
  if (pr.encoding != pugi::encoding_utf8 || pr.status != pugi::status_end_element_mismatch ||
      static_cast<std::size_t>(pr.offset) + 1 < cut) {
    return std::nullopt;
  }
  sniff_failure ignored;
  if (has_doctype(doc, ignored)) return std::nullopt;
  walk_state st;
  const auto walk_error = options.match_namespaces ? walk_namespaced(doc, st) : walk_local_names(doc, st);
  if (walk_error || !st.operation ||
      start_tag_end(request, static_cast<std::size_t>(st.operation.offset_debug())) + 1 != cut) {
    return std::nullopt;
  }
  return std::move(st.info);
}

result<envelope_info, sniff_failure> sniff_full(std::string_view request, const sniff_options& options) {
  pugi::xml_document doc;
  const pugi::xml_parse_result pr = doc.load_buffer(request.data(), request.size(), parse_flags, pugi::encoding_auto);
  const auto error_offset = static_cast<std::size_t>(pr.offset);

  // Checked on the partial tree too: a DOCTYPE is never acceptable.
  if (sniff_failure f; has_doctype(doc, f)) return fail(std::move(f));
  if (!pr && pr.encoding == pugi::encoding_utf8 && error_at_declaration(request, pr)) {
    return fail(failure_at(sniff_error::doctype_not_allowed, "markup declarations are not allowed", error_offset));
  }

  walk_state st;
  const auto walk_error = options.match_namespaces ? walk_namespaced(doc, st) : walk_local_names(doc, st);

  if (!pr) {
    // Only UTF-8 input keeps pugixml's offsets comparable with the raw bytes.
    const bool tolerable = options.ignore_errors_after_operation && !walk_error && st.operation &&
                           pr.encoding == pugi::encoding_utf8 &&
                           error_offset > start_tag_end(request, static_cast<std::size_t>(st.operation.offset_debug()));
    if (!tolerable) {
      return fail(failure_at(sniff_error::malformed_xml,
                             "XML parse error at offset " + std::to_string(error_offset) + ": " + pr.description(),
                             error_offset));
    }
  } else if (walk_error) {
    return fail(*walk_error);
  }
  return std::move(st.info);
}

}  // namespace

result<envelope_info, sniff_failure> sniff_envelope(std::string_view request, const sniff_options& options) {
  // The payload after the operation's start tag is never looked at when errors
  // there are tolerated, so it need not be parsed either, unless it seems to
  // hold a DOCTYPE or entity declaration, which must be found and refused.
  if (options.ignore_errors_after_operation) {
    if (const auto cut = operation_prefix_length(request);
        cut && *cut < request.size() && !may_contain_declaration(request.substr(*cut))) {
      if (auto info = sniff_prefix(request, *cut, options)) return std::move(*info);
    }
  }
  return sniff_full(request, options);
}

}  // namespace tidnav::core
