// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/conform/soap_transport.hpp"

#include "hub/net/http_client.hpp"

namespace tidnav::conform {
namespace {

class https_transport final : public soap_transport {
 public:
  https_transport(std::string url, net::client_options options) : url_(std::move(url)), client_(std::move(options)) {}

  http_answer post(const std::string& soap_action, const std::string& envelope) override {
    auto r = client_.request(net::make_post(
        url_, envelope, {{"Content-Type", "text/xml; charset=UTF-8"}, {"SOAPAction", "\"" + soap_action + "\""}}));
    http_answer out;
    if (!r.ok()) {
      out.error = r.error.message() + (r.detail.empty() ? "" : ": " + r.detail);
      return out;
    }
    out.status = r.status;
    out.body = std::move(r.body);
    return out;
  }

 private:
  std::string url_;
  net::http_client client_;
};

}  // namespace

std::unique_ptr<soap_transport> make_https_transport(const std::string& url, const tls_files& tls,
                                                     std::chrono::milliseconds timeout) {
  net::client_tls_options t;
  t.ca_file = tls.ca;
  t.cert_file = tls.cert;
  t.key_file = tls.key;
  t.verify_peer = !tls.insecure;
  net::client_options options;
  try {
    options.tls = net::make_client_tls_context(t);
  } catch (const net::tls_error& e) {
    throw std::runtime_error(e.what());
  }
  options.io_threads = 1;
  options.max_idle_per_endpoint = 2;
  options.log = net::null_log_sink();
  options.request_timeout = timeout;
  options.user_agent = "tidnav-conform";
  return std::make_unique<https_transport>(url, std::move(options));
}

}  // namespace tidnav::conform
