// SPDX-License-Identifier: GPL-2.0-or-later
// tidnav sandbox : the whole product on one machine — a hub with the
// engagement index and the aggregating services, four adapters in front of
// four simulated booking systems, a fictional region, and a citizen's journey
// through it (tools/sandbox, docs/sandbox.md).
#include "contracts/schema_validator.hpp"
#include "tools/sandbox/sandbox.hpp"
#include "tools/tidnav/call_expand.hpp"
#include "tools/tidnav/commands.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>

#include <unistd.h>

namespace tidnav::cli {
namespace {

bool has_subcommand(CLI::App& parent, const std::string& name) {
  try {
    return parent.get_subcommand(name) != nullptr;
  } catch (const CLI::OptionNotFound&) {
    return false;
  }
}

// A system runs on its real adapter and simulator when this build has the
// simulator command; otherwise (or when TIDNAV_SANDBOX_STANDIN names it,
// comma-separated) on an in-memory adapter seeded with the same units.
sandbox::backend_mode mode_of(CLI::App& app, sandbox::system_kind s) {
  static const char* sim_names[] = {"millennium", "cosmic", "crm10", "crm11"};
  if (const char* forced = std::getenv("TIDNAV_SANDBOX_STANDIN")) {
    std::stringstream list(forced);
    for (std::string name; std::getline(list, name, ',');) {
      if (name == sandbox::to_string(s) || name == "all") return sandbox::backend_mode::memory;
    }
  }
  const bool sim = has_subcommand(app, "sim") &&
                   has_subcommand(*app.get_subcommand("sim"), sim_names[static_cast<int>(s)]);
  return sim ? sandbox::backend_mode::simulator : sandbox::backend_mode::memory;
}

}  // namespace

void register_sandbox(CLI::App& app, int& exit_code) {
  struct options {
    std::string dir = "var/sandbox";
    bool once = false;
    std::string kill;
    unsigned base_port = 0;
  };
  auto o = std::make_shared<options>();
  auto* cmd = app.add_subcommand(
      "sandbox", "The whole product on one machine: hub, four adapters, four simulated booking systems, a citizen journey");
  cmd->add_option("--dir", o->dir, "Working directory (PKI, configuration, seeds, state, logs)")->capture_default_str();
  cmd->add_flag("--once", o->once, "Run the journey and exit: 0 only if every step succeeded");
  cmd->add_option("--kill", o->kill, "Stop this system's adapter before the journey, to show a partial answer")
      ->check(CLI::IsMember({"millennium", "cosmic", "pasis", "pmo"}));
  cmd->add_option("--base-port", o->base_port,
                  "Fixed loopback ports from N (hub N, admin N+1, adapters N+2.., simulators N+6..); default: free ports");
  cmd->callback([o, &app, &exit_code] {
    if (!has_subcommand(app, "adapter")) {
      std::cerr << "tidnav sandbox: this build has no `tidnav adapter` command\n";
      exit_code = 1;
      return;
    }
    sandbox::sandbox_options so;
    so.dir = o->dir;
    so.once = o->once;
    if (!o->kill.empty()) so.kill = sandbox::system_from_name(o->kill);
    so.base_port = o->base_port;
    so.executable = std::filesystem::read_symlink("/proc/self/exe");
    so.schema_dir = contracts::default_schema_root();
    so.mode = [&app](sandbox::system_kind s) { return mode_of(app, s); };
    so.color = ::isatty(1) != 0;
    // The unified view is rendered exactly as `tidnav call --expand` renders it.
    so.expand = [](const sandbox::expand_input& in) {
      call_tls tls{in.cert, in.key, in.ca};
      const unit_names names(in.unit_names.begin(), in.unit_names.end());
      auto r = expand_appointments(in.url, tls, in.request, in.response, 10, names);
      return sandbox::expanded_view{r.table, r.not_fetched};
    };
    exit_code = sandbox::run_sandbox(so, std::cout, std::cerr);
  });
}

}  // namespace tidnav::cli
