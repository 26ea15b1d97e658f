// SPDX-License-Identifier: GPL-2.0-or-later
// HTTP/1.1 listener(s) over mutual TLS (and optionally plain TCP) with an async handler.
//
// Each connection runs on its own strand; requests on one connection are handled one at
// a time (no pipelining), with keep-alive. The handler receives a fully buffered request
// and a responder it must call exactly once, from any thread, possibly later.
// Beast/Asio stay behind the pimpl so including this header is cheap.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "hub/net/http_types.hpp"
#include "hub/net/log.hpp"
#include "hub/net/net_stats.hpp"
#include "hub/net/peer_identity.hpp"
#include "hub/net/tls_context.hpp"

namespace tidnav::net {

class io_threads;

struct request_context {
  std::string method;
  std::string target;           // as sent: path and query
  unsigned version = 11;        // 10 or 11
  header_list headers;          // wire order and spelling
  std::string body;
  peer_identity peer;           // verified client certificate; empty on plain listeners
  bool tls = false;
  std::string tls_protocol;     // "TLSv1.3"; empty on plain listeners
  std::string remote_ip;
  std::uint16_t remote_port = 0;
  std::uint16_t local_port = 0;
  std::uint64_t connection_id = 0;  // unique per server, for log correlation
  std::uint64_t request_index = 0;  // 0 for the first request on the connection
  std::chrono::steady_clock::time_point received_at;  // when the last body byte arrived
};

struct response {
  unsigned status = 200;
  header_list headers;  // framing fields (Content-Length, Connection, ...) are set by the session
  std::string body;
  bool close = false;   // close the connection after this response
};

namespace detail {
struct responder_state;
}

// Copyable; all copies share one state. The first call sends the response; later calls
// are ignored (and return false). If every copy is destroyed without a call, the client
// gets a 500 and handler_errors is counted. A responder outliving its server is harmless.
class responder {
 public:
  explicit responder(std::shared_ptr<detail::responder_state> state) noexcept;

  bool operator()(unsigned status, header_list headers, std::string body) const;
  bool operator()(response r) const;
  bool responded() const noexcept;

 private:
  std::shared_ptr<detail::responder_state> state_;
};

// Runs on the connection's io thread: do not block in it; hand long work elsewhere and
// call the responder when done. Exceptions thrown by the handler become a 500.
using handler = std::function<void(request_context, responder)>;

struct listen_endpoint {
  std::string address = "127.0.0.1";  // IPv4 or IPv6 literal ("::" for all)
  std::uint16_t port = 0;             // 0: kernel picks; see http_server::port()
  bool tls = true;                    // false: plain HTTP, for use behind a TLS-terminating proxy
};

struct server_limits {
  std::size_t header_limit = 16 * 1024;             // request line + fields; over -> 431
  std::uint64_t body_limit = 15ull * 1024 * 1024;   // over -> 413 (also when Content-Length says so)
  std::chrono::milliseconds handshake_timeout{10'000};
  // From the first byte of a request to the end of its header (slowloris guard, -> 408);
  // also how long a new connection may stay silent before its first byte.
  std::chrono::milliseconds header_timeout{10'000};
  std::chrono::milliseconds body_timeout{30'000};   // whole body; -> 408
  std::chrono::milliseconds idle_timeout{60'000};   // keep-alive wait for the next request; silent close
  std::chrono::milliseconds write_timeout{30'000};  // whole response
  // After a 413/431/400 the rest of the request is read and discarded this long, so the
  // client sees the answer instead of a reset (nginx's "lingering close").
  std::chrono::milliseconds linger_timeout{2'000};
  std::chrono::milliseconds close_timeout{1'000};   // TLS close_notify exchange
  std::chrono::milliseconds drain_timeout{10'000};  // default for stop()
  std::size_t max_connections = 1000;               // over -> accepted then closed, logged
};

struct server_options {
  std::vector<listen_endpoint> listen{listen_endpoint{}};
  tls_context_ptr tls;  // server context; required when any endpoint has tls = true
  server_limits limits;
  std::size_t io_threads = 0;  // size of the server's own pool when none is passed; 0 = #cores
  log_sink log = stderr_log_sink();
};

class http_server {
 public:
  // `io` is shared with other servers/clients; when null the server owns a pool.
  http_server(server_options options, handler on_request, std::shared_ptr<io_threads> io = nullptr);
  // Calls stop(0) if still running.
  ~http_server();
  http_server(const http_server&) = delete;
  http_server& operator=(const http_server&) = delete;

  // Binds and listens on every endpoint, then starts accepting.
  // Throws std::invalid_argument (bad options) or std::system_error (bind/listen).
  void start();

  // Bound port of listen[endpoint] (useful with port 0). Valid after start().
  std::uint16_t port(std::size_t endpoint = 0) const;

  // New connections use `ctx` from now on; open connections keep theirs (cert reload).
  void set_tls_context(tls_context_ptr ctx);

  // Graceful stop: close the listeners, close idle keep-alive connections, let requests in
  // flight finish (their responses carry Connection: close) until `drain` has passed, then
  // close whatever is left. Blocks; must not be called from an io thread. Idempotent.
  void stop(std::chrono::milliseconds drain);
  void stop();  // drain = limits.drain_timeout

  std::size_t active_connections() const noexcept;
  const server_stats& stats() const noexcept;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace tidnav::net
