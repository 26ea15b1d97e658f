// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/fhir/net/net_transport.hpp"

#include "hub/net/client_error.hpp"

namespace tidnav::adapters::fhir {

net_transport::net_transport(net::client_options options)
    : client_(std::make_unique<net::http_client>(std::move(options))) {}

http_response net_transport::send(const http_request& request, deadline until) {
  http_response out;
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
  if (left.count() <= 0) {
    out.what = http_response::outcome::timed_out;
    out.detail = "deadline passed before sending";
    return out;
  }
  net::client_request req;
  req.url = request.url;
  req.method = request.method;
  for (const auto& [name, value] : request.headers) req.headers.push_back({name, value});
  req.body = request.body;
  req.timeout = left;
  auto res = client_->request(std::move(req));
  if (res.ok()) {
    out.status = static_cast<int>(res.status);
    for (auto& h : res.headers) out.headers.emplace_back(std::move(h.name), std::move(h.value));
    out.body = std::move(res.body);
    return out;
  }
  out.what = res.error == net::client_errc::timeout ? http_response::outcome::timed_out
                                                     : http_response::outcome::unreachable;
  out.detail = res.error.message() + (res.detail.empty() ? "" : ": " + res.detail);
  out.maybe_delivered = res.request_bytes_sent;
  return out;
}

}  // namespace tidnav::adapters::fhir
