// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/net/http_client.hpp"

#include <future>
#include <stdexcept>

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include "hub/net/client_call.hpp"
#include "hub/net/io_threads.hpp"

namespace tidnav::net {
namespace {

namespace asio = boost::asio;

// Closes expired idle connections even for producers nobody calls any more, so their
// sockets do not linger until the producer's own keep-alive timer fires.
struct idle_sweeper : std::enable_shared_from_this<idle_sweeper> {
  idle_sweeper(asio::io_context& ioc, std::weak_ptr<detail::client_shared> s, std::chrono::milliseconds period)
      : strand(asio::make_strand(ioc)), timer(strand), shared(std::move(s)), every(period) {}

  void arm() {
    timer.expires_after(every);
    timer.async_wait([self = shared_from_this()](boost::system::error_code ec) {
      if (ec || self->stopped) return;
      const auto s = self->shared.lock();
      if (!s) return;
      s->pool.sweep();
      self->arm();
    });
  }
  void stop() {
    asio::post(strand, [self = shared_from_this()] {
      self->stopped = true;
      self->timer.cancel();
    });
  }

  asio::strand<asio::io_context::executor_type> strand;
  asio::steady_timer timer;
  std::weak_ptr<detail::client_shared> shared;
  std::chrono::milliseconds every;
  bool stopped = false;
};

}  // namespace

struct http_client::impl {
  std::shared_ptr<io_threads> io;  // first: destroyed last
  bool own_io = false;
  std::shared_ptr<detail::client_shared> shared;
  tls_context_ptr default_tls;     // lazily built for https without a configured context
  std::mutex default_tls_mu;
  std::shared_ptr<idle_sweeper> sweeper;
};

http_client::http_client(client_options options, std::shared_ptr<io_threads> io) : impl_(std::make_unique<impl>()) {
  if (!io) {
    io = std::make_shared<io_threads>(options.io_threads);
    impl_->own_io = true;
  }
  impl_->io = std::move(io);
  if (options.tls && options.tls->is_server()) throw std::invalid_argument("http_client: server tls context");
  impl_->shared = std::make_shared<detail::client_shared>(impl_->io->context(), std::move(options));
  const auto period = std::max(std::chrono::milliseconds(50), impl_->shared->options.idle_timeout / 2);
  impl_->sweeper = std::make_shared<idle_sweeper>(impl_->io->context(), impl_->shared, period);
  impl_->sweeper->arm();
}

http_client::~http_client() {
  impl_->shared->closed = true;
  impl_->sweeper->stop();
  impl_->shared->pool.close_all(true);
  if (impl_->own_io) impl_->io->stop();
}

void http_client::async_request(client_request request, client_callback callback) {
  auto url = parse_url(request.url);
  if (!url) {
    // Reported asynchronously like every other outcome, so callers have one code path.
    client_result r;
    r.error = client_errc::invalid_url;
    r.detail = request.url;
    asio::post(impl_->io->context(), [cb = std::move(callback), r = std::move(r)]() mutable {
      if (cb) cb(std::move(r));
    });
    return;
  }
  tls_context_ptr tls = request.tls ? request.tls : impl_->shared->options.tls;
  if (url->tls && !tls) {
    const std::lock_guard lock(impl_->default_tls_mu);
    if (!impl_->default_tls) impl_->default_tls = make_client_tls_context({});
    tls = impl_->default_tls;
  }
  auto call = std::make_shared<detail::client_call>(impl_->shared, std::move(request), std::move(*url), std::move(tls),
                                                    std::move(callback));
  call->start();
}

client_result http_client::request(client_request request) {
  if (impl_->io->in_io_thread()) throw std::logic_error("http_client::request called from an io thread");
  auto done = std::make_shared<std::promise<client_result>>();
  auto fut = done->get_future();
  async_request(std::move(request), [done](client_result r) { done->set_value(std::move(r)); });
  return fut.get();
}

void http_client::close_idle() { impl_->shared->pool.close_all(false); }

std::size_t http_client::idle_connections() const { return impl_->shared->pool.idle_count(); }

const client_stats& http_client::stats() const noexcept { return impl_->shared->stats; }

}  // namespace tidnav::net
