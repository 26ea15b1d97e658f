// SPDX-License-Identifier: GPL-2.0-or-later
// A Millennium FHIR R4 simulator over HTTPS for the tests, the sandbox and
// `tidnav sim millennium`: its own token endpoint (POST /oauth2/token,
// client credentials with HTTP Basic), a bearer token on every FHIR call (401
// otherwise), and the FHIR subset of sim_store.hpp under /r4/<tenant>. Faults
// can be injected to test what the adapter makes of 5xx, slowness and garbage.
#pragma once

#include "adapters/fhir/sim/sim_http.hpp"
#include "adapters/millennium/sim/sim_store.hpp"
#include "hub/net/tls_context.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace tidnav::adapters::millennium::sim {

struct simulator_options {
  std::string seed_file;     // tests/fixtures/millennium/seed.json
  net::tls_context_ptr tls;  // server context; null: plain HTTP
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;    // 0: the kernel picks
  std::size_t io_threads = 2;
  std::string tenant = "ec2458f2-1e24-41c8-b71b-0e701af7583d";  // the service root's last segment
  std::chrono::seconds token_lifetime{570};  // Millennium tokens live under 10 minutes
  fhir::sim::sim_defects defects;            // for the whole run (tidnav sim millennium --defect)
};

// What every FHIR call (never the token endpoint) answers until cleared.
using fhir::sim::injected_fault;

class millennium_simulator {
 public:
  virtual ~millennium_simulator() = default;
  virtual std::uint16_t port() const = 0;
  // https://127.0.0.1:<port> (http:// without TLS).
  virtual std::string origin() const = 0;
  virtual std::string base_url() const = 0;  // origin + /r4/<tenant>
  std::string token_url() const { return origin() + "/oauth2/token"; }

  virtual void inject(injected_fault fault) = 0;
  virtual void clear_fault() = 0;
  // Every token handed out so far stops working (as after a key rotation).
  virtual void revoke_tokens() = 0;
  virtual std::size_t tokens_issued() const = 0;
  virtual sim_store& store() = 0;
};

// Loads the seed, starts listening, and returns; throws std::runtime_error on a
// bad seed and std::system_error when it cannot bind.
std::unique_ptr<millennium_simulator> start_millennium_simulator(simulator_options options);

}  // namespace tidnav::adapters::millennium::sim
