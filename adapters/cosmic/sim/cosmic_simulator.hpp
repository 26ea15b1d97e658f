// SPDX-License-Identifier: GPL-2.0-or-later
// A Cosmic (Cambio Open Services) simulator over HTTPS for the tests, the
// sandbox and `tidnav sim cosmic`: its own token endpoint (POST /oauth2/token), the
// subscription key and bearer token on every FHIR call (401 otherwise), and the
// FHIR subset of sim_schedule.hpp under /fhir. Faults can be injected to test
// what the adapter makes of 5xx, slowness and garbage.
#pragma once

#include "adapters/cosmic/sim/sim_schedule.hpp"
#include "adapters/fhir/sim/sim_http.hpp"
#include "hub/net/tls_context.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace tidnav::adapters::cosmic::sim {

struct simulator_options {
  std::string seed_file;               // tests/fixtures/cosmic/seed.json
  net::tls_context_ptr tls;            // server context; null: plain HTTP
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;              // 0: the kernel picks
  std::size_t io_threads = 2;
  std::chrono::seconds token_lifetime{3600};
  fhir::sim::sim_defects defects;      // for the whole run (tidnav sim cosmic --defect)
};

// What every FHIR call (never the token endpoint) answers until cleared.
using fhir::sim::injected_fault;

class cosmic_simulator {
 public:
  virtual ~cosmic_simulator() = default;
  virtual std::uint16_t port() const = 0;
  // https://127.0.0.1:<port> (http:// without TLS).
  virtual std::string origin() const = 0;
  std::string base_url() const { return origin() + "/fhir"; }
  std::string token_url() const { return origin() + "/oauth2/token"; }

  virtual void inject(injected_fault fault) = 0;
  virtual void clear_fault() = 0;
  // Every token handed out so far stops working (as after an IdP key rotation).
  virtual void revoke_tokens() = 0;
  virtual std::size_t tokens_issued() const = 0;
  virtual sim_schedule& schedule() = 0;
};

// Loads the seed, starts listening, and returns; throws std::runtime_error on a
// bad seed and std::system_error when it cannot bind.
std::unique_ptr<cosmic_simulator> start_cosmic_simulator(simulator_options options);

}  // namespace tidnav::adapters::cosmic::sim
