// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/net/client_call.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include "hub/net/tls_context_impl.hpp"

namespace tidnav::net::detail {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

bool is_http_error(const boost::system::error_code& ec) {
  return ec.category() == http::make_error_code(http::error::bad_target).category();
}

}  // namespace

client_call::client_call(std::shared_ptr<client_shared> shared, client_request request, url_parts url,
                         tls_context_ptr tls, client_callback callback)
    : shared_(std::move(shared)),
      opts_(shared_->options),
      url_(std::move(url)),
      tls_(url_.tls ? std::move(tls) : nullptr),
      request_(std::move(request)),
      callback_(std::move(callback)),
      strand_(asio::make_strand(shared_->ioc)),
      resolver_(strand_),
      resolve_timer_(strand_) {
  // The TLS context is part of the key: connections made with different client
  // certificates or trust stores must never be handed to each other's calls.
  pool_key_ = url_.scheme + "://" + url_.host + ":" + std::to_string(url_.port) + "#" +
              std::to_string(reinterpret_cast<std::uintptr_t>(tls_.get()));
}

void client_call::start() {
  started_ = clock::now();
  const auto timeout = request_.timeout.count() > 0 ? request_.timeout : opts_.request_timeout;
  deadline_ = started_ + timeout;
  ++shared_->stats.requests;
  build_request();
  start_attempt(true);
}

void client_call::build_request() {
  req_.method_string(request_.method);
  req_.target(url_.target);
  req_.version(11);
  req_.set(http::field::host, url_.host_header());
  bool has_user_agent = false;
  for (const auto& h : request_.headers) {
    if (is_framing_header(h.name) || iequals(h.name, "host")) continue;
    has_user_agent = has_user_agent || iequals(h.name, "user-agent");
    req_.insert(h.name, h.value);
  }
  if (!has_user_agent && !opts_.user_agent.empty()) req_.set(http::field::user_agent, opts_.user_agent);
  req_.body() = std::move(request_.body);
  req_.keep_alive(true);
  req_.prepare_payload();
}

client_call::clock::time_point client_call::bounded(std::chrono::milliseconds step) const {
  return std::min(deadline_, clock::now() + step);
}

void client_call::start_attempt(bool allow_pooled) {
  ++result_.attempts;
  result_.reused_connection = false;
  if (shared_->closed.load()) return fail(client_errc::shutting_down, {});
  if (allow_pooled) {
    if (auto c = shared_->pool.acquire(pool_key_)) {
      conn_ = std::move(c);
      result_.reused_connection = true;
      ++shared_->stats.connections_reused;
      // Continue on the connection's own strand: its stream and timer live there.
      return asio::dispatch(conn_->get_executor(), [self = shared_from_this()] { self->do_write(); });
    }
  }
  asio::dispatch(strand_, [self = shared_from_this()] {
    if (self->endpoints_.empty())
      self->do_resolve();
    else
      self->do_connect();
  });
}

void client_call::do_resolve() {
  boost::system::error_code ec;
  if (url_.host_is_ip) {
    const auto addr = asio::ip::make_address(url_.host, ec);
    if (ec) return fail(client_errc::invalid_url, ec);
    endpoints_ = tcp::resolver::results_type::create(tcp::endpoint(addr, url_.port), url_.host,
                                                     std::to_string(url_.port));
    return do_connect();
  }
  // getaddrinfo runs on Asio's private thread and cannot be interrupted; on the deadline
  // the call fails at once and the late resolver answer is dropped in on_resolve().
  resolve_timer_.expires_at(deadline_);
  resolve_timer_.async_wait([self = shared_from_this()](error_code ec) {
    if (ec || self->finished_) return;
    self->resolver_.cancel();
    ++self->shared_->stats.failures_timeout;
    self->fail(client_errc::timeout, beast::error::timeout);
  });
  resolver_.async_resolve(url_.host, std::to_string(url_.port),
                          beast::bind_front_handler(&client_call::on_resolve, shared_from_this()));
}

void client_call::on_resolve(error_code ec, tcp::resolver::results_type results) {
  resolve_timer_.cancel();
  if (finished_) return;
  if (ec) {
    ++shared_->stats.failures_resolve;
    return fail(client_errc::resolve_failed, ec);
  }
  endpoints_ = std::move(results);
  do_connect();
}

void client_call::do_connect() {
  conn_ = std::make_unique<client_connection>(strand_, tls_);
  conn_->lowest().expires_at(bounded(opts_.connect_timeout));
  conn_->lowest().async_connect(endpoints_,
                                beast::bind_front_handler(&client_call::on_connect, shared_from_this()));
}

void client_call::on_connect(error_code ec, const tcp::endpoint&) {
  if (ec) {
    ++shared_->stats.failures_connect;
    conn_.reset();
    if (may_retry()) return retry("connect_failed");
    return fail(ec == beast::error::timeout ? client_errc::connect_timeout : client_errc::connect_failed, ec);
  }
  ++shared_->stats.connections_opened;
  boost::system::error_code ignored;
  conn_->lowest().socket().set_option(tcp::no_delay(true), ignored);
  if (conn_->is_tls()) return do_handshake();
  do_write();
}

void client_call::do_handshake() {
  boost::system::error_code ec;
  prepare_client_ssl(conn_->tls().native_handle(), tls_->native(), url_.host, url_.host_is_ip, ec);
  if (ec) {
    ++shared_->stats.failures_tls;
    return fail(client_errc::tls_failed, ec);
  }
  conn_->lowest().expires_at(bounded(opts_.handshake_timeout));
  conn_->tls().async_handshake(asio::ssl::stream_base::client,
                               beast::bind_front_handler(&client_call::on_handshake, shared_from_this()));
}

