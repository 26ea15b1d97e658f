// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/host/system_registry.hpp"

namespace tidnav::adapters::host {

void system_registry::add(std::string name, system_factory factory) {
  factories_[std::move(name)] = std::move(factory);
}

const system_factory* system_registry::find(const std::string& name) const {
  const auto it = factories_.find(name);
  return it == factories_.end() ? nullptr : &it->second;
}

std::vector<std::string> system_registry::names() const {
  std::vector<std::string> out;
  for (const auto& [name, f] : factories_) out.push_back(name);
  return out;
}

}  // namespace tidnav::adapters::host
