// SPDX-License-Identifier: GPL-2.0-or-later
// Runs a write at most once per identity (idempotency_store.hpp). The identity
// of a write is the consumer, the contract and the request as the generated
// writer prints it again: namespace prefixes, whitespace, element order and
// unknown extension elements no longer matter, and of the SOAP header only
// LogicalAddress and Actor are kept (anything else, e.g. a message id, is
// volatile and would make every retry look new).
#pragma once

#include "adapters/core/idempotency_store.hpp"
#include "adapters/core/producer_reply.hpp"

#include <functional>
#include <string>

namespace tidnav::adapters {

struct write_identity {
  std::string consumer;         // HSA-id of the calling system
  std::string contract;         // "sched2:MakeAppointment"
  std::string canonical;        // canonical request envelope (see above)
  std::string logical_address;  // unit the write is addressed to
  std::string subject;          // person the write is about
};

std::string idempotency_key(const write_identity& id);    // hex SHA-256
std::string idempotency_scope(const write_identity& id);  // hex SHA-256

struct write_outcome {
  producer_reply reply;
  bool changed = false;  // the booking system wrote something: remember this answer
};

// With no store, just runs `write`. Otherwise runs it only if no identical write
// was answered (that answer is returned) or is running (waited for until
// `until`). Only answers that changed something are remembered: after a business
// error or a fault nothing was booked, and a retry may rightly succeed later.
producer_reply run_once(idempotency_store* store, const write_identity& id,
                        std::chrono::steady_clock::time_point until, const std::function<write_outcome()>& write);

}  // namespace tidnav::adapters
