// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/millennium/sim/millennium_simulator.hpp"

#include "adapters/fhir/encoding.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace tidnav::adapters::millennium::sim {
namespace {

using json = nlohmann::json;
using fhir::sim::json_response;
using fhir::sim::sim_call;
using fhir::sim::sim_reply;

class simulator final : public millennium_simulator {
 public:
  simulator(simulator_options options, sim_seed seed)
      : options_(std::move(options)),
        store_(std::move(seed)),
        front_({options_.tls, options_.address, options_.port, options_.io_threads},
               [this](const sim_call& c) { return on_call(c); }) {
    front_.set_defects(options_.defects);
    store_.list_taken_slots(options_.defects.taken_slot_free);
  }

  std::uint16_t port() const override { return front_.port(); }
  std::string origin() const override { return front_.origin(); }
  std::string base_url() const override { return origin() + root(); }
  void inject(injected_fault fault) override { front_.inject(std::move(fault)); }
  void clear_fault() override { front_.inject({}); }
  void revoke_tokens() override { front_.revoke_tokens(); }
  std::size_t tokens_issued() const override { return front_.tokens_issued(); }
  sim_store& store() override { return store_; }

 private:
  std::string root() const { return "/r4/" + options_.tenant; }

  net::response token(const sim_call& c) {
    std::string grant;
    for (const auto& [k, v] : fhir::sim::parse_query(c.request.body).value_or(query_params{})) {
      if (k == "grant_type") grant = v;
    }
    if (grant != "client_credentials") {
      return json_response(400, json{{"error", "unsupported_grant_type"}}.dump(), "application/json");
    }
    // A system account authenticates with HTTP Basic.
    const std::string auth = c.header("Authorization");
    const std::string expected = store_.seed().client_id + ":" + store_.seed().client_secret;
    if (auth.rfind("Basic ", 0) != 0 || fhir::base64_decode(auth.substr(6)) != expected) {
      return json_response(401, json{{"error", "invalid_client"}}.dump(), "application/json");
    }
    return json_response(200,
                         json{{"access_token", front_.issue_token("mil-token-")}, {"token_type", "Bearer"},
                              {"expires_in", options_.token_lifetime.count()}}.dump(),
                         "application/json");
  }

  std::optional<net::response> refuse(const sim_call& c) const {
    if (!front_.valid_bearer(c.header("Authorization"))) {
      json o = {{"resourceType", "OperationOutcome"},
                {"issue", json::array({{{"severity", "error"}, {"code", "security"}, {"diagnostics", "Unauthorized"}}})}};
      return json_response(401, o.dump(), "application/fhir+json", {{"WWW-Authenticate", "Bearer"}});
    }
    // JSON only: any other media type is refused.
    const std::string accept = c.header("Accept");
    if (!accept.empty() && accept.find("json") == std::string::npos && accept.find("*/*") == std::string::npos) {
      return json_response(406, "", "text/plain");
    }
    return std::nullopt;
  }

  sim_reply on_call(const sim_call& c) {
    if (c.request.method == "POST" && c.path == "/oauth2/token") return {token(c)};
    // An operator/test door, not Millennium's API: a change made directly in the system (no token).
    if (c.request.method == "POST" && c.path.rfind("/_sim/direct/", 0) == 0) {
      const auto a = store_.direct(std::string_view(c.path).substr(13), c.request.body);
      return {json_response(a.status, a.body, "application/fhir+json", a.headers)};
    }
    const std::string prefix = root();
    if (c.path.rfind(prefix + "/", 0) != 0) return {json_response(404, R"({"error":"not found"})", "application/json")};
    if (auto refused = refuse(c)) return {std::move(*refused)};
    const injected_fault fault = front_.fault();
    if (auto faulted = front_.fault_answer(fault)) return {std::move(*faulted), fault.delay};
    const auto a = store_.handle(c.request.method, std::string_view(c.path).substr(prefix.size()), c.query, base_url(),
                                 c.header("If-Match"), c.header("Content-Type"), c.request.body);
    return {json_response(a.status, a.body, "application/fhir+json", a.headers), fault.delay};
  }

  simulator_options options_;
  sim_store store_;
  fhir::sim::sim_front front_;  // last: stopped before the store it serves goes
};

}  // namespace

std::unique_ptr<millennium_simulator> start_millennium_simulator(simulator_options options) {
  std::string error;
  auto seed = load_sim_seed(options.seed_file, error);
  if (!seed) throw std::runtime_error("millennium simulator: " + error);
  return std::make_unique<simulator>(std::move(options), std::move(*seed));
}

}  // namespace tidnav::adapters::millennium::sim
