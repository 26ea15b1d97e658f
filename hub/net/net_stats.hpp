// SPDX-License-Identifier: GPL-2.0-or-later
// Counters for listeners and producer connections. Relaxed atomics: they are read
// for metrics and tests, never used to synchronise anything.
#pragma once

#include <atomic>
#include <cstdint>

namespace tidnav::net {

using counter = std::atomic<std::uint64_t>;

struct server_stats {
  counter connections_accepted{0};
  counter connections_refused{0};    // over max_connections
  counter connections_active{0};     // gauge
  counter tls_handshake_failures{0};
  counter requests{0};               // complete requests handed to the handler
  counter responses{0};
  counter idle_timeouts{0};          // keep-alive connection closed while waiting
  counter header_timeouts{0};        // 408 while reading the header (slowloris)
  counter body_timeouts{0};          // 408 while reading the body
  counter header_too_large{0};       // 431
  counter body_too_large{0};         // 413
  counter bad_requests{0};           // 400
  counter handler_errors{0};         // handler threw or dropped its responder (500)
};

struct client_stats {
  counter requests{0};
  counter connections_opened{0};
  counter connections_reused{0};
  counter tls_handshakes{0};
  counter retries{0};
  counter stale_discarded{0};         // pooled connection found closed/expired before use
  counter failures_resolve{0};
  counter failures_connect{0};        // per attempt: refused, unreachable, connect timeout
  counter failures_tls{0};
  counter failures_write{0};
  counter failures_read{0};           // incl. producer closing mid-response
  counter failures_timeout{0};        // total per-call deadline
  counter failures_response_too_large{0};
  counter failures_bad_response{0};
};

}  // namespace tidnav::net
