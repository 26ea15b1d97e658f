// SPDX-License-Identifier: GPL-2.0-or-later
// `tidnav sandbox`: the whole product on one machine. Prepares the working
// directory (PKI, region, seeds, configurations), starts the simulators, the
// hub and the adapters as supervised children, indexes the existing bookings,
// runs the citizen journey and then keeps everything running until Ctrl-C
// (or exits after the journey with --once).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>

#include "tools/sandbox/configs.hpp"
#include "tools/sandbox/journey.hpp"
#include "tools/sandbox/region.hpp"

namespace tidnav::sandbox {

struct sandbox_options {
  std::filesystem::path dir = "var/sandbox";
  bool once = false;
  std::optional<system_kind> kill;  // stop this system's adapter before the journey
  unsigned base_port = 0;           // 0: free ports
  std::filesystem::path executable;  // this binary (children are `<executable> hub ...`)
  std::string schema_dir;            // served as ?wsdl by the hub; empty: off
  // Which backend each system runs on in this build (see configs.hpp).
  std::function<backend_mode(system_kind)> mode = [](system_kind) { return backend_mode::simulator; };
  std::chrono::milliseconds start_timeout{20'000};  // per process
  bool color = false;
  expand_fn expand;  // the unified view's table (`tidnav call --expand`); empty: the journey's own
};

// Runs the sandbox; returns the process exit code. Blocks SIGINT, SIGTERM,
// SIGHUP and SIGCHLD in the calling thread: call it before any other thread starts.
int run_sandbox(const sandbox_options& options, std::ostream& out, std::ostream& err);

std::optional<system_kind> system_from_name(std::string_view name);

}  // namespace tidnav::sandbox
