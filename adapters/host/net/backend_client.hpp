// SPDX-License-Identifier: GPL-2.0-or-later
// The HTTPS client options a FHIR backend transport gets from `backend:`.
#pragma once

#include "hub/net/http_client.hpp"

#include <chrono>
#include <filesystem>

namespace tidnav::adapters::host {

// `ca` empty: the system's CAs. Throws net::tls_error for a bad CA file.
inline net::client_options backend_client_options(const std::filesystem::path& ca,
                                                  std::chrono::milliseconds timeout) {
  net::client_options o;
  if (!ca.empty()) {
    net::client_tls_options t;
    t.ca_file = ca;
    o.tls = net::make_client_tls_context(t);
  }
  o.request_timeout = timeout;
  o.connect_timeout = std::min(timeout, o.connect_timeout);
  o.io_threads = 1;
  return o;
}

}  // namespace tidnav::adapters::host
