// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// The platform's header rules as pure functions: what goes to the producer
// (§2.3) and what comes back to the consumer (§2.4). The remove/keep regexes
// are Java patterns; std::regex is slow, so each thread remembers its verdict
// per header name for the runtime it was computed with.

#include <chrono>
#include <string>
#include <string_view>

#include "hub/app/header_names.hpp"
#include "hub/app/runtime.hpp"
#include "hub/net/http_server.hpp"
#include "hub/net/http_types.hpp"

namespace tidnav::app {

/// Values the hub itself sets on the request toward the producer.
struct producer_header_values {
  std::string_view sender;             ///< the consumer's HSA-id
  std::string_view original_consumer;  ///< x-rivta-original-serviceconsumer-hsaid to send
  std::string_view correlation_id;
  std::string_view routing_history;    ///< empty: pass the inbound value through (if any)
  bool http_producer = false;          ///< plain http:// target: a chained platform component
};

/// Inbound headers minus the remove rules, hop-by-hop fields and the
/// forwarded consumer certificate; plus the platform's own headers.
net::header_list producer_request_headers(const runtime& rt, const net::header_list& inbound,
                                          const producer_header_values& v);

/// The producer's headers minus the response remove rules and framing, with
/// Content-Type forced and the correlation id and producer round-trip time added.
net::header_list consumer_response_headers(const runtime& rt, const net::header_list& producer,
                                           std::string_view correlation_id, std::chrono::microseconds producer_time);

/// A hub-generated answer (a VP fault, an admin page): only Content-Type and
/// the correlation id, as the platform sends with its faults.
net::header_list minimal_response_headers(std::string_view correlation_id,
                                          std::string_view content_type = headers::consumer_content_type);

/// A hub-made answer that is not SOAP (admin pages, probes, 404/405).
net::response text_response(unsigned status, std::string body,
                            std::string_view content_type = "text/plain; charset=UTF-8");

/// Cached header_filter::drops for this thread and runtime generation.
bool drops_request_header(const runtime& rt, std::string_view name);
bool drops_response_header(const runtime& rt, std::string_view name);

}  // namespace tidnav::app
