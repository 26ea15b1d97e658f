// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Steps 0–8 of the platform's per-call pipeline (vp-routing.md §1), as one pure
// function from a received request and a runtime to either a forward plan or
// the VP fault to answer. The order decides which fault wins when several
// conditions hold, so it follows the platform exactly:
//   caller identity (VP011, VP002, VP014) -> envelope (VP015) -> original
//   consumer (VP013) -> routing (VP003, VP004, VP006, VP010) -> authorisation
//   (VP002, VP007) -> RIV profile rewrite (VP001, VP005, VP012) -> headers.
// No socket is touched: the caller forwards the plan and builds the answer.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "hub/app/runtime.hpp"
#include "hub/core/riv_profile.hpp"
#include "hub/core/route_decision.hpp"
#include "hub/core/validity.hpp"
#include "hub/core/vp_error.hpp"
#include "hub/net/http_server.hpp"

namespace tidnav::app {

/// What is known about a call, filled as the pipeline goes: for the call log
/// and metrics, whether the call is forwarded or refused.
struct call_facts {
  std::string correlation_id;
  std::string sender;
  std::string original_consumer;
  bool internal_call = false;  ///< trusted x-vp-sender-id from an allow-listed platform component
  std::string contract;
  std::string operation;
  std::string logical_address;
  core::riv_profile profile_in = core::riv_profile::unknown;
  core::riv_profile profile_out = core::riv_profile::unknown;
  std::string producer_url;
  std::optional<std::chrono::milliseconds> timeout_cap;  ///< in-process callers with a deadline of their own
  std::vector<std::string> warnings;  ///< e.g. an original-consumer header from a sender not on the list
  std::vector<std::string> persons;   ///< who the request is about, for the audit log (call_observer::call_planned)
};

struct forward_plan {
  std::string url;  ///< the route's address ("local:<name>" for in-process producers)
  bool local = false;
  bool http_producer = false;  ///< plain http:// target
  net::header_list headers;
  std::string body;  ///< the request bytes, rewritten only when the RIV profile differs
  std::chrono::milliseconds timeout{0};
};

/// The correlation id: the consumer's non-empty x-skltp-correlation-id, else a new UUID.
std::string correlation_id_of(const net::header_list& headers);

/// A random (version 4) UUID, lower-case.
std::string random_uuid();

/// Runs the pipeline. When `facts` arrives with internal_call set and a sender,
/// the caller is an in-process service acting for that consumer (the
/// aggregating services) and the identity step is skipped. `req.body` is moved into the plan on success (the bytes
/// are forwarded, never re-serialised unless the profile is rewritten).
core::result<forward_plan, core::vp_fault> plan_call(const runtime& rt, net::request_context& req, core::instant now,
                                                     call_facts& facts);

}  // namespace tidnav::app
