// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/snapshot_loader.hpp"

#include "hub/core/hsa_loader.hpp"

namespace tidnav::core {

result<loaded_snapshot, std::vector<std::string>> build_routing_snapshot(const hub_config& cfg, tak_data tak,
                                                                         std::shared_ptr<const hsa_tree> hsa) {
  loaded_snapshot out;
  routing_snapshot_builder builder;
  for (auto& r : tak.routes) builder.add_route(std::move(r));
  for (auto& p : tak.permissions) builder.add_permission(std::move(p));
  for (const auto& r : cfg.routes) builder.add_route(r);
  for (const auto& p : cfg.permissions) builder.add_permission(p);
  out.hsa_units = hsa ? hsa->size() : 0;
  builder.set_hsa_tree(std::move(hsa)).set_policy(cfg.routing);
  auto snap = std::move(builder).build();
  if (!snap) return fail(std::move(snap).error());
  out.snapshot = std::move(snap).value();
  out.routes = out.snapshot->routes().size();
  out.permissions = out.snapshot->permissions().size();
  return out;
}

result<loaded_snapshot, std::vector<std::string>> load_routing_snapshot(const hub_config& cfg) {
  std::vector<std::string> errors;
  tak_data tak;
  if (!cfg.tak_file.empty()) {
    auto loaded = load_tak_file(cfg.tak_file);
    if (loaded) tak = std::move(loaded).value();
    else errors = std::move(loaded).error();
  }
  std::shared_ptr<const hsa_tree> tree;
  std::vector<std::string> warnings;
  if (!cfg.hsa_files.empty()) {
    auto built = load_hsa_files(cfg.hsa_files);
    if (built) {
      warnings = std::move(built->warnings);
      tree = std::make_shared<const hsa_tree>(std::move(built->tree));
    } else {
      for (auto& e : built.error()) errors.push_back(std::move(e));
    }
  }
  if (!errors.empty()) return fail(std::move(errors));
  auto out = build_routing_snapshot(cfg, std::move(tak), std::move(tree));
  if (out) out->warnings = std::move(warnings);
  return out;
}

}  // namespace tidnav::core
