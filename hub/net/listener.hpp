// SPDX-License-Identifier: GPL-2.0-or-later
// Internal to hub/net: one bound acceptor that turns sockets into sessions.
#pragma once

#include <cstdint>
#include <memory>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ip/v6_only.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include "hub/net/server_state.hpp"

namespace tidnav::net::detail {

class listener : public std::enable_shared_from_this<listener> {
 public:
  listener(boost::asio::io_context& ioc, std::shared_ptr<server_state> state, bool tls);

  // Binds and listens; throws std::system_error naming the endpoint.
  void open(const boost::asio::ip::tcp::endpoint& endpoint);
  std::uint16_t port() const noexcept { return port_; }

  void start();
  // Closes the acceptor on its strand and waits (bounded) until that has happened.
  void close();

 private:
  void do_accept();
  void on_accept(boost::system::error_code ec, boost::asio::ip::tcp::socket socket);

  boost::asio::io_context& ioc_;
  boost::asio::strand<boost::asio::io_context::executor_type> strand_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::steady_timer backoff_;
  std::shared_ptr<server_state> state_;
  const bool tls_;
  std::uint16_t port_ = 0;
};

}  // namespace tidnav::net::detail
