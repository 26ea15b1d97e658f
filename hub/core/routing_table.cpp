// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/routing_table.hpp"

#include <utility>

namespace tidnav::core {

bool hsa_lookup_policy::enabled_for(std::string_view contract) const noexcept {
  for (const auto& prefix : excepted_namespaces) {
    // The platform skips blank entries and matches prefixes case-sensitively.
    if (trim_ascii(prefix).empty()) continue;
    if (contract.substr(0, prefix.size()) == prefix) return !default_enabled;
  }
  return default_enabled;
}

routing_snapshot::level_hit routing_snapshot::contract_routes::at(std::string_view address,
                                                                   instant now) const noexcept {
  level_hit hit;
  if (index_ == nullptr) return hit;
  const auto it = index_->find(address);
  if (it == index_->end()) return hit;
  for (const auto i : it->second) {
    const route& r = snap_->routes_[i];
    if (!r.valid.contains(now)) continue;
    if (hit.count++ == 0) hit.first = &r;
  }
  return hit;
}

bool routing_snapshot::consumer_grants::at(std::string_view address, instant now) const noexcept {
  if (index_ == nullptr) return false;
  const auto it = index_->find(address);
  if (it == index_->end()) return false;
  for (const auto& window : it->second) {
    if (window.contains(now)) return true;
  }
  return false;
}

routing_snapshot::contract_routes routing_snapshot::routes_for(std::string_view contract) const noexcept {
  const auto it = routes_by_contract_.find(contract);
  return contract_routes(this, it == routes_by_contract_.end() ? nullptr : &it->second);
}

routing_snapshot::consumer_grants routing_snapshot::grants_for(std::string_view consumer,
                                                               std::string_view contract) const noexcept {
  const auto c = grants_by_contract_.find(contract);
  if (c == grants_by_contract_.end()) return consumer_grants(nullptr);
  const auto s = c->second.find(consumer);
  return consumer_grants(s == c->second.end() ? nullptr : &s->second);
}

routing_snapshot_builder& routing_snapshot_builder::add_route(route r) {
  routes_.push_back(std::move(r));
  return *this;
}

routing_snapshot_builder& routing_snapshot_builder::add_permission(permission p) {
  permissions_.push_back(std::move(p));
  return *this;
}

routing_snapshot_builder& routing_snapshot_builder::set_hsa_tree(std::shared_ptr<const hsa_tree> tree) {
  hsa_ = std::move(tree);
  return *this;
}

routing_snapshot_builder& routing_snapshot_builder::set_policy(routing_policy policy) {
  policy_ = std::move(policy);
  return *this;
}

namespace {

std::string where(std::string_view kind, std::size_t index, std::string_view source) {
  std::string s(kind);
  s += " #" + std::to_string(index + 1);
  if (!source.empty()) s.append(" (").append(source).append(")");
  return s;
}

}  // namespace

result<routing_snapshot_ptr, std::vector<std::string>> routing_snapshot_builder::build() && {
  std::vector<std::string> errors;
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    const route& r = routes_[i];
    if (trim_ascii(r.contract).empty()) errors.push_back(where("route", i, r.source) + ": contract namespace is empty");
    if (trim_ascii(r.logical_address).empty()) errors.push_back(where("route", i, r.source) + ": logical address is empty");
  }
  for (std::size_t i = 0; i < permissions_.size(); ++i) {
    const permission& p = permissions_[i];
    if (trim_ascii(p.consumer).empty()) errors.push_back(where("permission", i, p.source) + ": consumer HSA-id is empty");
    if (trim_ascii(p.contract).empty()) errors.push_back(where("permission", i, p.source) + ": contract namespace is empty");
    if (trim_ascii(p.logical_address).empty()) errors.push_back(where("permission", i, p.source) + ": logical address is empty");
  }
  if (!errors.empty()) return fail(std::move(errors));

  std::shared_ptr<routing_snapshot> snap(new routing_snapshot());
  snap->policy_ = std::move(policy_);
  snap->hsa_ = hsa_ ? std::move(hsa_) : std::make_shared<const hsa_tree>();
  snap->routes_ = std::move(routes_);
  snap->permissions_ = std::move(permissions_);

  for (std::size_t i = 0; i < snap->routes_.size(); ++i) {
    const route& r = snap->routes_[i];
    snap->routes_by_contract_[r.contract][r.logical_address].push_back(static_cast<std::uint32_t>(i));
  }
  for (const permission& p : snap->permissions_) {
    snap->grants_by_contract_[p.contract][p.consumer][p.logical_address].push_back(p.valid);
  }
  return routing_snapshot_ptr(std::move(snap));
}

}  // namespace tidnav::core
