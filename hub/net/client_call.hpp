// SPDX-License-Identifier: GPL-2.0-or-later
// Internal to hub/net: one producer call (resolve, connect, TLS, write, read) with the
// single safe retry, as a do_x/on_x chain. Only one operation is pending at a time.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "hub/net/client_connection.hpp"
#include "hub/net/connection_pool.hpp"
#include "hub/net/http_client.hpp"
#include "hub/net/url.hpp"

namespace tidnav::net::detail {

// What every call of one http_client shares.
struct client_shared {
  client_shared(boost::asio::io_context& io, client_options o)
      : ioc(io), options(std::move(o)), pool(options.max_idle_per_endpoint, options.idle_timeout, stats) {}

  boost::asio::io_context& ioc;
  const client_options options;
  client_stats stats;
  connection_pool pool;
  std::atomic<bool> closed{false};
};

class client_call : public std::enable_shared_from_this<client_call> {
 public:
  client_call(std::shared_ptr<client_shared> shared, client_request request, url_parts url,
              tls_context_ptr tls, client_callback callback);

  void start();

 private:
  using error_code = boost::system::error_code;
  using clock = std::chrono::steady_clock;

  void start_attempt(bool allow_pooled);
  void do_resolve();
  void on_resolve(error_code ec, boost::asio::ip::tcp::resolver::results_type results);
  void do_connect();
  void on_connect(error_code ec, const boost::asio::ip::tcp::endpoint& ep);
  void do_handshake();
  void on_handshake(error_code ec);
  void do_write();
  void on_write(error_code ec, std::size_t n);
  void do_read();
  void on_read_header(error_code ec, std::size_t n);
  void on_read(error_code ec, std::size_t n);

  bool may_retry() const;
  void retry(const char* why);
  void fail(client_errc kind, const error_code& cause);
  void finish();
  void build_request();
  clock::time_point bounded(std::chrono::milliseconds step) const;

  std::shared_ptr<client_shared> shared_;
  const client_options& opts_;
  url_parts url_;
  tls_context_ptr tls_;
  std::string pool_key_;
  client_request request_;
  client_callback callback_;
  client_connection::executor_type strand_;
  boost::asio::ip::tcp::resolver resolver_;
  boost::asio::steady_timer resolve_timer_;  // DNS is the one step tcp_stream cannot time out
  boost::asio::ip::tcp::resolver::results_type endpoints_;
  std::unique_ptr<client_connection> conn_;
  boost::beast::http::request<boost::beast::http::string_body> req_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::response_parser<boost::beast::http::string_body>> parser_;
  clock::time_point started_;
  clock::time_point deadline_;
  client_result result_;
  bool finished_ = false;
};

}  // namespace tidnav::net::detail
