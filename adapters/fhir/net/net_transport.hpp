// SPDX-License-Identifier: GPL-2.0-or-later
// http_transport over hub/net's http_client (TLS, keep-alive pool). A separate
// target (tidnav_fhir_net) so the adapter libraries themselves never link Asio.
#pragma once

#include "adapters/fhir/http_transport.hpp"
#include "hub/net/http_client.hpp"

#include <memory>

namespace tidnav::adapters::fhir {

class net_transport final : public http_transport {
 public:
  explicit net_transport(net::client_options options);
  // Blocks the calling thread until the answer or the deadline: never call it on an io thread.
  http_response send(const http_request& request, deadline until) override;

 private:
  std::unique_ptr<net::http_client> client_;
};

}  // namespace tidnav::adapters::fhir
