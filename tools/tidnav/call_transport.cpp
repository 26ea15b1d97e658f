// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/tidnav/call_transport.hpp"

#include "hub/net/http_client.hpp"

#include <cmath>

namespace tidnav::cli {

call_result send_soap(const std::string& url, const call_tls& tls, const std::string& soap_action,
                      const std::string& envelope, double timeout_seconds) {
  net::client_tls_options t;
  t.ca_file = tls.ca;
  t.cert_file = tls.cert;
  t.key_file = tls.key;
  t.verify_peer = !tls.insecure;
  net::client_options options;
  options.tls = net::make_client_tls_context(t);
  options.io_threads = 1;
  options.log = net::null_log_sink();
  options.request_timeout = std::chrono::milliseconds(static_cast<long>(std::lround(timeout_seconds * 1000)));
  options.user_agent = "tidnav-call";
  net::http_client client(std::move(options));
  auto r = client.request(net::make_post(
      url, envelope, {{"Content-Type", "text/xml; charset=UTF-8"}, {"SOAPAction", soap_action}}));
  call_result out;
  if (!r.ok()) {
    out.error = r.error.message() + (r.detail.empty() ? "" : ": " + r.detail);
    return out;
  }
  out.status = r.status;
  out.body = std::move(r.body);
  return out;
}

}  // namespace tidnav::cli
