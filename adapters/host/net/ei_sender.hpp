// SPDX-License-Identifier: GPL-2.0-or-later
// Delivers the adapter's EI outbox to the hub: each message is an Update
// POSTed over mutual TLS with the adapter's client certificate. Taken = HTTP
// 200 with ResultCode OK or INFO; anything else is retried by the worker.
#pragma once

#include "adapters/host/adapter_config.hpp"
#include "hub/ei/notification_sender.hpp"
#include "hub/net/http_client.hpp"

#include <memory>
#include <mutex>

namespace tidnav::adapters::host {

class ei_sender final : public ei::notification_sender {
 public:
  // Throws net::tls_error when the client certificate files are unusable.
  explicit ei_sender(const ei_settings& settings);
  ~ei_sender() override;

  void send(const ei::outbound_notification& n, std::function<void(bool ok, std::string detail)> done) override;

  // A reload's client certificate: the next Update uses it; pooled connections
  // made with the old one are closed. Throws net::tls_error (nothing changes).
  static net::tls_context_ptr make_tls(const ei_settings& settings);
  void set_tls(net::tls_context_ptr tls);

 private:
  std::chrono::milliseconds timeout_;
  std::mutex tls_mutex_;
  net::tls_context_ptr tls_;
  std::unique_ptr<net::http_client> client_;
};

}  // namespace tidnav::adapters::host
