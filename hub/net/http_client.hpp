// SPDX-License-Identifier: GPL-2.0-or-later
// Async HTTP/1.1 client for producer calls, with a keep-alive pool per producer.
//
// Retry policy (SOAP POSTs are not idempotent): a call is retried at most once, and only
// when no request byte can have reached the producer: the TCP connect failed (refused,
// unreachable, connect timeout), or writing on a connection failed with 0 bytes written.
// Once any byte was written, failures are reported with request_bytes_sent = true and
// never retried. Beast/Asio stay behind the pimpl.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <system_error>

#include "hub/net/client_error.hpp"
#include "hub/net/http_types.hpp"
#include "hub/net/log.hpp"
#include "hub/net/net_stats.hpp"
#include "hub/net/tls_context.hpp"

namespace tidnav::net {

class io_threads;

struct client_options {
  tls_context_ptr tls;  // default for https:// URLs; null: system CAs, no client certificate
  std::chrono::milliseconds connect_timeout{2'000};     // per TCP connect attempt
  std::chrono::milliseconds handshake_timeout{5'000};   // per TLS handshake
  std::chrono::milliseconds request_timeout{30'000};    // whole call incl. retry (VP SERVICE_TIMEOUT)
  std::size_t max_idle_per_endpoint = 32;               // pooled keep-alive connections per producer
  std::chrono::milliseconds idle_timeout{30'000};       // pooled connection lifetime while unused
  std::size_t response_header_limit = 64 * 1024;
  std::uint64_t response_body_limit = 15ull * 1024 * 1024;
  bool retry_on_connect_failure = true;                 // the single safe retry described above
  std::string user_agent;                               // added when the request has none; empty: none
  std::size_t io_threads = 0;                           // own pool size when none is passed
  log_sink log = stderr_log_sink();
};

struct client_request {
  std::string url;                // http(s)://host[:port]/path?query
  std::string method = "POST";
  header_list headers;            // Host and framing fields are set by the client
  std::string body;
  tls_context_ptr tls;            // per-producer client context; null: client_options::tls
  std::chrono::milliseconds timeout{0};  // 0: client_options::request_timeout
};

// A POST with the given body and extra headers (the common producer call).
inline client_request make_post(std::string url, std::string body, header_list headers = {}) {
  client_request r;
  r.url = std::move(url);
  r.body = std::move(body);
  r.headers = std::move(headers);
  return r;
}

struct client_result {
  std::error_code error;          // client_errc; empty when an HTTP response arrived (any status)
  std::string detail;             // underlying cause, e.g. "Connection refused"
  bool request_bytes_sent = false;  // true: the producer may have acted; do not resend
  unsigned attempts = 0;
  bool reused_connection = false;   // the (last) attempt used a pooled connection
  unsigned status = 0;
  header_list headers;
  std::string body;
  std::chrono::microseconds elapsed{0};

  bool ok() const noexcept { return !error; }
};

// Runs on an io thread: keep it short and never block in it.
using client_callback = std::function<void(client_result)>;

class http_client {
 public:
  // `io` is shared with servers/other clients; when null the client owns a pool.
  explicit http_client(client_options options = {}, std::shared_ptr<io_threads> io = nullptr);
  // Closes idle connections. With its own io threads, calls still in flight are abandoned
  // (callbacks not invoked): finish or await calls first.
  ~http_client();
  http_client(const http_client&) = delete;
  http_client& operator=(const http_client&) = delete;

  void async_request(client_request request, client_callback callback);

  // Blocking convenience for tools and tests; must not be called from an io thread.
  client_result request(client_request request);

  // Closes every pooled idle connection (e.g. after a producer's certificate rotated).
  void close_idle();
  std::size_t idle_connections() const;
  const client_stats& stats() const noexcept;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace tidnav::net
