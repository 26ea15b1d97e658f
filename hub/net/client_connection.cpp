// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/net/client_connection.hpp"

#include <cerrno>

#include <sys/socket.h>

#include "hub/net/tls_context_impl.hpp"

namespace tidnav::net::detail {

client_connection::client_connection(executor_type ex, tls_context_ptr tls) : ex_(ex), tls_ctx_(std::move(tls)) {
  if (tls_ctx_)
    tls_stream_.emplace(ex_, tls_ctx_->native().ctx);
  else
    plain_.emplace(ex_);
}

client_connection::~client_connection() { close(); }

boost::beast::tcp_stream& client_connection::lowest() noexcept {
  return tls_stream_ ? tls_stream_->next_layer() : *plain_;
}

bool client_connection::looks_alive() noexcept {
  auto& sock = lowest().socket();
  if (!sock.is_open()) return false;
  char byte;
  const ssize_t n = ::recv(sock.native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

void client_connection::close() noexcept {
  boost::system::error_code ignored;
  auto& sock = lowest().socket();
  if (!sock.is_open()) return;
  sock.shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
  sock.close(ignored);
}

}  // namespace tidnav::net::detail
