// SPDX-License-Identifier: GPL-2.0-or-later
// Plumbing both contract front-ends share: which operation a request is for,
// reading it with the generated reader, writing the answer with the generated
// writer, and SOAP faults. Internal to adapters/core (the front-ends include it,
// nothing else should).
#pragma once

#include "adapters/core/booking_error.hpp"
#include "adapters/core/booking_model.hpp"
#include "adapters/core/producer_reply.hpp"
#include "contracts/envelope_codec.hpp"
#include "contracts/operation_registry.hpp"
#include "hub/core/hsa_id.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tidnav::adapters::detail {

// Owns the objects a generated response points to. The generated classes hold
// raw pointers; this keeps them alive until the answer is written.
class arena {
 public:
  template <class T>
  T* make() {
    auto h = std::make_unique<holder<T>>();
    T* p = &h->value;
    items_.push_back(std::move(h));
    return p;
  }
  template <class T>
  T* copy(T value) {
    T* p = make<T>();
    *p = std::move(value);
    return p;
  }
  std::string* str(std::string value) { return copy(std::move(value)); }
  // Null for an empty value: the contracts forbid empty optional elements.
  std::string* opt(std::string value) { return value.empty() ? nullptr : copy(std::move(value)); }

 private:
  struct base {
    virtual ~base() = default;
  };
  template <class T>
  struct holder : base {
    T value{};
  };
  std::vector<std::unique_ptr<base>> items_;
};

// One gSOAP context per family and thread for reading, one for writing.
contracts::soap_context& read_context(contracts::family fam);
contracts::soap_context& write_context(contracts::family fam);

// The operation of `fam` the envelope's Body holds, or a Client fault.
struct located_operation {
  const contracts::operation* op = nullptr;
  producer_reply fault;  // when op is null
};
located_operation locate(contracts::family fam, std::string_view envelope);

// DT range [start, end] as instants [start of the start day, start of the day after end).
booking_result<availability_query> date_range(std::string_view start, std::string_view end);

producer_reply client_fault(std::string_view text, std::string_view detail = {});
producer_reply server_fault(std::string_view text, std::string_view detail = {});
// A technical booking_error as the SOAP fault both families answer with.
producer_reply technical_fault(const booking_error& e);

// Reads the whole request envelope of `op` into `body` (parsed objects live on
// the family's read context until the next request on this thread).
template <class Body>
bool read_request(const contracts::operation& op, std::string_view envelope, Body& body,
                  contracts::soap_headers& headers, std::string& error) {
  contracts::codec_error err;
  if (!contracts::read_envelope(read_context(op.fam), envelope, body, op.request_tag.c_str(), &headers, err)) {
    error = err.message;
    return false;
  }
  return true;
}

void use_write_namespaces(const contracts::operation& op);

template <class Body>
producer_reply write_response(const contracts::operation& op, const Body& body) {
  auto& ctx = write_context(op.fam);
  use_write_namespaces(op);
  contracts::codec_error err;
  std::string xml = contracts::write_envelope(ctx, body, op.response_tag.c_str(), nullptr, err);
  ctx.clear();
  if (err) return server_fault("The adapter could not write its answer", err.message);
  return {200, std::move(xml)};
}

// The request written again by the generated writer with only the headers that
// identify it: the canonical form for idempotency keys.
template <class Body>
std::string canonical_request(const contracts::operation& op, const Body& body, const contracts::soap_headers& h) {
  auto& ctx = write_context(op.fam);
  use_write_namespaces(op);
  contracts::soap_headers kept;
  if (h.logical_address) kept.logical_address = core::normalize_hsa_id(*h.logical_address);
  kept.actor = h.actor;
  contracts::codec_error err;
  std::string xml = contracts::write_envelope(ctx, body, op.request_tag.c_str(), &kept, err);
  ctx.clear();
  return xml;
}

}  // namespace tidnav::adapters::detail
