// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/net/http_session.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include "hub/net/message_convert.hpp"
#include "hub/net/tls_context_impl.hpp"

namespace tidnav::net::detail {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

constexpr std::size_t first_read_size = 8 * 1024;
constexpr std::size_t linger_read_size = 16 * 1024;

template <class Stream>
Stream make_stream(asio::ip::tcp::socket&& socket, const tls_context_ptr& tls) {
  if constexpr (std::is_same_v<Stream, beast::tcp_stream>)
    return Stream(std::move(socket));
  else
    return Stream(std::move(socket), tls->native().ctx);
}

// The peer went away (or we closed it): nothing to answer, nothing worth a warning.
bool is_disconnect(const boost::system::error_code& ec) {
  return ec == http::error::end_of_stream || ec == http::error::partial_message || ec == asio::error::eof ||
         ec == asio::error::connection_reset || ec == asio::error::broken_pipe ||
         ec == asio::error::operation_aborted || ec == asio::ssl::error::stream_truncated;
}

}  // namespace

template <bool Tls>
http_session<Tls>::http_session(asio::ip::tcp::socket&& socket, std::shared_ptr<server_state> state,
                                tls_context_ptr tls, std::uint64_t id)
    : state_(std::move(state)),
      tls_(std::move(tls)),
      stream_(make_stream<stream_type>(std::move(socket), tls_)),
      read_timer_(stream_.get_executor()),
      id_(id) {
  error_code ec;
  const auto remote = lowest().socket().remote_endpoint(ec);
  if (!ec) {
    remote_ip_ = remote.address().to_string();
    remote_port_ = remote.port();
  }
  const auto local = lowest().socket().local_endpoint(ec);
  if (!ec) local_port_ = local.port();
}

template <bool Tls>
log_line http_session<Tls>::event(std::string_view level, std::string_view name) const {
  log_line line(level, name);
  line.num("conn", static_cast<std::int64_t>(id_)).str("remote", remote_ip_).num("remote_port", remote_port_);
  return line;
}

template <bool Tls>
void http_session<Tls>::run() {
  asio::dispatch(stream_.get_executor(), beast::bind_front_handler(&http_session::on_run, this->shared_from_this()));
}

template <bool Tls>
void http_session<Tls>::on_run() {
  if (phase_ == phase::closed) return;
  stopping_ = state_->stopping.load();  // accepted just as stop() began
  if constexpr (Tls) {
    lowest().expires_after(limits().handshake_timeout);
    stream_.async_handshake(asio::ssl::stream_base::server,
                            beast::bind_front_handler(&http_session::on_handshake, this->shared_from_this()));
  } else {
    do_wait_request();
  }
}

template <bool Tls>
void http_session<Tls>::on_handshake(error_code ec) {
  if (phase_ == phase::closed) return;
  if (ec) {
    ++state_->stats.tls_handshake_failures;
    auto line = event("warn", "tls_handshake_failed");
    line.str("reason", ec == beast::error::timeout ? "handshake timeout" : ec.message());
    state_->log(line);
    return close_socket();
  }
  if constexpr (Tls) {
    lowest().expires_never();
    peer_ = peer_identity_from_ssl(stream_.native_handle());
    tls_protocol_ = SSL_get_version(stream_.native_handle());
  }
  do_wait_request();
}

// Waits for the first byte of the next request under the idle (or, for the first request,
// header) timeout. Splitting this from the header read is what lets the header timeout
// start at the first byte, so a keep-alive connection can idle for a minute while a
// slowloris sender still gets only header_timeout.
template <bool Tls>
void http_session<Tls>::do_wait_request() {
  if (stopping_) return do_close();
  phase_ = phase::idle;
  if (buffer_.size() > 0) return do_read_header();
  arm_read_timer(requests_ == 0 ? limits().header_timeout : limits().idle_timeout);
  stream_.async_read_some(buffer_.prepare(first_read_size),
                          beast::bind_front_handler(&http_session::on_first_bytes, this->shared_from_this()));
}

template <bool Tls>
void http_session<Tls>::on_first_bytes(error_code ec, std::size_t n) {
  cancel_read_timer();
  if (phase_ == phase::closed) return;
  buffer_.commit(n);
  if (ec) {
    if (timed_out_) ++state_->stats.idle_timeouts;
    if (timed_out_ || stopping_) return do_close();
    return close_socket();
  }
  do_read_header();
}

template <bool Tls>
void http_session<Tls>::do_read_header() {
  phase_ = phase::header;
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(limits().header_limit));
  parser_->body_limit(limits().body_limit);
  arm_read_timer(limits().header_timeout);
  http::async_read_header(stream_, buffer_, *parser_,
                          beast::bind_front_handler(&http_session::on_header, this->shared_from_this()));
}

