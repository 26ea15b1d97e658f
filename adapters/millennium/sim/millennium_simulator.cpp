// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/millennium/sim/millennium_simulator.hpp"

#include "hub/net/http_server.hpp"

#include <nlohmann/json.hpp>

#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace tidnav::adapters::millennium::sim {
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

std::string base64_decode(std::string_view in) {
  static constexpr std::string_view table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned value = 0;
  int bits = -8;
  for (const char c : in) {
    const auto at = table.find(c);
    if (at == std::string_view::npos) break;  // '=' padding ends it
    value = (value << 6) | static_cast<unsigned>(at);
    bits += 6;
    if (bits >= 0) {
      out += static_cast<char>((value >> bits) & 0xFF);
      bits -= 8;
    }
  }
  return out;
}

class simulator final : public millennium_simulator {
 public:
  simulator(simulator_options options, sim_seed seed) : options_(std::move(options)), store_(std::move(seed)) {
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
  std::string base_url() const override { return origin() + root(); }
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
  sim_store& store() override { return store_; }

 private:
  std::string root() const { return "/r4/" + options_.tenant; }

  static net::response answer(unsigned status, std::string body, std::string_view type = "application/fhir+json",
                              const header_pairs& extra = {}) {
    net::response r;
    r.status = status;
    r.headers = {{"Content-Type", std::string(type)}};
    for (const auto& [k, v] : extra) r.headers.push_back({k, v});
    r.body = std::move(body);
    return r;
  }

  net::response token(const net::request_context& req) {
    std::string grant;
    for (const auto& [k, v] : parse_query(req.body)) {
      if (k == "grant_type") grant = v;
    }
    if (grant != "client_credentials") {
      return answer(400, json{{"error", "unsupported_grant_type"}}.dump(), "application/json");
    }
    // A system account authenticates with HTTP Basic.
    const std::string auth = header(req, "Authorization");
    const std::string expected = store_.seed().client_id + ":" + store_.seed().client_secret;
    if (auth.rfind("Basic ", 0) != 0 || base64_decode(auth.substr(6)) != expected) {
      return answer(401, json{{"error", "invalid_client"}}.dump(), "application/json");
    }
    const std::lock_guard lock(mu_);
    std::string tok = "mil-token-" + std::to_string(++issued_);
    tokens_.insert(tok);
    return answer(200,
                  json{{"access_token", tok}, {"token_type", "Bearer"},
                       {"expires_in", options_.token_lifetime.count()}}.dump(),
                  "application/json");
  }

  std::optional<net::response> refuse(const net::request_context& req) {
    const std::string auth = header(req, "Authorization");
    {
      const std::lock_guard lock(mu_);
      if (auth.rfind("Bearer ", 0) != 0 || tokens_.count(auth.substr(7)) == 0) {
        json o = {{"resourceType", "OperationOutcome"},
                  {"issue", json::array({{{"severity", "error"}, {"code", "security"}, {"diagnostics", "Unauthorized"}}})}};
        return answer(401, o.dump(), "application/fhir+json", {{"WWW-Authenticate", "Bearer"}});
      }
    }
    // JSON only: any other media type is refused.
    const std::string accept = header(req, "Accept");
    if (!accept.empty() && accept.find("json") == std::string::npos && accept.find("*/*") == std::string::npos) {
      return answer(406, "", "text/plain");
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
    const std::string prefix = root();
    if (path.rfind(prefix + "/", 0) != 0) {
      respond(answer(404, R"({"error":"not found"})", "application/json"));
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
    net::response out;
    if (fault.status != 0) {
      out = answer(fault.status, fault.body);
    } else if (fault.malformed) {
      out = answer(200, R"({"resourceType":"Bundle","entry":[{"resource":)");
    } else {
      const auto a = store_.handle(req.method, std::string_view(path).substr(prefix.size()), parse_query(query),
                                   base_url(), header(req, "If-Match"), header(req, "Content-Type"), req.body);
      out = answer(a.status, a.body, "application/fhir+json", a.headers);
    }
    if (fault.delay.count() > 0) {
      // Never sleep on an io thread: answer later from a thread of our own.
      const std::lock_guard lock(mu_);
      delayed_.emplace_back([respond, out = std::move(out), delay = fault.delay]() mutable {
        std::this_thread::sleep_for(delay);
        respond(std::move(out));
      });
      return;
    }
    respond(std::move(out));
  }

  simulator_options options_;
  sim_store store_;
  mutable std::mutex mu_;
  injected_fault fault_;
  std::set<std::string> tokens_;
  std::size_t issued_ = 0;
  std::vector<std::jthread> delayed_;
  std::unique_ptr<net::http_server> server_;  // last: stopped before the state it uses goes
};

}  // namespace

std::unique_ptr<millennium_simulator> start_millennium_simulator(simulator_options options) {
  std::string error;
  auto seed = load_sim_seed(options.seed_file, error);
  if (!seed) throw std::runtime_error("millennium simulator: " + error);
  return std::make_unique<simulator>(std::move(options), std::move(*seed));
}

}  // namespace tidnav::adapters::millennium::sim
