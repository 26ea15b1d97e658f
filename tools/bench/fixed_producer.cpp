// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/bench/fixed_producer.hpp"

#include "tools/bench/default_response.hpp"
#include "tools/bench/delay_queue.hpp"

namespace tidnav::bench {

fixed_producer::fixed_producer(producer_options o)
    : response_(o.response.empty() ? std::string(default_response()) : std::move(o.response)) {
  if (o.delay.count() > 0) delays_ = std::make_unique<delay_queue>(o.delay);
  net::server_options so;
  so.listen = {net::listen_endpoint{o.address, o.port, true}};
  so.tls = net::make_server_tls_context({o.ca, o.cert, o.key});
  so.io_threads = std::max<std::size_t>(1, o.io_threads);
  so.limits.idle_timeout = std::chrono::minutes(5);  // a benchmark's pauses are not abuse
  so.log = net::null_log_sink();
  server_ = std::make_unique<net::http_server>(
      std::move(so), [this](net::request_context req, net::responder respond) {
        if (req.method != "POST") {
          respond(405, {{"Allow", "POST"}}, "");
          return;
        }
        if (!delays_) {
          respond(200, {{"Content-Type", "text/xml; charset=UTF-8"}}, response_);
          return;
        }
        delays_->push([this, respond] { respond(200, {{"Content-Type", "text/xml; charset=UTF-8"}}, response_); });
      });
}

fixed_producer::~fixed_producer() {
  stop();
  delays_.reset();
}

void fixed_producer::start() { server_->start(); }

std::uint16_t fixed_producer::port() const { return server_->port(); }

void fixed_producer::stop() { server_->stop(std::chrono::milliseconds(2'000)); }

const net::server_stats& fixed_producer::stats() const noexcept { return server_->stats(); }

}  // namespace tidnav::bench
