// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/fhir/sim/sim_http.hpp"

#include "adapters/fhir/encoding.hpp"
#include "hub/net/http_types.hpp"

#include <condition_variable>

namespace tidnav::adapters::fhir::sim {

std::optional<query_params> parse_query(std::string_view q) {
  query_params out;
  while (!q.empty()) {
    const auto amp = q.find('&');
    const auto part = q.substr(0, amp);
    const auto eq = part.find('=');
    if (!part.empty()) {
      auto key = url_decode(part.substr(0, eq));
      auto value = eq == std::string_view::npos ? std::optional<std::string>("") : url_decode(part.substr(eq + 1));
      if (!key || !value) return std::nullopt;
      out.emplace_back(std::move(*key), std::move(*value));
    }
    if (amp == std::string_view::npos) break;
    q.remove_prefix(amp + 1);
  }
  return out;
}

std::string sim_call::header(std::string_view name) const {
  const std::string* v = net::find_header(request.headers, name);
  return v ? *v : std::string();
}

net::response json_response(unsigned status, std::string body, std::string_view type, const header_pairs& extra) {
  net::response r;
  r.status = status;
  r.headers = {{"Content-Type", std::string(type)}};
  for (const auto& [k, v] : extra) r.headers.push_back({k, v});
  r.body = std::move(body);
  return r;
}

sim_front::sim_front(front_options options, handler on_call)
    : options_(std::move(options)), on_call_(std::move(on_call)) {
  net::server_options so;
  so.listen = {{options_.address, options_.port, options_.tls != nullptr}};
  so.tls = options_.tls;
  so.io_threads = options_.io_threads;
  so.log = [](std::string_view) {};  // a simulator is quiet; callers assert on answers
  server_ = std::make_unique<net::http_server>(
      so, [this](net::request_context req, net::responder respond) { on_request(std::move(req), respond); });
  server_->start();
}

sim_front::~sim_front() {
  server_->stop(std::chrono::milliseconds(200));
  std::vector<std::jthread> late;
  {
    const std::lock_guard lock(mu_);
    late.swap(delayed_);
  }
  // The jthreads join here; the responders they hold outlive the server harmlessly.
}

std::uint16_t sim_front::port() const { return server_->port(); }

std::string sim_front::origin() const {
  return std::string(options_.tls ? "https://" : "http://") + options_.address + ":" + std::to_string(port());
}

std::string sim_front::issue_token(std::string_view prefix) {
  const std::lock_guard lock(mu_);
  std::string tok = std::string(prefix) + std::to_string(++issued_);
  tokens_.insert(tok);
  return tok;
}

bool sim_front::valid_bearer(std::string_view auth) const {
  if (auth.substr(0, 7) != "Bearer ") return false;
  const std::lock_guard lock(mu_);
  return tokens_.find(auth.substr(7)) != tokens_.end();
}

void sim_front::revoke_tokens() {
  const std::lock_guard lock(mu_);
  tokens_.clear();
}

std::size_t sim_front::tokens_issued() const {
  const std::lock_guard lock(mu_);
  return issued_;
}

void sim_front::inject(injected_fault fault) {
  const std::lock_guard lock(mu_);
  fault_ = std::move(fault);
}

injected_fault sim_front::fault() const {
  const std::lock_guard lock(mu_);
  return fault_;
}

void sim_front::set_defects(const sim_defects& defects) {
  const std::lock_guard lock(mu_);
  defects_ = defects;
}

// The FHIR API (not the token endpoint, not a simulator's own /_sim/ door) as a
// defective backend answers it; without defects, the handler's answer.
sim_reply sim_front::with_defects(const sim_call& call) {
  const bool fhir = call.path != "/oauth2/token" && call.path.rfind("/_sim/", 0) != 0;
  sim_defects d;
  {
    const std::lock_guard lock(mu_);
    d = defects_;
    const std::string auth = call.header("Authorization");
    if (fhir && d.token_calls > 0 && auth.rfind("Bearer ", 0) == 0) {
      // Each token serves token_calls FHIR calls, then expires mid-session: the next call gets 401.
      const std::string token = auth.substr(7);
      if (tokens_.count(token) && ++token_uses_[token] > d.token_calls) {
        tokens_.erase(token);
        token_uses_.erase(token);
      }
    }
  }
  if (!fhir || !d.any()) return on_call_(call);
  const bool write = call.request.method != "GET" && call.request.method != "HEAD";
  sim_reply reply;
  if (d.write_5xx && write && valid_bearer(call.header("Authorization"))) {
    reply.response = json_response(
        503, R"json({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"transient",)json"
             R"json("diagnostics":"Service temporarily unavailable (simulated defect write-5xx)"}]})json");
  } else {
    reply = on_call_(call);
    if (d.malformed_json && !write && reply.response.status == 200) {
      reply.response.body = R"({"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Slot",)";
    }
  }
  reply.delay += d.slow;
  return reply;
}

std::optional<net::response> sim_front::fault_answer(const injected_fault& fault) const {
  if (fault.status != 0) return json_response(fault.status, fault.body);
  if (fault.malformed) return json_response(200, R"({"resourceType":"Bundle","entry":[{"resource":)");
  return std::nullopt;
}

void sim_front::on_request(net::request_context req, const net::responder& respond) {
  const auto q = req.target.find('?');
  auto query = parse_query(q == std::string::npos ? std::string_view() : std::string_view(req.target).substr(q + 1));
  if (!query) {
    respond(json_response(400, R"({"error":"malformed query string"})", "application/json"));
    return;
  }
  const sim_call call{req, req.target.substr(0, q), std::move(*query)};
  sim_reply reply = with_defects(call);
  if (reply.delay.count() <= 0) {
    respond(std::move(reply.response));
    return;
  }
  const std::lock_guard lock(mu_);
  // Stopped early when the simulator goes away, so a test never waits out a long delay.
  delayed_.emplace_back([respond, out = std::move(reply.response), delay = reply.delay](std::stop_token stop) mutable {
    std::mutex m;
    std::condition_variable_any cv;
    std::unique_lock lock(m);
    cv.wait_for(lock, stop, delay, [] { return false; });
    respond(std::move(out));
  });
}

}  // namespace tidnav::adapters::fhir::sim
