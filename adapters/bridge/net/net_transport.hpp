// SPDX-License-Identifier: GPL-2.0-or-later
// http_transport over hub/net's http_client (mutual TLS, keep-alive pool). A
// separate target (tidnav_bridge_net) so the bridge library never links Asio.
#pragma once

#include "adapters/bridge/http_transport.hpp"
#include "hub/net/http_client.hpp"

#include <memory>

namespace tidnav::adapters::bridge {

class net_transport final : public http_transport {
 public:
  explicit net_transport(net::client_options options);
  // Blocks the calling thread until the answer or the deadline: never call it on an io thread.
  http_response post(const http_request& request, deadline until) override;

 private:
  std::unique_ptr<net::http_client> client_;
};

}  // namespace tidnav::adapters::bridge
