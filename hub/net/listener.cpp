// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/net/listener.hpp"

#include <chrono>
#include <future>
#include <system_error>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>

#include "hub/net/http_session.hpp"

namespace tidnav::net::detail {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

// Out of file descriptors: accepting again at once would spin; back off briefly.
bool is_resource_exhaustion(const boost::system::error_code& ec) {
  return ec == asio::error::no_descriptors || ec == asio::error::no_buffer_space ||
         ec == asio::error::no_memory || ec.value() == ENFILE;
}

}  // namespace

listener::listener(asio::io_context& ioc, std::shared_ptr<server_state> state, bool tls)
    : ioc_(ioc), strand_(asio::make_strand(ioc)), acceptor_(strand_), backoff_(strand_), state_(std::move(state)),
      tls_(tls) {}

void listener::open(const tcp::endpoint& endpoint) {
  const auto where = endpoint.address().to_string() + " port " + std::to_string(endpoint.port());
  boost::system::error_code ec;
  const auto check = [&](const char* step) {
    if (ec) throw std::system_error(ec.value(), std::system_category(), std::string(step) + " " + where);
  };
  acceptor_.open(endpoint.protocol(), ec);
  check("open");
  acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
  check("SO_REUSEADDR");
  if (endpoint.address().is_v6()) {
    acceptor_.set_option(asio::ip::v6_only(true), ec);  // "::" must not also grab IPv4
    check("IPV6_V6ONLY");
  }
  acceptor_.bind(endpoint, ec);
  check("bind");
  acceptor_.listen(asio::socket_base::max_listen_connections, ec);
  check("listen");
  port_ = acceptor_.local_endpoint(ec).port();
  check("local_endpoint");
}

void listener::start() { asio::dispatch(strand_, [self = shared_from_this()] { self->do_accept(); }); }

void listener::close() {
  auto done = std::make_shared<std::promise<void>>();
  auto fut = done->get_future();
  asio::post(strand_, [self = shared_from_this(), done] {
    boost::system::error_code ignored;
    self->acceptor_.close(ignored);
    self->backoff_.cancel();
    done->set_value();
  });
  // Bounded: if the io threads are already gone the post never runs; stop() goes on.
  fut.wait_for(std::chrono::seconds(2));
}

void listener::do_accept() {
  if (!acceptor_.is_open()) return;
  // Each connection gets its own strand (Beast async-ssl server).
  acceptor_.async_accept(asio::make_strand(ioc_),
                         boost::beast::bind_front_handler(&listener::on_accept, shared_from_this()));
}

void listener::on_accept(boost::system::error_code ec, tcp::socket socket) {
  if (ec == asio::error::operation_aborted || !acceptor_.is_open()) return;
  if (ec) {
    log_line line("error", "accept_failed");
    line.str("reason", ec.message()).num("port", port_);
    state_->log(line);
    if (is_resource_exhaustion(ec)) {
      backoff_.expires_after(std::chrono::milliseconds(100));
      backoff_.async_wait([self = shared_from_this()](boost::system::error_code e) {
        if (!e) self->do_accept();
      });
      return;
    }
    return do_accept();
  }

  boost::system::error_code ignored;
  if (state_->stopping.load()) {
    socket.close(ignored);
    return;
  }
  if (!state_->try_reserve_slot()) {
    ++state_->stats.connections_refused;
    const auto remote = socket.remote_endpoint(ignored);
    log_line line("warn", "connection_refused");
    line.str("reason", "max_connections")
        .num("limit", static_cast<std::int64_t>(state_->options.limits.max_connections))
        .str("remote", remote.address().to_string());
    state_->log(line);
    socket.close(ignored);
    return do_accept();
  }
  ++state_->stats.connections_accepted;
  // SOAP exchanges are request/response: Nagle would only add latency to the last segment.
  socket.set_option(tcp::no_delay(true), ignored);

  const auto id = state_->next_connection_id.fetch_add(1);
  if (tls_) {
    auto t = std::make_shared<http_session<true>>(std::move(socket), state_, state_->current_tls(), id);
    state_->add(id, t);
    t->run();
  } else {
    auto p = std::make_shared<http_session<false>>(std::move(socket), state_, nullptr, id);
    state_->add(id, p);
    p->run();
  }
  do_accept();
}

}  // namespace tidnav::net::detail
