// SPDX-License-Identifier: GPL-2.0-or-later
// Internal to hub/net: one accepted connection, TLS or plain, as a do_x/on_x state machine
// on its own strand (Beast server-flex shape, see style-anchors §2).
//
// Timeouts: handshake, write and TLS close use tcp_stream's own expiry (which closes the
// socket). Reads use a separate timer that only *cancels* the read, so the session can
// still answer 408 to a slow client instead of vanishing.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include "hub/net/server_state.hpp"

namespace tidnav::net::detail {

template <bool Tls>
class http_session final : public session_base, public std::enable_shared_from_this<http_session<Tls>> {
 public:
  using stream_type =
      std::conditional_t<Tls, boost::beast::ssl_stream<boost::beast::tcp_stream>, boost::beast::tcp_stream>;

  http_session(boost::asio::ip::tcp::socket&& socket, std::shared_ptr<server_state> state, tls_context_ptr tls,
               std::uint64_t id);

  void run();

  // session_base
  void begin_stop() override;
  void force_close() override;
  void deliver(response r) override;
  void deliver_dropped() override;

 private:
  enum class phase { handshake, idle, header, body, handling, writing, lingering, closing, closed };
  using error_code = boost::system::error_code;

  void on_run();
  void on_handshake(error_code ec);
  void do_wait_request();
  void on_first_bytes(error_code ec, std::size_t n);
  void do_read_header();
  void on_header(error_code ec, std::size_t n);
  void on_continue_sent(error_code ec, std::size_t n);
  void do_read_body();
  void on_body(error_code ec, std::size_t n);
  void on_read_error(error_code ec, bool in_body);
  void dispatch_request();
  void on_response(response r);
  void reply_error(unsigned status, std::string body, bool linger);
  void do_write(response r, bool linger_after);
  void on_write(error_code ec, std::size_t n);
  void do_linger();
  void on_linger(error_code ec, std::size_t n);
  void do_close();
  void close_socket();

  void arm_read_timer(std::chrono::milliseconds d);
  void cancel_read_timer();
  boost::beast::tcp_stream& lowest() noexcept { return boost::beast::get_lowest_layer(stream_); }
  log_line event(std::string_view level, std::string_view name) const;
  const server_limits& limits() const noexcept { return state_->options.limits; }

  std::shared_ptr<server_state> state_;
  tls_context_ptr tls_;  // keeps the SSL_CTX alive across a reload
  stream_type stream_;
  boost::asio::steady_timer read_timer_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  boost::beast::http::response<boost::beast::http::string_body> res_;
  boost::beast::http::response<boost::beast::http::empty_body> continue_;

  const std::uint64_t id_;
  std::string remote_ip_;
  std::uint16_t remote_port_ = 0;
  std::uint16_t local_port_ = 0;
  peer_identity peer_;
  std::string tls_protocol_;

  phase phase_ = phase::handshake;
  std::uint64_t timer_generation_ = 0;
  bool timed_out_ = false;
  bool stopping_ = false;
  bool keep_alive_ = true;
  bool close_after_write_ = false;
  bool linger_after_write_ = false;
  unsigned version_ = 11;
  std::uint64_t requests_ = 0;
  std::uint64_t lingered_bytes_ = 0;
};

extern template class http_session<true>;
extern template class http_session<false>;

}  // namespace tidnav::net::detail
