// SPDX-License-Identifier: GPL-2.0-or-later
// What one load run does: where, what, how many connections, for how long, and whether
// requests follow the answers (closed loop) or a clock (open loop).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "hub/net/http_types.hpp"
#include "hub/net/tls_context.hpp"

namespace tidnav::bench {

struct load_options {
  std::string url;
  std::string body;
  net::header_list headers;  // Content-Type, SOAPAction and any extra; framing is the client's

  std::size_t connections = 16;
  // The measured part is `requests` requests when non-zero, otherwise `duration`.
  std::chrono::nanoseconds duration = std::chrono::seconds(10);
  std::uint64_t requests = 0;
  // Requests per second on a fixed schedule (open loop); 0: closed loop, every
  // connection sends its next request as soon as the previous answer arrived.
  double rate = 0;
  // Runs before the measured part and is not recorded: TLS handshakes, cold caches.
  std::chrono::nanoseconds warmup{0};

  std::chrono::milliseconds timeout = std::chrono::seconds(10);          // per request
  std::chrono::milliseconds connect_timeout = std::chrono::seconds(2);
  std::size_t io_threads = 1;
  net::tls_context_ptr tls;  // client context (certificate, CA); null for http://
};

}  // namespace tidnav::bench
