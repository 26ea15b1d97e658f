// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Where a finished call is reported (call log, metrics). Called on an io
// thread after the answer has been handed to the connection: keep it cheap.

#include <chrono>
#include <string_view>

#include "hub/app/call_plan.hpp"
#include "hub/app/producer_outcome.hpp"
#include "hub/net/http_server.hpp"

namespace tidnav::app {

struct call_timing {
  std::chrono::microseconds total{0};     ///< request fully received -> answer handed over
  std::chrono::microseconds producer{0};  ///< producer call, incl. a connect retry; 0 when not forwarded
  unsigned attempts = 0;
  bool reused_connection = false;
  std::size_t request_bytes = 0;
  std::size_t response_bytes = 0;
};

class call_observer {
 public:
  virtual ~call_observer() = default;
  /// Once per call, when the pipeline has planned (or refused) it and the
  /// request bytes are still at hand: the audit log reads who the call is
  /// about here (into facts.persons). On an io thread: keep it cheap.
  virtual void call_planned(const net::request_context& /*req*/, call_facts& /*facts*/, std::string_view /*body*/) {}
  virtual void call_finished(const net::request_context& req, const call_facts& facts, const consumer_answer& answer,
                             const call_timing& timing) = 0;
};

}  // namespace tidnav::app
