// SPDX-License-Identifier: GPL-2.0-or-later
// tidnav: one command for the hub, adapters, simulators, contract calls,
// validation and the development PKI.
#include "tools/tidnav/commands.hpp"

#include <iostream>

int main(int argc, char** argv) {
  CLI::App app{"tidnav - tjänstekontrakt integration hub for Swedish healthcare booking"};
  app.require_subcommand(1);
  int exit_code = 0;
  tidnav::cli::register_validate(app, exit_code);
  tidnav::cli::register_pki(app, exit_code);
  tidnav::cli::register_call(app, exit_code);
  tidnav::cli::register_sim(app, exit_code);
  tidnav::cli::register_hub(app, exit_code);
  tidnav::cli::register_route_check(app, exit_code);
  tidnav::cli::register_bench(app, exit_code);
  tidnav::cli::register_sandbox(app, exit_code);
  tidnav::cli::register_audit(app, exit_code);
  tidnav::cli::register_adapter(app, exit_code);
  tidnav::cli::register_conform(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    std::cerr << "tidnav: " << e.what() << "\n";
    return 2;
  }
  return exit_code;
}
