// SPDX-License-Identifier: GPL-2.0-or-later
// <dir>/sandbox.json: everything a script or test needs to drive a running
// sandbox (absolute paths):
//   { "hub": {"url", "admin_url", "dashboard_url", "platform_hsa_id"}, "ca",
//     "clients": {"1177"|"operator"|"unauthorized": {"cert", "key", "hsa_id"}},
//     "adapters": {system: {"url", "hsa_id", "config", "backend"}},
//     "simulators": {system: "url"},
//     "units": [{"hsa_id", "name", "system", "region", "adapter_url"}],
//     "persons": [{"id", "name"}], "pids": {process: pid}, "logs": dir,
//     "dashboard": {"url", "token_file"} }
#pragma once

#include <map>
#include <string>

#include <sys/types.h>

#include "tools/sandbox/configs.hpp"
#include "tools/sandbox/layout.hpp"
#include "tools/sandbox/region.hpp"

namespace tidnav::sandbox {

struct manifest_input {
  const layout* paths = nullptr;
  const region* world = nullptr;
  const port_plan* ports = nullptr;
  std::map<system_kind, backend_mode> modes;
  std::map<std::string, pid_t> pids;
};

std::string manifest_json(const manifest_input& in);

// Writes it atomically (temporary file + rename), so a reader never sees half.
void write_manifest(const manifest_input& in);

}  // namespace tidnav::sandbox
