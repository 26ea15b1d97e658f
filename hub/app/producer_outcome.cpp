// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/app/producer_outcome.hpp"

#include "hub/app/header_policy.hpp"
#include "hub/net/client_error.hpp"

namespace tidnav::app {
namespace {

constexpr std::string_view soap_env_ns = "http://schemas.xmlsoap.org/soap/envelope/";

consumer_answer vp009(const runtime& rt, std::string_view url, std::string reason, std::string_view correlation_id) {
  consumer_answer a;
  a.outcome = call_outcome::vp_fault;
  a.code = core::vp_code::vp009;
  a.detail = reason;
  a.response = fault_response(rt, core::make_fault(core::vp_code::vp009, std::string(url) + ". " + reason), correlation_id);
  return a;
}

consumer_answer with_status(unsigned status, consumer_answer a) {
  a.producer_status = status;
  return a;
}

std::string failure_reason(const net::client_result& r) {
  using net::client_errc;
  std::string what;
  if (r.error == client_errc::timeout) {
    what = "Timeout when waiting on response from producer.";
  } else {
    what = "Exception caught when contacting producer. Exception information: (" + r.error.message();
    if (!r.detail.empty()) what += ": " + r.detail;
    what += ")";
  }
  if (r.request_bytes_sent && r.error != client_errc::timeout) what += " The request may have reached the producer.";
  return what;
}

}  // namespace

net::response fault_response(const runtime& rt, const core::vp_fault& fault, std::string_view correlation_id) {
  net::response r;
  r.status = static_cast<unsigned>(core::info(fault.code).http_status);
  r.headers = minimal_response_headers(correlation_id);
  r.body = core::render_soap_fault(fault, rt.config.instance_name);
  return r;
}

consumer_answer answer_from_producer(const runtime& rt, std::string_view url, net::client_result&& p,
                                     std::string_view correlation_id) {
  if (!p.ok()) {
    consumer_answer a = vp009(rt, url, failure_reason(p), correlation_id);
    a.producer_timeout = p.error == net::client_errc::timeout;
    return a;
  }
  const unsigned status = p.status;
  const std::string status_note = "\nVP_PRODUCER_EXCEPTION_HTTP_STATUS=" + std::to_string(p.status);
  if (p.body.empty()) {
    return with_status(status, vp009(rt, url, "The producer answered with an empty body." + (p.status == 200 ? std::string() : status_note),
                 correlation_id));
  }
  const bool soap_fault_500 = p.status == 500 && p.body.find(soap_env_ns) != std::string::npos;
  if (!soap_fault_500 && (p.status < 200 || p.status > 299)) {
    return with_status(status, vp009(rt, url, "The producer answered with HTTP status " + std::to_string(p.status) + "." + status_note,
                 correlation_id));
  }
  consumer_answer a;
  a.producer_status = status;
  a.outcome = soap_fault_500 ? call_outcome::producer_fault : call_outcome::ok;
  a.response.status = p.status;
  a.response.headers = consumer_response_headers(rt, p.headers, correlation_id, p.elapsed);
  a.response.body = std::move(p.body);
  return a;
}

std::string_view outcome_label(const consumer_answer& a) noexcept {
  switch (a.outcome) {
    case call_outcome::ok: return "ok";
    case call_outcome::producer_fault: return "producer_fault";
    case call_outcome::vp_fault: return core::info(a.code).name;
  }
  return "unknown";
}

}  // namespace tidnav::app
