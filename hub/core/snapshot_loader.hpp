// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Assembles a routing snapshot from everything the configuration points at:
// the TAK file, the HSA files, and the routes and permissions written in the
// config itself. Any failure leaves the caller's current snapshot in place.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "hub/core/hsa_tree.hpp"
#include "hub/core/hub_config.hpp"
#include "hub/core/result.hpp"
#include "hub/core/routing_table.hpp"
#include "hub/core/tak_loader.hpp"

namespace tidnav::core {

struct loaded_snapshot {
  routing_snapshot_ptr snapshot;
  std::vector<std::string> warnings;  ///< skipped HSA units, parentless nodes
  std::size_t routes = 0;             ///< the platform's "vagval:N" in its status
  std::size_t permissions = 0;        ///< "behorigheter:M"
  std::size_t hsa_units = 0;
};

/// Pure assembly: TAK data first, then the config's own entries, the config's
/// routing policy, and `hsa` (may be null: an empty tree).
result<loaded_snapshot, std::vector<std::string>> build_routing_snapshot(const hub_config& cfg, tak_data tak,
                                                                         std::shared_ptr<const hsa_tree> hsa);

/// Reads cfg.tak_file (if set) and cfg.hsa_files, then build_routing_snapshot.
/// Every error from every file is reported.
result<loaded_snapshot, std::vector<std::string>> load_routing_snapshot(const hub_config& cfg);

}  // namespace tidnav::core
