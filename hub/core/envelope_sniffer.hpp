// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Reads what routing needs from a SOAP request and nothing more: the contract
// (namespace of the Body's first child), the operation (its local name), and
// the logical address with the RIV profile it implies (LogicalAddress => 2.1,
// wsa:To => 2.0).
//
// Cost: a lexical scan finds where the operation's start tag ends, and pugixml
// parses only that prefix (Envelope, Header, Body start, operation start): the
// payload itself is neither parsed nor copied, so a 15 MiB request costs about
// what a 1 KiB one does. When errors after the operation are not tolerated,
// or the scan's answer does not check out, the whole buffer is parsed once
// instead (linear; pugixml copies it). Namespace resolution is
// O(depth x attributes) for the few elements inspected. The tree is dropped
// before returning; only the small result strings survive.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "hub/core/result.hpp"
#include "hub/core/riv_profile.hpp"
#include "hub/core/vp_error.hpp"

namespace tidnav::core {

inline constexpr std::string_view soap11_envelope_ns = "http://schemas.xmlsoap.org/soap/envelope/";
inline constexpr std::string_view riv21_registry_ns = "urn:riv:itintegration:registry:1";
inline constexpr std::string_view wsa_ns = "http://www.w3.org/2005/08/addressing";

enum class sniff_error : std::uint8_t {
  malformed_xml,        ///< not well-formed before the operation element (or at all)
  doctype_not_allowed,  ///< a DOCTYPE or markup declaration (<!ENTITY ...) is present
  not_soap_envelope,    ///< root is not a SOAP 1.1 Envelope (namespace-matching mode)
  missing_body,         ///< the Envelope has no SOAP 1.1 Body (namespace-matching mode)
  unbound_prefix,       ///< an inspected element uses an undeclared prefix
};

std::string_view to_string(sniff_error e) noexcept;

struct sniff_failure {
  sniff_error error = sniff_error::malformed_xml;
  std::string detail;       ///< human-readable reason, goes into the VP015 detail
  std::size_t offset = 0;   ///< byte offset of the problem, when known
};

/// Every sniff failure is answered with VP015.
vp_fault to_vp_fault(const sniff_failure& f);

struct envelope_info {
  /// Namespace URI of the Body's first element child; nullopt when the Body has
  /// no element child, "" when that child is in no namespace.
  std::optional<std::string> contract_namespace;
  /// Local name of the Body's first element child ("" when there is none).
  std::string operation;
  /// The first text of the last To/LogicalAddress header, untrimmed, exactly as
  /// the platform reads it. nullopt when there is none, or it is empty or only
  /// whitespace (=> VP003).
  std::optional<std::string> logical_address;
  /// Profile implied by the header element that supplied the address.
  riv_profile profile = riv_profile::unknown;
};

struct sniff_options {
  /// true: Envelope, Header and Body must be SOAP 1.1 elements, and only
  /// Header children {urn:riv:itintegration:registry:1}LogicalAddress and
  /// {http://www.w3.org/2005/08/addressing}To count.
  /// false: match local names only, anywhere between Header and Body, as the
  /// platform's single StAX pass does (any envelope namespace routes).
  bool match_namespaces = true;
  /// The platform stops reading at the start tag of the Body's first child, so
  /// a body that is malformed after that point is still routed (the producer
  /// gets it as is). true keeps that behaviour; false rejects any parse error.
  bool ignore_errors_after_operation = true;
};

/// Sniffs `request` (UTF-8, UTF-16/32 with BOM, or Latin-1 by declaration).
/// Never throws; every failure maps to VP015 via to_vp_fault().
result<envelope_info, sniff_failure> sniff_envelope(std::string_view request, const sniff_options& options = {});

}  // namespace tidnav::core
