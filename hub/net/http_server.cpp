// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/net/http_server.hpp"

#include <stdexcept>

#include <boost/asio/ip/address.hpp>

#include "hub/net/io_threads.hpp"
#include "hub/net/listener.hpp"

namespace tidnav::net {

struct http_server::impl {
  // Declared first so it is destroyed last: sockets must die before their io_context.
  std::shared_ptr<io_threads> io;
  bool own_io = false;
  std::shared_ptr<detail::server_state> state;
  std::vector<std::shared_ptr<detail::listener>> listeners;
  bool started = false;
  bool stopped = false;
};

http_server::http_server(server_options options, handler on_request, std::shared_ptr<io_threads> io)
    : impl_(std::make_unique<impl>()) {
  if (!on_request) throw std::invalid_argument("http_server: handler is empty");
  auto tls = options.tls;
  impl_->state = std::make_shared<detail::server_state>(std::move(options), std::move(on_request));
  impl_->state->set_tls(std::move(tls));
  impl_->io = std::move(io);
}

http_server::~http_server() {
  if (impl_->started && !impl_->stopped) stop(std::chrono::milliseconds(0));
}

void http_server::start() {
  if (impl_->started) throw std::logic_error("http_server: already started");
  const auto& opts = impl_->state->options;
  if (opts.listen.empty()) throw std::invalid_argument("http_server: no listen endpoint");
  for (const auto& ep : opts.listen) {
    if (!ep.tls) continue;
    const auto tls = impl_->state->current_tls();
    if (!tls) throw std::invalid_argument("http_server: TLS endpoint without tls context");
    if (!tls->is_server()) throw std::invalid_argument("http_server: tls context is not a server context");
  }
  if (!impl_->io) {
    impl_->io = std::make_shared<io_threads>(opts.io_threads);
    impl_->own_io = true;
  }
  for (const auto& ep : opts.listen) {
    boost::system::error_code ec;
    const auto addr = boost::asio::ip::make_address(ep.address, ec);
    if (ec) throw std::invalid_argument("http_server: bad listen address '" + ep.address + "'");
    auto l = std::make_shared<detail::listener>(impl_->io->context(), impl_->state, ep.tls);
    l->open({addr, ep.port});
    impl_->listeners.push_back(std::move(l));
  }
  impl_->started = true;
  for (std::size_t i = 0; i < impl_->listeners.size(); ++i) {
    impl_->listeners[i]->start();
    log_line line("info", "listening");
    line.str("address", opts.listen[i].address).num("port", impl_->listeners[i]->port()).boolean("tls", opts.listen[i].tls);
    impl_->state->log(line);
  }
}

std::uint16_t http_server::port(std::size_t endpoint) const {
  return endpoint < impl_->listeners.size() ? impl_->listeners[endpoint]->port() : 0;
}

void http_server::set_tls_context(tls_context_ptr ctx) {
  if (!ctx || !ctx->is_server()) throw std::invalid_argument("http_server: not a server tls context");
  impl_->state->set_tls(std::move(ctx));
  log_line line("info", "tls_context_reloaded");
  impl_->state->log(line);
}

void http_server::stop() { stop(impl_->state->options.limits.drain_timeout); }

void http_server::stop(std::chrono::milliseconds drain) {
  if (!impl_->started || impl_->stopped) return;
  if (impl_->io->in_io_thread()) throw std::logic_error("http_server::stop called from an io thread");
  impl_->stopped = true;
  auto& state = *impl_->state;
  state.stopping = true;
  for (auto& l : impl_->listeners) l->close();

  log_line begin("info", "server_stopping");
  begin.num("connections", static_cast<std::int64_t>(state.size())).num("drain_ms", drain.count());
  state.log(begin);

  for (auto& s : state.snapshot()) s->begin_stop();
  if (!state.wait_empty_until(std::chrono::steady_clock::now() + drain)) {
    log_line line("warn", "drain_deadline_exceeded");
    line.num("connections", static_cast<std::int64_t>(state.size()));
    state.log(line);
    for (auto& s : state.snapshot()) s->force_close();
    // Closing is quick once posted; the bound only matters if io threads are wedged.
    state.wait_empty_until(std::chrono::steady_clock::now() + std::chrono::seconds(2));
  }
  if (impl_->own_io) {
    impl_->io->stop();
    state.clear();  // stragglers die now, while their (stopped) io_context still exists
  }
  log_line done("info", "server_stopped");
  state.log(done);
}

std::size_t http_server::active_connections() const noexcept {
  return static_cast<std::size_t>(impl_->state->stats.connections_active.load());
}

const server_stats& http_server::stats() const noexcept { return impl_->state->stats; }

}  // namespace tidnav::net
