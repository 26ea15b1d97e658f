// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// What the consumer gets back once the producer has answered or failed
// (vp-routing.md §2.7): a 2xx answer with a body passes through, a SOAP fault
// with HTTP 500 is relayed unchanged, and every other outcome (refused, reset,
// timeout, TLS, empty body, other statuses) becomes VP009 with the producer's
// HTTP status in the detail. Pure: no socket, no clock.

#include <string>
#include <string_view>

#include "hub/app/runtime.hpp"
#include "hub/core/vp_error.hpp"
#include "hub/net/http_client.hpp"
#include "hub/net/http_server.hpp"

namespace tidnav::app {

enum class call_outcome {
  ok,              ///< producer answered 2xx with a body
  producer_fault,  ///< producer's own SOAP fault with HTTP 500, relayed
  vp_fault,        ///< the hub answered with a VP fault
};

struct consumer_answer {
  net::response response;
  call_outcome outcome = call_outcome::ok;
  core::vp_code code = core::vp_code::vp009;  ///< when outcome == vp_fault
  std::string detail;                          ///< why, for the log (never the payload)
  bool producer_timeout = false;               ///< VP009 because the producer did not answer in time
  unsigned producer_status = 0;                ///< the producer's HTTP status, when one arrived
};

/// The VP fault as the platform sends it: HTTP 500, text/xml, correlation id.
net::response fault_response(const runtime& rt, const core::vp_fault& fault, std::string_view correlation_id);

/// Maps a finished producer call to the consumer's answer. `producer` is
/// consumed (its body is moved into the answer).
consumer_answer answer_from_producer(const runtime& rt, std::string_view url, net::client_result&& producer,
                                     std::string_view correlation_id);

/// "ok", "producer_fault" or the VP code ("VP009"), for logs and metrics.
std::string_view outcome_label(const consumer_answer& a) noexcept;

}  // namespace tidnav::app
