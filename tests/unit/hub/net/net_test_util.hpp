// SPDX-License-Identifier: GPL-2.0-or-later
// Shared helpers for the hub/net tests: contexts from the test PKI, a capturing log
// sink and bounded polling.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "hub/net/http_client.hpp"
#include "hub/net/http_server.hpp"
#include "tests/support/test_pki.hpp"

namespace tidnav::test {

using namespace std::chrono_literals;

inline net::tls_context_ptr server_ctx(const pki::issued& cert = shared_test_pki().server,
                                       const pki::ca& trust = shared_test_pki().ca) {
  return net::make_server_tls_context({trust.cert_file, cert.cert_file, cert.key_file});
}

// Client context trusting the test CA; `cert` null sends no client certificate.
inline net::tls_context_ptr client_ctx(const pki::issued* cert = &shared_test_pki().client,
                                       bool verify_hostname = true) {
  net::client_tls_options o;
  o.ca_file = shared_test_pki().ca.cert_file;
  if (cert != nullptr) {
    o.cert_file = cert->cert_file;
    o.key_file = cert->key_file;
  }
  o.verify_hostname = verify_hostname;
  return net::make_client_tls_context(o);
}

// Collects log lines so tests can assert on events without printing them.
class capture_log {
 public:
  net::log_sink sink() {
    return [this](std::string_view line) {
      const std::lock_guard lock(mu_);
      lines_.emplace_back(line);
    };
  }
  bool has(std::string_view event) const {
    const std::string needle = "\"event\":\"" + std::string(event) + "\"";
    const std::lock_guard lock(mu_);
    for (const auto& l : lines_)
      if (l.find(needle) != std::string::npos) return true;
    return false;
  }

 private:
  mutable std::mutex mu_;
  std::vector<std::string> lines_;
};

// Polls `pred` every 5 ms for at most `limit`.
inline bool eventually(const std::function<bool()>& pred, std::chrono::milliseconds limit = 2s) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < end) {
    if (pred()) return true;
    std::this_thread::sleep_for(5ms);
  }
  return pred();
}

inline net::server_options tls_server_options(capture_log& log) {
  net::server_options o;
  o.listen = {{"127.0.0.1", 0, true}};
  o.tls = server_ctx();
  o.io_threads = 2;
  o.log = log.sink();
  return o;
}

inline net::server_options plain_server_options(capture_log& log) {
  net::server_options o;
  o.listen = {{"127.0.0.1", 0, false}};
  o.io_threads = 1;
  o.log = log.sink();
  return o;
}

inline net::client_options client_options(capture_log& log, net::tls_context_ptr tls = client_ctx()) {
  net::client_options o;
  o.tls = std::move(tls);
  o.io_threads = 1;
  o.request_timeout = 5s;
  o.log = log.sink();
  return o;
}

// Answers 200 with "<serial>|<body>" so tests see what the server saw.
inline net::handler echo_handler() {
  return [](net::request_context req, net::responder respond) {
    const std::string serial = req.peer.serial_numbers.empty() ? "-" : req.peer.serial_numbers.front();
    respond(200, {{"Content-Type", "text/xml; charset=UTF-8"}}, serial + "|" + req.body);
  };
}

inline std::string https_url(std::uint16_t port, const char* host = "127.0.0.1") {
  return "https://" + std::string(host) + ":" + std::to_string(port) + "/vp";
}

inline std::string http_url(std::uint16_t port) { return "http://127.0.0.1:" + std::to_string(port) + "/vp"; }

}  // namespace tidnav::test
