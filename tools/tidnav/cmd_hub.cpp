// SPDX-License-Identifier: GPL-2.0-or-later
// `tidnav hub --config hub.yaml [--check]`: run the routing hub, or validate
// its configuration (and everything the configuration names) and print every
// error at once.
#include <csignal>
#include <fstream>
#include <iostream>

#include "hub/app/hub_app.hpp"
#include "hub/app/memory_policy.hpp"
#include "hub/app/runtime.hpp"
#include "tools/tidnav/commands.hpp"
#include "tools/tidnav/signals.hpp"

namespace tidnav::cli {
namespace {

struct hub_opts {
  std::string config;
  bool check = false;
  std::string port_file;
};

int check_config(const std::string& path) {
  auto rt = app::load_runtime(path, 1);
  if (!rt) {
    std::cerr << path << ": " << rt.error().size() << " error(s)\n";
    for (const auto& e : rt.error()) std::cerr << "  " << e << "\n";
    return 1;
  }
  const auto& r = rt.value()->routing;
  std::cout << path << ": OK (" << r.routes << " routes, " << r.permissions << " permissions, " << r.hsa_units
            << " HSA units)\n";
  for (const auto& w : r.warnings) std::cout << "  warning: " << w << "\n";
  return 0;
}

}  // namespace

void register_hub(CLI::App& app, int& exit_code) {
  auto opt = std::make_shared<hub_opts>();
  CLI::App* cmd = app.add_subcommand("hub", "Run the routing hub (SIGHUP reloads, SIGTERM drains and stops)");
  cmd->add_option("--config,-c", opt->config, "Hub configuration (YAML)")->required();
  cmd->add_flag("--check", opt->check, "Validate the configuration and the files it names, then exit");
  cmd->add_option("--port-file", opt->port_file, "Write the bound ports (https, http, admin) to this file");
  cmd->callback([opt, &exit_code] {
    if (opt->check) {
      exit_code = check_config(opt->config);
      return;
    }
    const app::memory_policy_result memory = app::keep_freed_memory();
    block_signals();
    app::hub_app_options o;
    net::log_line("info", "memory_policy").boolean("applied", memory.applied).str("detail", memory.detail).emit(o.log);
    o.config_path = opt->config;
    std::unique_ptr<app::hub_app> hub;
    try {
      hub = std::make_unique<app::hub_app>(std::move(o));
      hub->start();
    } catch (const std::exception& e) {
      std::cerr << "tidnav hub: " << e.what() << "\n";
      exit_code = 1;
      return;
    }
    if (!opt->port_file.empty()) {
      std::ofstream(opt->port_file) << "https " << hub->https_port() << "\nhttp " << hub->http_port() << "\nadmin "
                                    << hub->admin_port() << "\n";
    }
    while (wait_for_signal() == SIGHUP) {
      hub->reload();
      hub->reopen_logs();
    }
    hub->stop();
    exit_code = 0;
  });
}

}  // namespace tidnav::cli
