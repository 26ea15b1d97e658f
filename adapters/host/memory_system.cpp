// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/host/memory_system.hpp"

#include "adapters/core/memory_booking_system.hpp"
#include "adapters/core/memory_fixture.hpp"

#include <algorithm>
#include <sstream>

namespace tidnav::adapters::host {
namespace {

system_builder memory_factory(const YAML::Node& backend, const system_context& ctx, config_reader& read) {
  if (!read.map(backend, "backend", {"seed"})) return {};
  std::filesystem::path seed_file;
  if (!read.require_file(backend, "backend", "seed", seed_file)) return {};
  std::string problem;
  auto seed = load_memory_seed(seed_file.string(), problem);
  if (!seed) {
    std::istringstream lines(problem);
    for (std::string line; std::getline(lines, line);) read.error("backend.seed", backend["seed"], line);
    return {};
  }
  // A unit the table maps to an id the seed does not know could never be booked.
  bool ok = true;
  for (const auto& u : ctx.units.entries()) {
    const bool known = std::any_of(seed->units.begin(), seed->units.end(),
                                   [&](const memory_unit& m) { return m.info.unit == u.native_id; });
    if (!known) {
      read.error("backend.seed", backend["seed"],
                 "unit " + u.hsa_id + " maps to native id " + u.native_id + ", which the seed does not have");
      ok = false;
    }
  }
  if (!ok) return {};
  return [seed = std::move(*seed)]() -> std::unique_ptr<booking_system> {
    return std::make_unique<memory_booking_system>(seed);
  };
}

}  // namespace

void register_memory_system(system_registry& registry) { registry.add("memory", memory_factory); }

}  // namespace tidnav::adapters::host
