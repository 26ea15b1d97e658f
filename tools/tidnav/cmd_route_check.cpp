// SPDX-License-Identifier: GPL-2.0-or-later
// `tidnav route-check --config hub.yaml CASES.yaml`: runs golden routing
// expectations against the snapshot the config would load, without starting
// a listener or sending a byte. Operators run it before they reload.
#include <iostream>

#include "hub/core/hub_config.hpp"
#include "hub/core/route_check.hpp"
#include "hub/core/snapshot_loader.hpp"
#include "hub/core/source_text.hpp"
#include "tools/tidnav/commands.hpp"

namespace tidnav::cli {

void register_route_check(CLI::App& app, int& exit_code) {
  struct opts {
    std::string config;
    std::string cases;
  };
  auto opt = std::make_shared<opts>();
  CLI::App* cmd = app.add_subcommand("route-check", "Check golden routing expectations against a hub configuration");
  cmd->add_option("--config,-c", opt->config, "Hub configuration (YAML)")->required();
  cmd->add_option("cases", opt->cases, "Cases (YAML list: consumer, contract, address, [at], expect)")->required();
  cmd->callback([opt, &exit_code] {
    auto cfg = core::load_hub_config(opt->config);
    if (!cfg) {
      for (const auto& e : cfg.error()) std::cerr << e.to_string() << "\n";
      exit_code = 2;
      return;
    }
    auto snap = core::load_routing_snapshot(cfg.value());
    if (!snap) {
      for (const auto& e : snap.error()) std::cerr << e << "\n";
      exit_code = 2;
      return;
    }
    auto text = core::read_text_file(opt->cases);
    if (!text) {
      std::cerr << text.error() << "\n";
      exit_code = 2;
      return;
    }
    auto cases = core::parse_route_check_cases(*text, opt->cases);
    if (!cases) {
      for (const auto& e : cases.error()) std::cerr << e << "\n";
      exit_code = 2;
      return;
    }
    const auto report = core::run_route_checks(*snap->snapshot, cases.value(),
                                               core::to_instant(std::chrono::system_clock::now()));
    std::cout << report.to_text();
    exit_code = report.ok() ? 0 : 1;
  });
}

}  // namespace tidnav::cli
