// SPDX-License-Identifier: GPL-2.0-or-later
// tidnav sim millennium | tidnav sim cosmic : the FHIR booking-system
// simulators the adapter tests use, as long-running HTTPS servers for the
// sandbox and for regions trying an adapter before they have a test tenant.
// The seed format is in adapters/millennium/README.md and adapters/cosmic/README.md.
// --defect switches reproduce what real FHIR backends do wrong (adapters/fhir/sim/sim_defects.hpp).
#include "adapters/cosmic/sim/cosmic_simulator.hpp"
#include "adapters/millennium/sim/millennium_simulator.hpp"
#include "hub/net/tls_context.hpp"
#include "tools/tidnav/commands.hpp"
#include "tools/tidnav/signals.hpp"

#include <exception>
#include <fstream>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <vector>

namespace tidnav::cli {
namespace {

struct sim_fhir_options {
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;
  std::string port_file;
  std::string cert, key, ca;
  std::string seed;
  std::string tenant = "ec2458f2-1e24-41c8-b71b-0e701af7583d";
  std::vector<std::string> defects;
};

adapters::fhir::sim::sim_defects parse_defects(const sim_fhir_options& o) {
  adapters::fhir::sim::sim_defects d;
  for (const auto& spec : o.defects) {
    if (auto problem = adapters::fhir::sim::add_defect(spec, d)) throw std::runtime_error(*problem);
  }
  return d;
}

std::string defects_line(const adapters::fhir::sim::sim_defects& d) {
  std::string s;
  for (const auto& x : adapters::fhir::sim::describe(d)) s += (s.empty() ? "" : ", ") + x;
  return s.empty() ? "none" : s;
}

void add_common(CLI::App* cmd, sim_fhir_options& o) {
  cmd->add_option("--address", o.address, "Listen address")->capture_default_str();
  cmd->add_option("--port", o.port, "Listen port (0: any free port)")->capture_default_str();
  cmd->add_option("--port-file", o.port_file, "Write the bound port to this file");
  cmd->add_option("--cert", o.cert, "Server certificate (PEM)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--key", o.key, "Server key (PEM)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--ca", o.ca, "CA for client certificates (PEM); given: clients must present one")
      ->check(CLI::ExistingFile);
  cmd->add_option("--seed", o.seed, "Seed JSON: credentials, schedule, bookings (format: the adapter's README)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--defect", o.defects,
                  "Reproduce a known backend defect (repeatable): " + adapters::fhir::sim::defect_help());
}

// Without --ca the simulator asks for no client certificate it could check:
// the certificate file stands in as the (unused) CA list and none is required.
net::tls_context_ptr server_tls(const sim_fhir_options& o) {
  net::server_tls_options t;
  t.cert_chain_file = o.cert;
  t.key_file = o.key;
  t.ca_file = o.ca.empty() ? o.cert : o.ca;
  t.require_client_cert = !o.ca.empty();
  return net::make_server_tls_context(t);
}

void announce_port(const sim_fhir_options& o, std::uint16_t port) {
  if (!o.port_file.empty()) std::ofstream(o.port_file) << port << "\n";
}

void run_until_stopped() {
  while (wait_for_signal() == SIGHUP) {
  }
}

int run_millennium(const sim_fhir_options& o) {
  adapters::millennium::sim::simulator_options so;
  so.seed_file = o.seed;
  so.tls = server_tls(o);
  so.address = o.address;
  so.port = o.port;
  so.tenant = o.tenant;
  so.defects = parse_defects(o);
  auto sim = adapters::millennium::sim::start_millennium_simulator(so);
  const auto& seed = sim->store().seed();
  announce_port(o, sim->port());
  std::cout << "tidnav sim millennium: listening on " << sim->origin() << "\n"
            << "  base URL:      " << sim->base_url() << "\n"
            << "  token URL:     " << sim->token_url() << "  (client credentials, HTTP Basic)\n"
            << "  client id:     " << seed.client_id << "\n"
            << "  client secret: " << seed.client_secret << "\n"
            << "  " << seed.patients.size() << " patients, " << seed.slots.size() << " slots, "
            << seed.appointments.size() << " appointments\n"
            << "  defects: " << defects_line(so.defects) << std::endl;
  run_until_stopped();
  return 0;
}

int run_cosmic(const sim_fhir_options& o) {
  adapters::cosmic::sim::simulator_options so;
  so.seed_file = o.seed;
  so.tls = server_tls(o);
  so.address = o.address;
  so.port = o.port;
  so.defects = parse_defects(o);
  auto sim = adapters::cosmic::sim::start_cosmic_simulator(so);
  const auto& seed = sim->schedule().seed();
  announce_port(o, sim->port());
  std::cout << "tidnav sim cosmic: listening on " << sim->origin() << "\n"
            << "  base URL:         " << sim->base_url() << "\n"
            << "  token URL:        " << sim->token_url() << "  (client credentials in the form body)\n"
            << "  client id:        " << seed.client_id << "\n"
            << "  client secret:    " << seed.client_secret << "\n"
            << "  subscription key: " << seed.subscription_key << "  (header Ocp-Apim-Subscription-Key)\n"
            << "  " << seed.services.size() << " services, " << seed.slots.size() << " slots, "
            << seed.appointments.size() << " appointments\n"
            << "  defects: " << defects_line(so.defects) << std::endl;
  run_until_stopped();
  return 0;
}

// A bad seed or certificate is a clear message and exit code 1, never an abort.
void guarded(int& exit_code, const char* what, int (*run)(const sim_fhir_options&), const sim_fhir_options& o) {
  try {
    exit_code = run(o);
  } catch (const std::exception& e) {
    std::cerr << "tidnav sim " << what << ": " << e.what() << std::endl;
    exit_code = 1;
  }
}

}  // namespace

void register_sim_fhir(CLI::App& sim, int& exit_code) {
  auto opt = std::make_shared<sim_fhir_options>();
  auto* mil = sim.add_subcommand("millennium", "Oracle Health Millennium FHIR R4 (token endpoint, Patient, Slot, "
                                               "Appointment) over HTTPS, seeded from a JSON file");
  add_common(mil, *opt);
  mil->add_option("--tenant", opt->tenant, "Tenant id: the service root is /r4/<tenant>")->capture_default_str();
  mil->callback([opt, &exit_code] {
    block_signals();
    guarded(exit_code, "millennium", run_millennium, *opt);
  });

  auto* cos = sim.add_subcommand("cosmic", "Cambio Cosmic through Cambio Open Services FHIR (token endpoint, "
                                           "subscription key, HealthcareService, Slot, Appointment) over HTTPS");
  add_common(cos, *opt);
  cos->callback([opt, &exit_code] {
    block_signals();
    guarded(exit_code, "cosmic", run_cosmic, *opt);
  });
}

}  // namespace tidnav::cli