template <bool Tls>
void http_session<Tls>::on_header(error_code ec, std::size_t) {
  cancel_read_timer();
  if (phase_ == phase::closed) return;
  if (ec) return on_read_error(ec, false);
  const auto& req = parser_->get();
  version_ = req.version();
  keep_alive_ = req.keep_alive();
  if (parser_->is_done()) return dispatch_request();

  // VP's clients may send Expect: 100-continue (vp-routing.md §2.10); without the interim
  // answer they would wait a second or more before sending the body.
  const auto expect = req.find(http::field::expect);
  if (expect != req.end() && iequals(std::string_view(expect->value().data(), expect->value().size()), "100-continue") && version_ >= 11) {
    phase_ = phase::writing;
    continue_ = {http::status::continue_, version_};
    lowest().expires_after(limits().write_timeout);
    return http::async_write(stream_, continue_,
                             beast::bind_front_handler(&http_session::on_continue_sent, this->shared_from_this()));
  }
  do_read_body();
}

template <bool Tls>
void http_session<Tls>::on_continue_sent(error_code ec, std::size_t) {
  if (phase_ == phase::closed) return;
  if (ec) return close_socket();
  lowest().expires_never();
  do_read_body();
}

template <bool Tls>
void http_session<Tls>::do_read_body() {
  phase_ = phase::body;
  arm_read_timer(limits().body_timeout);
  http::async_read(stream_, buffer_, *parser_,
                   beast::bind_front_handler(&http_session::on_body, this->shared_from_this()));
}

template <bool Tls>
void http_session<Tls>::on_body(error_code ec, std::size_t) {
  cancel_read_timer();
  if (phase_ == phase::closed) return;
  if (ec) return on_read_error(ec, true);
  dispatch_request();
}

template <bool Tls>
void http_session<Tls>::on_read_error(error_code ec, bool in_body) {
  auto& stats = state_->stats;
  const auto limit_event = [&](std::string_view name, std::uint64_t limit) {
    auto line = event("warn", name);
    line.num("limit", static_cast<std::int64_t>(limit));
    state_->log(line);
  };
  if (timed_out_) {
    ++(in_body ? stats.body_timeouts : stats.header_timeouts);
    const auto limit = in_body ? limits().body_timeout : limits().header_timeout;
    limit_event(in_body ? "body_timeout" : "header_timeout", static_cast<std::uint64_t>(limit.count()));
    return reply_error(408, "request not received in time\n", false);
  }
  if (ec == http::error::header_limit) {
    ++stats.header_too_large;
    limit_event("header_too_large", limits().header_limit);
    return reply_error(431, "request header fields too large\n", true);
  }
  if (ec == http::error::body_limit) {
    ++stats.body_too_large;
    limit_event("body_too_large", limits().body_limit);
    return reply_error(413, "request body too large\n", true);
  }
  if (is_disconnect(ec)) {
    if (stopping_ && ec == asio::error::operation_aborted) return do_close();
    return close_socket();
  }
  if (ec.category() == http::make_error_code(http::error::bad_target).category()) {
    ++stats.bad_requests;
    auto line = event("warn", "bad_request");
    line.str("reason", ec.message());
    state_->log(line);
    return reply_error(400, "malformed request\n", true);
  }
  close_socket();  // transport error: nobody to answer
}

template <bool Tls>
void http_session<Tls>::dispatch_request() {
  phase_ = phase::handling;
  ++state_->stats.requests;
  auto msg = parser_->release();
  parser_.reset();

  request_context ctx;
  take_request(std::move(msg), ctx);
  ctx.peer = peer_;
  ctx.tls = Tls;
  ctx.tls_protocol = tls_protocol_;
  ctx.remote_ip = remote_ip_;
  ctx.remote_port = remote_port_;
  ctx.local_port = local_port_;
  ctx.connection_id = id_;
  ctx.request_index = requests_;
  ctx.received_at = std::chrono::steady_clock::now();

  auto rs = std::make_shared<responder_state>(this->weak_from_this());
  try {
    state_->on_request(std::move(ctx), responder(rs));
  } catch (const std::exception& e) {
    ++state_->stats.handler_errors;
    auto line = event("error", "handler_exception");
    line.str("what", e.what());
    state_->log(line);
    responder{rs}(500, {}, {});
  }
}

template <bool Tls>
void http_session<Tls>::deliver(response r) {
  // Always post, never dispatch: a handler answering synchronously must not re-enter
  // the session from inside dispatch_request().
  asio::post(stream_.get_executor(),
             [self = this->shared_from_this(), r = std::move(r)]() mutable { self->on_response(std::move(r)); });
}

template <bool Tls>
void http_session<Tls>::deliver_dropped() {
  ++state_->stats.handler_errors;
  auto line = event("error", "handler_dropped_responder");
  state_->log(line);
  deliver(response{500, {}, {}, true});
}

