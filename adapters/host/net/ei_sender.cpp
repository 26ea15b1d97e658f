// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/host/net/ei_sender.hpp"

#include "hub/ei/ei_codec.hpp"

namespace tidnav::adapters::host {
namespace {

net::client_options client_options(const ei_settings& s) {
  net::client_options o;
  o.tls = ei_sender::make_tls(s);
  o.request_timeout = s.timeout;
  o.io_threads = 1;
  o.user_agent = "tidnav-adapter";
  return o;
}

}  // namespace

net::tls_context_ptr ei_sender::make_tls(const ei_settings& s) {
  net::client_tls_options t;
  t.ca_file = s.client.ca;
  t.cert_file = s.client.cert;
  t.key_file = s.client.key;
  return net::make_client_tls_context(t);
}

ei_sender::ei_sender(const ei_settings& settings)
    : timeout_(settings.timeout), client_(std::make_unique<net::http_client>(client_options(settings))) {}

void ei_sender::set_tls(net::tls_context_ptr tls) {
  {
    const std::lock_guard lock(tls_mutex_);
    tls_ = std::move(tls);
  }
  client_->close_idle();
}

ei_sender::~ei_sender() = default;

void ei_sender::send(const ei::outbound_notification& n, std::function<void(bool, std::string)> done) {
  net::client_request r = net::make_post(
      n.target, n.envelope, {{"Content-Type", "text/xml; charset=UTF-8"}, {"SOAPAction", "\"" + n.soap_action + "\""}});
  r.timeout = timeout_;
  {
    const std::lock_guard lock(tls_mutex_);
    r.tls = tls_;  // null until a reload: the client's own context
  }
  client_->async_request(std::move(r), [done = std::move(done)](net::client_result res) {
    if (!res.ok()) {
      done(false, res.error.message() + (res.detail.empty() ? "" : ": " + res.detail));
      return;
    }
    std::string detail;
    const bool ok = ei::update_accepted(static_cast<int>(res.status), res.body, detail);
    done(ok, std::move(detail));
  });
}

}  // namespace tidnav::adapters::host
