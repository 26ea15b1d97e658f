// SPDX-License-Identifier: GPL-2.0-or-later
// Template glue between operation_registry and the generated classes; only the
// operations_<family>.cpp files include it.
#pragma once

#include "contracts/envelope_codec.hpp"
#include "contracts/namespaces.hpp"
#include "contracts/operation_registry.hpp"

#include <array>
#include <memory>

namespace tidnav::contracts::detail {

// Two contexts per family and thread: one holds what was read while the other
// writes it again (writing starts by freeing the context's memory).
inline soap_context& thread_context(family fam, bool for_writing) {
  thread_local std::array<std::unique_ptr<soap_context>, 10> contexts;
  auto& slot = contexts[static_cast<std::size_t>(fam) * 2 + (for_writing ? 1 : 0)];
  if (!slot) slot = std::make_unique<soap_context>(namespaces_of(fam));
  return *slot;
}

template <class Body>
std::string canonicalize_as(const operation& op, const char* tag, bool is_request, std::string_view xml,
                            input_form form, const soap_headers* headers, codec_error& err) {
  soap_context& in = thread_context(op.fam, false);
  Body body;
  soap_headers parsed;
  const bool ok = form == input_form::envelope ? read_envelope(in, xml, body, tag, &parsed, err)
                                               : read_element(in, xml, body, tag, true, err);
  if (!ok) return {};
  const soap_headers* out_headers = headers ? headers : (is_request ? &parsed : nullptr);
  soap_context& out_ctx = thread_context(op.fam, true);
  soap_set_namespaces(out_ctx.get(), op.write_namespaces.data());
  std::string out = write_envelope(out_ctx, body, tag, out_headers, err);
  in.clear();
  return out;
}

template <class Request, class Response>
std::string canonicalize(const operation& op, message_kind kind, std::string_view xml, input_form form,
                         const soap_headers* headers, codec_error& err) {
  if (kind == message_kind::request) {
    return canonicalize_as<Request>(op, op.request_tag.c_str(), true, xml, form, headers, err);
  }
  return canonicalize_as<Response>(op, op.response_tag.c_str(), false, xml, form, headers, err);
}

// Envelope, header and core prefixes of the family, plus the operation's own
// responder prefix and its 1.1 ext twin ("gad" and "gadx").
std::vector<Namespace> trimmed_namespaces(family fam, const std::string& prefix);

inline operation make_operation(family fam, std::string name, std::string prefix, std::string ns,
                                canonicalize_fn fn) {
  operation op{fam, name, ns, ns + ":" + name, prefix + ":" + name, prefix + ":" + name + "Response", fn,
               trimmed_namespaces(fam, prefix)};
  return op;
}

std::vector<operation> sched2_operations();
std::vector<operation> crm11_operations();
std::vector<operation> crm10_operations();
std::vector<operation> ei1_mon1_operations();

}  // namespace tidnav::contracts::detail

// TIDNAV_OPERATION(family, cxx namespace, prefix, Name, responder namespace)
#define TIDNAV_OPERATION(fam, cxx, prefix, Name, ns)                                              \
  ::tidnav::contracts::detail::make_operation(                                                    \
      ::tidnav::contracts::family::fam, #Name, #prefix, ns,                                       \
      &::tidnav::contracts::detail::canonicalize<::cxx::prefix##__##Name##Type,                   \
                                                 ::cxx::prefix##__##Name##ResponseType>)
