// SPDX-License-Identifier: GPL-2.0-or-later
// Every operation of every contract family, with type-erased access to its
// generated (de)serialisers. Only gSOAP's plain C `Namespace` struct shows here.
#pragma once

#include "contracts/codec_types.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <stdsoap2.h>  // struct Namespace (a plain C struct)

namespace tidnav::contracts {

enum class message_kind { request, response };
enum class input_form {
  envelope,       // a complete SOAP envelope, namespaces checked
  loose_element,  // a bare request/response element, matched by local names only
};

struct operation;
using canonicalize_fn = std::string (*)(const operation& op, message_kind kind, std::string_view xml,
                                        input_form form, const soap_headers* headers, codec_error& err);

struct operation {
  family fam;
  std::string name;          // "GetSubjectOfCareSchedule"
  std::string responder_ns;  // namespace of the request and response elements
  std::string soap_action;   // responder_ns + ":" + name
  std::string request_tag;   // "socs:GetSubjectOfCareSchedule" (prefix from typemap.dat)
  std::string response_tag;
  canonicalize_fn canonicalize_impl;
  // The family's namespace table cut down to what this operation's messages
  // use, for writing: gSOAP declares every table entry on the Envelope, and 33
  // declarations instead of 8 cost every reader (docs/contracts.md).
  std::vector<Namespace> write_namespaces;

  // Parses `xml` with the generated deserialiser and writes it again with the
  // generated serialiser: the result is a schema-ordered, correctly qualified
  // envelope. `headers` replace the parsed request headers when given
  // (responses are written without headers). Empty string + err on failure.
  std::string canonicalize(message_kind kind, std::string_view xml, input_form form,
                           const soap_headers* headers, codec_error& err) const {
    return canonicalize_impl(*this, kind, xml, form, headers, err);
  }
};

std::span<const operation> all_operations();
const operation* find_operation(family fam, std::string_view name);
// Operations whose request or response element is in `ns` (crm 1.0 and 1.1
// share namespaces, so there may be two).
std::vector<const operation*> find_operations_by_namespace(std::string_view ns);

}  // namespace tidnav::contracts
