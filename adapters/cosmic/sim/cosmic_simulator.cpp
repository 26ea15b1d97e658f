// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/cosmic/sim/cosmic_simulator.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace tidnav::adapters::cosmic::sim {
namespace {

using json = nlohmann::json;
using fhir::sim::json_response;
using fhir::sim::sim_call;
using fhir::sim::sim_reply;

class simulator final : public cosmic_simulator {
 public:
  simulator(simulator_options options, sim_seed seed)
      : options_(std::move(options)),
        schedule_(std::move(seed)),
        front_({options_.tls, options_.address, options_.port, options_.io_threads},
               [this](const sim_call& c) { return on_call(c); }) {
    front_.set_defects(options_.defects);
    schedule_.list_taken_slots(options_.defects.taken_slot_free);
    schedule_.set_base(base_url());
  }

  std::uint16_t port() const override { return front_.port(); }
  std::string origin() const override { return front_.origin(); }
  void inject(injected_fault fault) override { front_.inject(std::move(fault)); }
  void clear_fault() override { front_.inject({}); }
  void revoke_tokens() override { front_.revoke_tokens(); }
  std::size_t tokens_issued() const override { return front_.tokens_issued(); }
  sim_schedule& schedule() override { return schedule_; }

 private:
  net::response token(const sim_call& c) {
    std::string id, secret, grant;
    for (const auto& [k, v] : fhir::sim::parse_query(c.request.body).value_or(query_params{})) {
      if (k == "client_id") id = v;
      if (k == "client_secret") secret = v;
      if (k == "grant_type") grant = v;
    }
    if (grant != "client_credentials") {
      return json_response(400, json{{"error", "unsupported_grant_type"}}.dump(), "application/json");
    }
    if (id != schedule_.seed().client_id || secret != schedule_.seed().client_secret) {
      return json_response(401, json{{"error", "invalid_client"}}.dump(), "application/json");
    }
    return json_response(200,
                         json{{"access_token", front_.issue_token("sim-token-")}, {"token_type", "Bearer"},
                              {"expires_in", options_.token_lifetime.count()}}.dump(),
                         "application/json");
  }

  // The API gateway's checks, in its order: subscription key, then token.
  std::optional<net::response> refuse(const sim_call& c) const {
    if (c.header("Ocp-Apim-Subscription-Key") != schedule_.seed().subscription_key) {
      return json_response(401,
                           json{{"statusCode", 401},
                                {"message", "Access denied due to missing or invalid subscription key."}}.dump(),
                           "application/json");
    }
    if (!front_.valid_bearer(c.header("Authorization"))) {
      return json_response(401, json{{"statusCode", 401}, {"message", "Invalid access token."}}.dump(),
                           "application/json");
    }
    return std::nullopt;
  }

  sim_reply on_call(const sim_call& c) {
    if (c.request.method == "POST" && c.path == "/oauth2/token") return {token(c)};
    // An operator/test door, not COS: a change made directly in Cosmic (no key, no token).
    if (c.request.method == "POST" && c.path.rfind("/_sim/direct/", 0) == 0) {
      const auto a = schedule_.direct(std::string_view(c.path).substr(13), c.request.body);
      return {json_response(a.status, a.body)};
    }
    if (c.path.rfind("/fhir/", 0) != 0) return {json_response(404, R"({"error":"not found"})", "application/json")};
    if (auto refused = refuse(c)) return {std::move(*refused)};
    const injected_fault fault = front_.fault();
    if (auto faulted = front_.fault_answer(fault)) return {std::move(*faulted), fault.delay};
    const auto a = schedule_.handle(c.request.method, std::string_view(c.path).substr(5), c.query, c.header("Patient"),
                                    c.request.body);
    return {json_response(a.status, a.body), fault.delay};
  }

  simulator_options options_;
  sim_schedule schedule_;
  fhir::sim::sim_front front_;  // last: stopped before the schedule it serves goes
};

}  // namespace

std::unique_ptr<cosmic_simulator> start_cosmic_simulator(simulator_options options) {
  std::string error;
  auto seed = load_sim_seed(options.seed_file, error);
  if (!seed) throw std::runtime_error("cosmic simulator: " + error);
  return std::make_unique<simulator>(std::move(options), std::move(*seed));
}

}  // namespace tidnav::adapters::cosmic::sim
