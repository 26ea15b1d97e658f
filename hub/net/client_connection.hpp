// SPDX-License-Identifier: GPL-2.0-or-later
// Internal to hub/net: one outgoing connection (plain or TLS) on its own strand.
// Owned by exactly one call while in use, otherwise by the pool.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

#include <boost/asio/io_context.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include "hub/net/tls_context.hpp"

namespace tidnav::net::detail {

class client_connection {
 public:
  using executor_type = boost::asio::strand<boost::asio::io_context::executor_type>;
  using tls_stream = boost::beast::ssl_stream<boost::beast::tcp_stream>;

  // `tls` null: plain HTTP.
  client_connection(executor_type ex, tls_context_ptr tls);
  ~client_connection();

  bool is_tls() const noexcept { return tls_stream_.has_value(); }
  boost::beast::tcp_stream& lowest() noexcept;
  tls_stream& tls() noexcept { return *tls_stream_; }
  executor_type get_executor() const noexcept { return ex_; }

  // Calls f(stream) with the concrete stream type, so Beast's templates see it directly.
  template <class F>
  decltype(auto) visit(F&& f) {
    if (tls_stream_) return f(*tls_stream_);
    return f(*plain_);
  }

  // Non-blocking check before reuse: a pooled HTTP connection must have nothing to read.
  // EOF (the producer closed its keep-alive), stray bytes or an error all mean "discard".
  bool looks_alive() noexcept;

  // Closes the socket without TLS close_notify (the producer may already be gone).
  void close() noexcept;

  std::chrono::steady_clock::time_point idle_since{};
  std::uint64_t uses = 0;

 private:
  executor_type ex_;
  tls_context_ptr tls_ctx_;  // keeps the SSL_CTX alive as long as the SSL
  std::optional<boost::beast::tcp_stream> plain_;
  std::optional<tls_stream> tls_stream_;
};

}  // namespace tidnav::net::detail