template <bool Tls>
void http_session<Tls>::on_response(response r) {
  if (phase_ != phase::handling) return;  // force-closed meanwhile
  ++state_->stats.responses;
  do_write(std::move(r), false);
}

template <bool Tls>
void http_session<Tls>::reply_error(unsigned status, std::string body, bool linger) {
  do_write(response{status, {{"Content-Type", "text/plain; charset=utf-8"}}, std::move(body), true}, linger);
}

template <bool Tls>
void http_session<Tls>::do_write(response r, bool linger_after) {
  phase_ = phase::writing;
  const bool keep = keep_alive_ && !r.close && !stopping_ && !state_->stopping.load(std::memory_order_relaxed);
  make_response(std::move(r), version_, keep, res_);
  close_after_write_ = !keep;
  linger_after_write_ = linger_after;
  lowest().expires_after(limits().write_timeout);
  http::async_write(stream_, res_, beast::bind_front_handler(&http_session::on_write, this->shared_from_this()));
}

template <bool Tls>
void http_session<Tls>::on_write(error_code ec, std::size_t) {
  if (phase_ == phase::closed) return;
  if (ec) return close_socket();
  lowest().expires_never();
  ++requests_;
  res_ = {};  // release the body now rather than at the next response
  if (close_after_write_) return linger_after_write_ ? do_linger() : do_close();
  do_wait_request();
}

template <bool Tls>
void http_session<Tls>::do_linger() {
  phase_ = phase::lingering;
  if constexpr (!Tls) {
    error_code ignored;
    lowest().socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);  // FIN after the answer
  }
  buffer_.consume(buffer_.size());
  arm_read_timer(limits().linger_timeout);  // one budget for the whole drain
  stream_.async_read_some(buffer_.prepare(linger_read_size),
                          beast::bind_front_handler(&http_session::on_linger, this->shared_from_this()));
}

template <bool Tls>
void http_session<Tls>::on_linger(error_code ec, std::size_t n) {
  if (phase_ == phase::closed) return;
  lingered_bytes_ += n;
  // Cap the drain too: a client streaming forever must not keep us reading.
  if (ec || timed_out_ || lingered_bytes_ > limits().body_limit + limits().header_limit) return close_socket();
  stream_.async_read_some(buffer_.prepare(linger_read_size),
                          beast::bind_front_handler(&http_session::on_linger, this->shared_from_this()));
}

template <bool Tls>
void http_session<Tls>::do_close() {
  cancel_read_timer();
  if constexpr (Tls) {
    phase_ = phase::closing;
    // Send our close_notify without waiting for the peer's (RFC 8446 §6.1 allows it): an
    // idle pooled client is not reading and would otherwise hold us for close_timeout.
    SSL* ssl = stream_.native_handle();
    SSL_set_shutdown(ssl, SSL_get_shutdown(ssl) | SSL_RECEIVED_SHUTDOWN);
    lowest().expires_after(limits().close_timeout);
    stream_.async_shutdown([self = this->shared_from_this()](error_code) { self->close_socket(); });
  } else {
    close_socket();
  }
}

template <bool Tls>
void http_session<Tls>::close_socket() {
  if (phase_ == phase::closed) return;
  phase_ = phase::closed;
  cancel_read_timer();
  error_code ignored;
  lowest().socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  lowest().close();
  state_->remove(id_);
}

template <bool Tls>
void http_session<Tls>::begin_stop() {
  asio::post(stream_.get_executor(), [self = this->shared_from_this()] {
    self->stopping_ = true;
    // Idle keep-alive connections have nothing in flight: close them now. Everything
    // else finishes its request and closes after the response.
    if (self->phase_ == phase::idle && self->buffer_.size() == 0) self->lowest().cancel();
  });
}

template <bool Tls>
void http_session<Tls>::force_close() {
  asio::post(stream_.get_executor(), [self = this->shared_from_this()] { self->close_socket(); });
}

template <bool Tls>
void http_session<Tls>::arm_read_timer(std::chrono::milliseconds d) {
  timed_out_ = false;
  read_timer_.expires_after(d);
  // The generation check drops a stale expiry that was already queued when the timer
  // was re-armed; otherwise it could cancel the *next* read.
  read_timer_.async_wait([self = this->shared_from_this(), gen = ++timer_generation_](error_code ec) {
    if (ec || gen != self->timer_generation_ || self->phase_ == phase::closed) return;
    self->timed_out_ = true;
    self->lowest().cancel();
  });
}

template <bool Tls>
void http_session<Tls>::cancel_read_timer() {
  ++timer_generation_;
  read_timer_.cancel();
}

template class http_session<true>;
template class http_session<false>;

}  // namespace tidnav::net::detail
