// SPDX-License-Identifier: GPL-2.0-or-later
// Each subcommand of `tidnav` registers itself on the CLI11 app; main.cpp only
// composes them. A command's callback sets the process exit code.
#pragma once

#include <CLI/CLI.hpp>

namespace tidnav::cli {

void register_validate(CLI::App& app, int& exit_code);
void register_pki(CLI::App& app, int& exit_code);
void register_call(CLI::App& app, int& exit_code);
void register_sim(CLI::App& app, int& exit_code);
// `tidnav sim millennium|cosmic`, added to the `sim` subcommand by register_sim.
void register_sim_fhir(CLI::App& sim, int& exit_code);
// `tidnav sim crm10|crm11` (legacy crm:scheduling producers), added by register_sim.
void register_sim_legacy(CLI::App& sim, int& exit_code);
void register_hub(CLI::App& app, int& exit_code);
void register_route_check(CLI::App& app, int& exit_code);
void register_bench(CLI::App& app, int& exit_code);
void register_sandbox(CLI::App& app, int& exit_code);
void register_audit(CLI::App& app, int& exit_code);
void register_adapter(CLI::App& app, int& exit_code);
// `tidnav adapter reindex`, added to the `adapter` subcommand by register_adapter.
void register_adapter_reindex(CLI::App& adapter, int& exit_code);
void register_conform(CLI::App& app, int& exit_code);

}  // namespace tidnav::cli
