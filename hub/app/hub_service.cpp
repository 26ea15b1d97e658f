// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/app/hub_service.hpp"

#include "hub/app/header_names.hpp"
#include "hub/app/header_policy.hpp"
#include "hub/app/status_page.hpp"
#include "hub/net/url.hpp"

namespace tidnav::app {
namespace {

using clock = std::chrono::steady_clock;

std::chrono::microseconds since(clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::microseconds>(clock::now() - t);
}

// What one routed call carries across the asynchronous producer call.
struct call_state {
  call_state(runtime_ptr r, net::request_context q, std::function<void(consumer_answer&&)> c)
      : rt(std::move(r)), req(std::move(q)), complete(std::move(c)) {}
  runtime_ptr rt;
  net::request_context req;
  std::function<void(consumer_answer&&)> complete;
  call_facts facts;
  std::size_t request_bytes = 0;
};

}  // namespace

std::pair<std::string_view, std::string_view> split_target(std::string_view target) noexcept {
  const auto q = target.find('?');
  if (q == std::string_view::npos) return {target, {}};
  return {target.substr(0, q), target.substr(q + 1)};
}

hub_service::hub_service(runtime_holder& runtime, net::http_client& client, local_producer_map locals,
                         call_observer* observer, const status_page* status)
    : runtime_(runtime), client_(client), locals_(std::move(locals)), observer_(observer), status_(status) {}

void hub_service::handle(net::request_context req, net::responder respond) {
  runtime_ptr rt = runtime_.get();
  if (!rt) {
    respond(text_response(503, "tidnav hub: no routing snapshot loaded yet\n"));
    return;
  }
  if (req.method == "POST") {
    route_call(std::move(req), std::move(respond));
  } else if (req.method == "GET" || req.method == "HEAD") {
    answer_get(*rt, req, respond);
  } else {
    net::response r = text_response(405, "Only POST (SOAP calls) and GET (?wsdl, /status, /health) are served.\n");
    r.headers.push_back({"Allow", "POST, GET, HEAD"});
    respond(std::move(r));
  }
}

void hub_service::answer_get(const runtime& rt, const net::request_context& req, const net::responder& respond) const {
  const auto [path, query] = split_target(req.target);
  if (core::wsdl_catalog::wants_wsdl(query)) {
    if (!rt.wsdl) {
      respond(text_response(404, "This hub serves no WSDL files (wsdl_dir is not configured).\n"));
      return;
    }
    core::wsdl_request w;
    w.path = std::string(path);
    w.query = std::string(query);
    const std::string* host = net::find_header(req.headers, "Host");
    w.base_url = std::string(req.tls ? "https://" : "http://") + (host ? *host : "localhost");
    core::wsdl_answer a = rt.wsdl->answer(w);
    respond(text_response(static_cast<unsigned>(a.status), std::move(a.body), a.content_type));
    return;
  }
  if (status_) {
    if (auto r = status_->answer(path, query)) {
      respond(std::move(*r));
      return;
    }
  }
  respond(text_response(404, "Not found. SOAP calls are POSTed; GET serves ?wsdl, /status and /health/*.\n"));
}

void hub_service::route_call(net::request_context req, net::responder respond) {
  call_facts none;
  route(std::move(req), std::move(none), [respond = std::move(respond)](consumer_answer&& a) {
    respond(std::move(a.response));
  });
}

void hub_service::forward_internal(std::string sender, std::string original_consumer, std::string correlation_id,
                                   net::header_list headers, std::string body, std::chrono::milliseconds timeout,
                                   std::function<void(consumer_answer&&)> done) {
  net::request_context req;
  req.method = "POST";
  req.target = "/internal";
  req.headers = std::move(headers);
  req.body = std::move(body);
  req.remote_ip = "in-process";
  req.received_at = std::chrono::steady_clock::now();
  call_facts f;
  f.internal_call = true;
  f.sender = std::move(sender);
  f.correlation_id = std::move(correlation_id);
  f.timeout_cap = timeout;
  if (!original_consumer.empty()) {
    req.headers.push_back({std::string(headers::original_consumer), std::move(original_consumer)});
  }
  route(std::move(req), std::move(f), std::move(done));
}

void hub_service::route(net::request_context req, call_facts preset, std::function<void(consumer_answer&&)> complete) {
  const std::size_t request_bytes = req.body.size();
  auto st = std::make_shared<call_state>(runtime_.get(), std::move(req), std::move(complete));
  st->request_bytes = request_bytes;
  st->facts = std::move(preset);
  const runtime& rt = *st->rt;

  auto finish = [this](call_state& s, consumer_answer answer, std::chrono::microseconds producer_time,
                       unsigned attempts, bool reused) {
    call_timing t;
    t.producer = producer_time;
    t.attempts = attempts;
    t.reused_connection = reused;
    t.request_bytes = s.request_bytes;
    t.response_bytes = answer.response.body.size();
    consumer_answer logged;
    logged.outcome = answer.outcome;
    logged.code = answer.code;
    logged.detail = answer.detail;
    logged.response.status = answer.response.status;
    // Observed before the answer is handed over: a consumer that has its
    // answer can already find the call in the metrics, call log and audit log
    // (afterwards, a descheduled thread made that a race).
    t.total = since(s.req.received_at);
    if (observer_) observer_->call_finished(s.req, s.facts, logged, t);
    s.complete(std::move(answer));
  };

  auto planned = plan_call(rt, st->req, core::to_instant(std::chrono::system_clock::now()), st->facts);
  if (observer_) {
    // The body moves into the plan on success and stays in the request on a refusal.
    observer_->call_planned(st->req, st->facts, planned ? std::string_view(planned.value().body) : std::string_view(st->req.body));
  }
  if (!planned) {
    consumer_answer a;
    a.outcome = call_outcome::vp_fault;
    a.code = planned.error().code;
    a.detail = planned.error().detail;
    a.response = fault_response(rt, planned.error(), st->facts.correlation_id);
    finish(*st, std::move(a), {}, 0, false);
    return;
  }
  forward_plan& plan = planned.value();

  auto on_result = [this, st, finish, url = plan.url](net::client_result result) mutable {
    const auto producer_time = result.elapsed;
    const unsigned attempts = result.attempts;
    const bool reused = result.reused_connection;
    consumer_answer a = answer_from_producer(*st->rt, url, std::move(result), st->facts.correlation_id);
    finish(*st, std::move(a), producer_time, attempts, reused);
  };

  if (plan.local) {
    const std::string name = plan.url.substr(6);
    auto it = locals_.find(name);
    if (it == locals_.end()) {
      net::client_result r;
      r.error = net::client_errc::connect_failed;
      r.detail = "no in-process producer named '" + name + "' in this hub";
      on_result(std::move(r));
      return;
    }
    local_call c;
    c.name = name;
    c.body = std::move(plan.body);
    c.headers = std::move(plan.headers);
    c.sender = st->facts.sender;
    c.original_consumer = st->facts.original_consumer;
    c.contract = st->facts.contract;
    c.operation = st->facts.operation;
    c.logical_address = st->facts.logical_address;
    c.correlation_id = st->facts.correlation_id;
    c.deadline = clock::now() + plan.timeout;
    it->second->call(std::move(c), std::move(on_result));
    return;
  }

  net::client_request out;
  out.url = plan.url;
  out.body = std::move(plan.body);
  out.headers = std::move(plan.headers);
  out.timeout = plan.timeout;
  if (!plan.http_producer) {
    auto u = net::parse_url(plan.url);
    if (u) {
      try {
        out.tls = rt.producer_tls(u->host, u->port);
      } catch (const std::exception& e) {
        net::client_result r;
        r.error = net::client_errc::tls_failed;
        r.detail = e.what();
        on_result(std::move(r));
        return;
      }
    }
  }
  client_.async_request(std::move(out), std::move(on_result));
}

}  // namespace tidnav::app
