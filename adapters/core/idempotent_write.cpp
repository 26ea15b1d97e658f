// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/core/idempotent_write.hpp"

#include "adapters/core/digest.hpp"
#include "contracts/soap_fault.hpp"
#include "hub/core/hsa_id.hpp"

namespace tidnav::adapters {
namespace {

// Length-prefixed, so no two different field lists hash the same input.
void add(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
}

std::string hex_sha256(const std::string& input) {
  const auto d = sha256(input);
  return to_hex(d.data(), d.size());
}

}  // namespace

std::string idempotency_key(const write_identity& id) {
  std::string input;
  add(input, "tidnav-write-v1");
  add(input, core::normalize_hsa_id(id.consumer));
  add(input, id.contract);
  add(input, id.canonical);
  return hex_sha256(input);
}

std::string idempotency_scope(const write_identity& id) {
  std::string input;
  add(input, "tidnav-scope-v1");
  add(input, core::normalize_hsa_id(id.consumer));
  add(input, core::normalize_hsa_id(id.logical_address));
  add(input, id.subject);
  return hex_sha256(input);
}

producer_reply run_once(idempotency_store* store, const write_identity& id,
                        std::chrono::steady_clock::time_point until, const std::function<write_outcome()>& write) {
  if (!store) return write().reply;
  const std::string key = idempotency_key(id);
  const std::string scope = idempotency_scope(id);
  const auto claim = store->claim_or_wait(key, scope, until);
  switch (claim.state) {
    case idempotency_store::claim_state::answered:
      return claim.answer;
    case idempotency_store::claim_state::busy:
      return {500, contracts::make_soap_fault(false, "An identical request is still being processed; try again later")};
    case idempotency_store::claim_state::failed:
      // Without the store a repeat could book twice: refuse rather than risk it.
      return {500, contracts::make_soap_fault(false, "Technical error: repeated requests cannot be checked",
                                              claim.answer.body)};
    case idempotency_store::claim_state::owned:
      break;
  }
  write_outcome outcome;
  try {
    outcome = write();
  } catch (...) {
    store->release(key, claim.owner);
    throw;
  }
  if (outcome.changed && outcome.reply.http_status == 200) {
    store->complete(key, scope, claim.owner, outcome.reply);
  } else {
    store->release(key, claim.owner);
  }
  return outcome.reply;
}

}  // namespace tidnav::adapters
