// SPDX-License-Identifier: GPL-2.0-or-later
// The configuration of every sandbox process: hub.yaml (listeners, the
// engagement index, local:aggregate and local:ei at the platform address,
// routes and permissions for every unit and contract), one adapter YAML per
// booking system, and the command lines of the simulators.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "tools/sandbox/layout.hpp"
#include "tools/sandbox/region.hpp"

namespace tidnav::sandbox {

// How a booking system is stood up in this build: its real adapter in front of
// its simulator, or an in-memory adapter seeded with the same units and
// bookings (a stand-in while a piece is missing).
enum class backend_mode { simulator, memory };

struct port_plan {
  unsigned hub_https = 0;
  unsigned hub_admin = 0;
  std::map<system_kind, unsigned> adapter;
  std::map<system_kind, unsigned> simulator;
};

// --base-port N: hub N, admin N+1, adapters N+2.., simulators N+6..; else free
// loopback ports chosen now (each bound and released just before use).
port_plan plan_ports(unsigned base_port);

std::string hub_url(const port_plan& p);    // https://127.0.0.1:<https>/vp
std::string admin_url(const port_plan& p);  // http://127.0.0.1:<admin>
std::string adapter_url(const port_plan& p, system_kind s);
std::string simulator_url(const port_plan& p, system_kind s);

// Every contract the hub routes to a unit (scheduling 2.0 and crm:scheduling 1.1).
std::vector<std::string> unit_contracts();
// The contracts aggregated at the platform address.
std::vector<std::string> aggregated_contracts();

// `operator_token_sha256`: the dashboard operator (operator_hsa_id) allowed the
// citizen view; empty: no operator.
std::string hub_yaml(const layout& l, const region& r, const port_plan& p, const std::string& schema_dir,
                     const std::string& operator_token_sha256 = "");
std::string adapter_yaml(const layout& l, const region& r, const port_plan& p, system_kind s, backend_mode mode);

// Arguments of `tidnav sim ...` for the simulator behind a system's adapter.
std::vector<std::string> simulator_args(const layout& l, const port_plan& p, system_kind s);

}  // namespace tidnav::sandbox