void client_call::on_handshake(error_code ec) {
  // Not retried: a handshake failure is nearly always a certificate or protocol mismatch
  // that a second attempt would only repeat.
  if (ec) {
    ++shared_->stats.failures_tls;
    return fail(ec == beast::error::timeout && clock::now() >= deadline_ ? client_errc::timeout
                                                                          : client_errc::tls_failed,
                ec);
  }
  ++shared_->stats.tls_handshakes;
  do_write();
}

void client_call::do_write() {
  conn_->lowest().expires_at(deadline_);
  conn_->visit([this](auto& stream) {
    http::async_write(stream, req_, beast::bind_front_handler(&client_call::on_write, shared_from_this()));
  });
}

void client_call::on_write(error_code ec, std::size_t n) {
  if (n > 0) result_.request_bytes_sent = true;
  if (ec) {
    if (ec == beast::error::timeout) {
      ++shared_->stats.failures_timeout;
      return fail(client_errc::timeout, ec);
    }
    ++shared_->stats.failures_write;
    // The only retry after a connection existed: nothing of this request left us, e.g. a
    // pooled connection the producer had reset in the meantime.
    if (!result_.request_bytes_sent && may_retry()) return retry("write_failed_before_first_byte");
    return fail(client_errc::write_failed, ec);
  }
  do_read();
}

void client_call::do_read() {
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(opts_.response_header_limit));
  parser_->body_limit(opts_.response_body_limit);
  conn_->lowest().expires_at(deadline_);
  // Header first, then body: Beast 1.74 loses the body_limit error when a response's
  // header and an over-limit Content-Length body are parsed in one eager put(), which
  // is what a single async_read does.
  conn_->visit([this](auto& stream) {
    http::async_read_header(stream, buffer_, *parser_,
                            beast::bind_front_handler(&client_call::on_read_header, shared_from_this()));
  });
}

void client_call::on_read_header(error_code ec, std::size_t) {
  if (ec) return on_read(ec, 0);
  const unsigned status = parser_->get().result_int();
  // Interim 1xx answers (an unsolicited 100 Continue) precede the real response.
  if (status / 100 == 1 && status != 101) return do_read();
  if (parser_->is_done()) return on_read({}, 0);
  conn_->visit([this](auto& stream) {
    http::async_read(stream, buffer_, *parser_, beast::bind_front_handler(&client_call::on_read, shared_from_this()));
  });
}

void client_call::on_read(error_code ec, std::size_t) {
  auto& stats = shared_->stats;
  if (ec) {
    if (ec == beast::error::timeout) {
      ++stats.failures_timeout;
      return fail(client_errc::timeout, ec);
    }
    if (ec == http::error::body_limit) {
      ++stats.failures_response_too_large;
      return fail(client_errc::response_too_large, ec);
    }
    // A TLS 1.3 server rejects our certificate only after the client considers the
    // handshake done, so that alert surfaces here, on the first read.
    if (ec.category() == asio::error::get_ssl_category()) {
      ++stats.failures_tls;
      return fail(client_errc::tls_failed, ec);
    }
    const bool closed = ec == http::error::end_of_stream || ec == http::error::partial_message ||
                        ec == asio::error::eof || ec == asio::ssl::error::stream_truncated;
    if (is_http_error(ec) && !closed) {
      ++stats.failures_bad_response;
      return fail(client_errc::bad_response, ec);
    }
    ++stats.failures_read;
    return fail(client_errc::read_failed, ec);
  }

  auto& res = parser_->get();
  result_.status = res.result_int();
  result_.headers.reserve(16);
  for (const auto& f : res) result_.headers.push_back({std::string(f.name_string()), std::string(f.value())});
  const bool reusable = res.keep_alive() && !res.need_eof() && buffer_.size() == 0;
  result_.body = std::move(res.body());
  parser_.reset();
  ++conn_->uses;
  if (reusable)
    shared_->pool.release(pool_key_, std::move(conn_));
  else
    conn_.reset();
  finish();
}

bool client_call::may_retry() const {
  return opts_.retry_on_connect_failure && result_.attempts < 2 && clock::now() < deadline_ &&
         !shared_->closed.load();
}

void client_call::retry(const char* why) {
  ++shared_->stats.retries;
  log_line line("info", "producer_retry");
  line.str("reason", why).str("host", url_.host).num("port", url_.port);
  line.emit(opts_.log);
  if (conn_) conn_.reset();
  start_attempt(false);  // always a fresh connection
}

void client_call::fail(client_errc kind, const error_code& cause) {
  if (conn_) conn_.reset();
  result_.error = kind;
  result_.detail = cause ? cause.message() : std::string();
  log_line line("warn", "producer_call_failed");
  line.str("kind", make_error_code(kind).message())
      .str("detail", result_.detail)
      .str("host", url_.host)
      .num("port", url_.port)
      .num("attempts", result_.attempts)
      .boolean("request_bytes_sent", result_.request_bytes_sent);
  line.emit(opts_.log);
  finish();
}

void client_call::finish() {
  finished_ = true;
  result_.elapsed = std::chrono::duration_cast<std::chrono::microseconds>(clock::now() - started_);
  auto cb = std::move(callback_);
  if (!cb) return;
  try {
    cb(std::move(result_));
  } catch (const std::exception& e) {
    // Never let a callback's exception unwind into Asio.
    log_line line("error", "client_callback_exception");
    line.str("what", e.what());
    line.emit(opts_.log);
  }
}

}  // namespace tidnav::net::detail
