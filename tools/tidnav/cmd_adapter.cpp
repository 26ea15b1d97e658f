// SPDX-License-Identifier: GPL-2.0-or-later
// `tidnav adapter --config adapter.yaml [--check]`: serve one booking system
// as a scheduling 2.0 / crm:scheduling 1.1 producer over mutual TLS, or check
// its configuration and print every error at once. adapters/host/README.md
// documents the configuration.
#include "adapters/host/adapter_config.hpp"
#include "adapters/host/net/adapter_host.hpp"
#include "adapters/host/net/builtin_systems.hpp"
#include "tools/tidnav/commands.hpp"
#include "tools/tidnav/signals.hpp"

#include <csignal>
#include <iostream>

namespace tidnav::cli {
namespace {

struct adapter_opts {
  std::string config;
  bool check = false;
};

int run_adapter(const adapter_opts& opt) {
  using namespace adapters::host;
  const bool checking = opt.check;
  if (!checking) block_signals();  // before any thread starts
  auto cfg = load_adapter_config(opt.config, builtin_systems());
  if (!cfg) {
    std::cerr << opt.config << ": " << cfg.error().size() << " error(s)\n";
    for (const auto& e : cfg.error()) std::cerr << "  " << e.to_string() << "\n";
    return 1;
  }
  const adapter_config& c = *cfg.value();
  if (checking) {
    std::cout << opt.config << ": OK (system " << c.system << ", " << c.units.entries().size() << " unit(s), "
              << (c.engagement_index ? "engagement index " + c.engagement_index->url : "no engagement index")
              << (c.admin ? ", admin listener " + c.admin->address + ":" + std::to_string(c.admin->port) : "")
              << ")\n";
    return 0;
  }
  adapter_host host(cfg.value());
  try {
    host.start();
  } catch (const std::exception& e) {
    std::cerr << "tidnav adapter: " << e.what() << "\n";
    return 1;
  }
  std::cerr << "tidnav adapter: " << c.name << " (" << c.system << ") listening on https://" << c.listen.address
            << ":" << host.port() << "/";
  if (c.admin) std::cerr << ", admin on http://" << c.admin->address << ":" << host.admin_port() << "/";
  std::cerr << std::endl;
  while (wait_for_signal() == SIGHUP) {
    // adapters/host/README.md, "Reload": TLS files are re-read, other changes wait for a restart.
    auto next = load_adapter_config(opt.config, builtin_systems());
    if (!next) {
      std::vector<std::string> errors;
      for (const auto& e : next.error()) errors.push_back(e.to_string());
      host.reload_failed(errors);
      continue;
    }
    host.reload(next.value());
  }
  host.stop();
  return 0;
}

}  // namespace

void register_adapter(CLI::App& app, int& exit_code) {
  auto opt = std::make_shared<adapter_opts>();
  CLI::App* cmd = app.add_subcommand(
      "adapter", "Serve a booking system as a scheduling 2.0 / crm:scheduling 1.1 producer (SIGHUP reloads, SIGTERM stops)");
  // Not ->required(): `tidnav adapter <subcommand>` (e.g. reindex) may be added
  // with options of its own; without a subcommand --config is checked here.
  cmd->add_option("--config,-c", opt->config, "Adapter configuration (YAML, see adapters/host/README.md)");
  cmd->add_flag("--check", opt->check, "Validate the configuration and the files it names, list every error, exit");
  register_adapter_reindex(*cmd, exit_code);
  cmd->callback([cmd, opt, &exit_code] {
    if (!cmd->get_subcommands().empty()) return;  // a subcommand did the work
    if (opt->config.empty()) {
      std::cerr << "tidnav adapter: --config is required\n";
      exit_code = 2;
      return;
    }
    exit_code = run_adapter(*opt);
  });
}

}  // namespace tidnav::cli
