// SPDX-License-Identifier: GPL-2.0-or-later
// tidnav sim crm10 | tidnav sim crm11 : legacy crm:scheduling producers (as
// PASiS and PMO are reached today) on the shared schedule model, over mutual
// TLS, with switches that reproduce the defects real producers send. The
// PASiS and PMO adapters (adapters/bridge) are tested against them.
#include "adapters/bridge/sim/defects.hpp"
#include "adapters/bridge/sim/legacy_simulator.hpp"
#include "hub/net/tls_context.hpp"
#include "tools/tidnav/commands.hpp"
#include "tools/tidnav/signals.hpp"

#include <exception>
#include <fstream>
#include <iostream>
#include <memory>

namespace tidnav::cli {
namespace {

namespace legacy = adapters::bridge::sim;

struct sim_legacy_options {
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;
  std::string port_file;
  std::string cert, key, ca;
  std::string seed;
  std::vector<std::string> defects;
};

std::string defect_list() {
  std::string out;
  for (const auto& n : legacy::defect_names()) out += (out.empty() ? "" : ", ") + n;
  return out;
}

void add_options(CLI::App* cmd, sim_legacy_options& o) {
  cmd->add_option("--address", o.address, "Listen address")->capture_default_str();
  cmd->add_option("--port", o.port, "Listen port (0: any free port)")->capture_default_str();
  cmd->add_option("--port-file", o.port_file, "Write the bound port to this file");
  cmd->add_option("--cert", o.cert, "Server certificate (PEM)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--key", o.key, "Server key (PEM)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--ca", o.ca, "CA for client certificates (PEM); clients must present one")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--seed", o.seed,
                  "Schedule seed JSON (adapters/core/memory_fixture.hpp; unit ids are the units' HSA-ids)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--defect", o.defects, "Reproduce a known producer defect (repeatable): " + defect_list());
}

int run(const sim_legacy_options& o, legacy::sim_version version) {
  legacy::legacy_sim_options so;
  so.version = version;
  so.seed_file = o.seed;
  so.address = o.address;
  so.port = o.port;
  for (const auto& name : o.defects) {
    const auto d = legacy::defect_from_name(name);
    if (!d) throw std::runtime_error("unknown --defect " + name + " (known: " + defect_list() + ")");
    so.defects.insert(*d);
  }
  so.tls = net::make_server_tls_context({o.ca, o.cert, o.key});
  auto sim = legacy::start_legacy_simulator(so);
  if (!o.port_file.empty()) std::ofstream(o.port_file) << sim->port() << "\n";
  const bool v10 = version == legacy::sim_version::crm10;
  std::cout << "tidnav sim " << (v10 ? "crm10" : "crm11") << ": crm:scheduling "
            << (v10 ? "1.0 (RIVTABP20, wsa:To)" : "1.1 (RIVTABP21, LogicalAddress)") << " listening on " << sim->url()
            << "\n  defects: " << (o.defects.empty() ? std::string("none") : [&] {
                 std::string s;
                 for (const auto& d : o.defects) s += (s.empty() ? "" : ", ") + d;
                 return s;
               }())
            << std::endl;
  while (wait_for_signal() == SIGHUP) {
  }
  return 0;
}

void guarded(int& exit_code, const char* what, const sim_legacy_options& o, legacy::sim_version v) {
  try {
    exit_code = run(o, v);
  } catch (const std::exception& e) {
    std::cerr << "tidnav sim " << what << ": " << e.what() << std::endl;
    exit_code = 1;
  }
}

}  // namespace

void register_sim_legacy(CLI::App& sim, int& exit_code) {
  auto opt = std::make_shared<sim_legacy_options>();
  auto* crm10 = sim.add_subcommand("crm10", "A crm:scheduling 1.0 producer (RIVTABP20: wsa:To, no Actor; as PASiS is "
                                            "reached) over mutual TLS, seeded from a JSON schedule");
  add_options(crm10, *opt);
  crm10->callback([opt, &exit_code] {
    block_signals();
    guarded(exit_code, "crm10", *opt, legacy::sim_version::crm10);
  });
  auto* crm11 = sim.add_subcommand("crm11", "A crm:scheduling 1.1 producer (RIVTABP21; as PMO is reached) over "
                                            "mutual TLS, seeded from a JSON schedule");
  add_options(crm11, *opt);
  crm11->callback([opt, &exit_code] {
    block_signals();
    guarded(exit_code, "crm11", *opt, legacy::sim_version::crm11);
  });
}

}  // namespace tidnav::cli
