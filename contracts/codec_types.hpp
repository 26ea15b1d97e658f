// SPDX-License-Identifier: GPL-2.0-or-later
// Plain types of the contract facade. No gSOAP types here, so any target can
// include this header without pulling in generated code.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tidnav::contracts {

// The contract families we generate bindings for; each lives in its own C++
// namespace of generated code (sched2::, crm11::, crm10::, ei1::, mon1::).
enum class family { sched2, crm11, crm10, ei1, mon1 };

std::string_view family_name(family f);                 // "sched2", "crm11", ...
std::optional<family> family_from_name(std::string_view name);

// Bounds applied before and while gSOAP reads a message. gSOAP's own defaults
// are 2 GB messages, unbounded strings and 10000 levels (see docs/contracts.md).
struct codec_limits {
  std::size_t max_message_bytes = 15u * 1024u * 1024u;  // same as the national platform
  std::size_t max_string_bytes = 1u * 1024u * 1024u;
  short max_depth = 64;
};

struct actor_header {
  std::string id;    // personnummer or HSA-id
  std::string type;  // "subject_of_care" | "subject_of_care_agent"
};

// The SOAP headers RIVTA uses on requests, in plain form.
struct soap_headers {
  std::optional<std::string> logical_address;  // {urn:riv:itintegration:registry:1}LogicalAddress (BP 2.1)
  std::optional<std::string> wsa_to;           // {http://www.w3.org/2005/08/addressing}To (BP 2.0)
  std::optional<actor_header> actor;           // {urn:riv:interoperability:headers:1}Actor (crm 1.1)
};

// Why a message could not be read or written.
struct codec_error {
  enum class kind { none, rejected, malformed, fault, internal };
  codec_error() = default;
  codec_error(kind k, std::string msg) : what(k), message(std::move(msg)) {}

  kind what = kind::none;
  std::string message;       // human-readable, says where when known
  // When `what == fault`: the SOAP fault carried by the message.
  std::string fault_code;    // e.g. "SOAP-ENV:Client"
  std::string fault_string;
  std::string fault_detail;

  explicit operator bool() const { return what != kind::none; }
};

}  // namespace tidnav::contracts
