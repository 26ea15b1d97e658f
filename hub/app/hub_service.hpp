// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// The consumer-facing request handler: POST on any path is a routed call
// (the path does not affect routing, as on the platform); GET with ?wsdl or
// ?xsd= is answered from the WSDL catalog; GET /status and /health/* answer
// probes. Everything else is 405/404. One instance serves every listener.

#include <memory>

#include "hub/app/call_observer.hpp"
#include "hub/app/local_producer.hpp"
#include "hub/app/producer_outcome.hpp"
#include "hub/app/runtime.hpp"
#include "hub/net/http_client.hpp"
#include "hub/net/http_server.hpp"

namespace tidnav::app {

class status_page;

class hub_service {
 public:
  hub_service(runtime_holder& runtime, net::http_client& client, local_producer_map locals,
              call_observer* observer, const status_page* status);

  void handle(net::request_context req, net::responder respond);

  /// A routed call (POST). Public for tests that drive the pipeline directly.
  void route_call(net::request_context req, net::responder respond);

  /// A call made by an in-process service (the aggregators) on a consumer's
  /// behalf: the same pipeline, routing, authorisation, forwarding, log and
  /// metrics as a consumer's own call; `done` gets the answer.
  void forward_internal(std::string sender, std::string original_consumer, std::string correlation_id,
                        net::header_list headers, std::string body, std::chrono::milliseconds timeout,
                        std::function<void(consumer_answer&&)> done);

  /// Local producers registered after construction (they may need the service itself).
  void add_local(std::string name, std::shared_ptr<local_producer> p) { locals_[std::move(name)] = std::move(p); }

 private:
  void route(net::request_context req, call_facts preset, std::function<void(consumer_answer&&)> complete);
  void answer_get(const runtime& rt, const net::request_context& req, const net::responder& respond) const;

  runtime_holder& runtime_;
  net::http_client& client_;
  local_producer_map locals_;
  call_observer* observer_;
  const status_page* status_;
};

/// Splits "/path?query" into its parts.
std::pair<std::string_view, std::string_view> split_target(std::string_view target) noexcept;

}  // namespace tidnav::app
