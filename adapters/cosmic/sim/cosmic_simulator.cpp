// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/cosmic/sim/cosmic_simulator.hpp"

#include "hub/net/http_server.hpp"

#include <nlohmann/json.hpp>

#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace tidnav::adapters::cosmic::sim {
namespace {

using json = nlohmann::json;

std::string decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

query_params parse_query(std::string_view q) {
  query_params out;
  while (!q.empty()) {
    const auto amp = q.find('&');
    const auto part = q.substr(0, amp);
    const auto eq = part.find('=');
    if (!part.empty()) {
      out.emplace_back(decode(part.substr(0, eq)), eq == std::string_view::npos ? "" : decode(part.substr(eq + 1)));
    }
    if (amp == std::string_view::npos) break;
    q.remove_prefix(amp + 1);
  }
  return out;
}

std::string header(const net::request_context& req, std::string_view name) {
  const std::string* v = net::find_header(req.headers, name);
  return v ? *v : std::string();
}

class simulator final : public cosmic_simulator {
 public:
  simulator(simulator_options options, sim_seed seed)
      : options_(std::move(options)), schedule_(std::move(seed)) {
    net::server_options so;
    so.listen = {{options_.address, options_.port, options_.tls != nullptr}};
    so.tls = options_.tls;
    so.io_threads = options_.io_threads;
    so.log = [](std::string_view) {};  // the simulator is quiet; tests assert on answers
    server_ = std::make_unique<net::http_server>(
        so, [this](net::request_context req, net::responder respond) { on_request(std::move(req), respond); });
    server_->start();
  }

  ~simulator() override {
    server_->stop(std::chrono::milliseconds(200));
    std::vector<std::jthread> late;
    {
      const std::lock_guard lock(mu_);
      late.swap(delayed_);
    }
    // jthreads join here; the responders they hold outlive the server harmlessly.
  }

  std::uint16_t port() const override { return server_->port(); }
  std::string origin() const override {
    return std::string(options_.tls ? "https://" : "http://") + options_.address + ":" + std::to_string(port());
  }
  void inject(injected_fault fault) override {
    const std::lock_guard lock(mu_);
    fault_ = std::move(fault);
  }
  void clear_fault() override { inject({}); }
  void revoke_tokens() override {
    const std::lock_guard lock(mu_);
    tokens_.clear();
  }
  std::size_t tokens_issued() const override {
    const std::lock_guard lock(mu_);
    return issued_;
  }
  sim_schedule& schedule() override { return schedule_; }

 private:
  static net::response json_answer(unsigned status, std::string body, std::string_view type = "application/fhir+json") {
    net::response r;
    r.status = status;
    r.headers = {{"Content-Type", std::string(type)}};
    r.body = std::move(body);
    return r;
  }

  net::response token(const net::request_context& req) {
    const auto form = parse_query(req.body);
    std::string id, secret, grant;
    for (const auto& [k, v] : form) {
      if (k == "client_id") id = v;
      if (k == "client_secret") secret = v;
      if (k == "grant_type") grant = v;
    }
    if (grant != "client_credentials") {
      return json_answer(400, json{{"error", "unsupported_grant_type"}}.dump(), "application/json");
    }
    if (id != schedule_.seed().client_id || secret != schedule_.seed().client_secret) {
      return json_answer(401, json{{"error", "invalid_client"}}.dump(), "application/json");
    }
    const std::lock_guard lock(mu_);
    std::string tok = "sim-token-" + std::to_string(++issued_);
    tokens_.insert(tok);
    return json_answer(200,
                       json{{"access_token", tok}, {"token_type", "Bearer"},
                            {"expires_in", options_.token_lifetime.count()}}.dump(),
                       "application/json");
  }

  // The API gateway's checks, in its order: subscription key, then token.
  std::optional<net::response> refuse(const net::request_context& req) {
    if (header(req, "Ocp-Apim-Subscription-Key") != schedule_.seed().subscription_key) {
      return json_answer(401,
                         json{{"statusCode", 401},
                              {"message", "Access denied due to missing or invalid subscription key."}}.dump(),
                         "application/json");
    }
    const std::string auth = header(req, "Authorization");
    const std::lock_guard lock(mu_);
    if (auth.rfind("Bearer ", 0) != 0 || tokens_.count(auth.substr(7)) == 0) {
      return json_answer(401, json{{"statusCode", 401}, {"message", "Invalid access token."}}.dump(),
                         "application/json");
    }
    return std::nullopt;
  }

  void on_request(net::request_context req, const net::responder& respond) {
    const auto q = req.target.find('?');
    const std::string path = req.target.substr(0, q);
    const std::string query = q == std::string::npos ? std::string() : req.target.substr(q + 1);
    if (req.method == "POST" && path == "/oauth2/token") {
      respond(token(req));
      return;
    }
    if (path.rfind("/fhir/", 0) != 0) {
      respond(json_answer(404, R"({"error":"not found"})", "application/json"));
      return;
    }
    if (auto refused = refuse(req)) {
      respond(std::move(*refused));
      return;
    }
    injected_fault fault;
    {
      const std::lock_guard lock(mu_);
      fault = fault_;
    }
    net::response answer;
    if (fault.status != 0) {
      answer = json_answer(fault.status, fault.body);
    } else if (fault.malformed) {
      answer = json_answer(200, R"({"resourceType":"Bundle","entry":[{"resource":)");
    } else {
      const auto a = schedule_.handle(req.method, std::string_view(path).substr(5), parse_query(query),
                                      header(req, "Patient"), req.body);
      answer = json_answer(a.status, a.body);
    }
    if (fault.delay.count() > 0) {
      // Never sleep on an io thread: answer later from a thread of our own.
      const std::lock_guard lock(mu_);
      delayed_.emplace_back([respond, answer = std::move(answer), delay = fault.delay]() mutable {
        std::this_thread::sleep_for(delay);
        respond(std::move(answer));
      });
      return;
    }
    respond(std::move(answer));
  }

  simulator_options options_;
  sim_schedule schedule_;
  mutable std::mutex mu_;
  injected_fault fault_;
  std::set<std::string> tokens_;
  std::size_t issued_ = 0;
  std::vector<std::jthread> delayed_;
  std::unique_ptr<net::http_server> server_;  // last: stopped before the state it uses goes
};

}  // namespace

std::unique_ptr<cosmic_simulator> start_cosmic_simulator(simulator_options options) {
  std::string error;
  auto seed = load_sim_seed(options.seed_file, error);
  if (!seed) throw std::runtime_error("cosmic simulator: " + error);
  return std::make_unique<simulator>(std::move(options), std::move(*seed));
}

}  // namespace tidnav::adapters::cosmic::sim
