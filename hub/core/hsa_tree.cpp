// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/hsa_tree.hpp"

#include <string>
#include <unordered_map>

namespace tidnav::core {

struct hsa_tree_builder_access {
  static auto& nodes(hsa_tree& t) { return t.nodes_; }
  static auto& by_id(hsa_tree& t) { return t.by_id_; }
};

std::string_view hsa_tree::parent_of(std::string_view hsa_id) const noexcept {
  const auto it = by_id_.find(hsa_id);
  if (it == by_id_.end()) return root_id;
  const auto parent = nodes_[it->second].parent;
  if (parent < 0) return root_id;
  return nodes_[static_cast<std::size_t>(parent)].unit.hsa_id;
}

const hsa_unit* hsa_tree::find(std::string_view hsa_id) const noexcept {
  const auto it = by_id_.find(hsa_id);
  return it == by_id_.end() ? nullptr : &nodes_[it->second].unit;
}

std::string canonical_dn(std::string_view dn) {
  std::string out;
  out.reserve(dn.size());
  std::size_t start = 0;
  while (start <= dn.size()) {
    auto end = dn.find(',', start);
    if (end == std::string_view::npos) end = dn.size();
    const auto part = trim_ascii(dn.substr(start, end - start));
    if (!part.empty()) {
      if (!out.empty()) out += ',';
      out.append(part);
    }
    start = end + 1;
  }
  return out;
}

namespace {

// "ou=A,o=B,c=SE" -> "o=B,c=SE"; the top RDN has no parent DN.
std::string_view parent_dn(std::string_view canonical) {
  const auto comma = canonical.find(',');
  return comma == std::string_view::npos ? std::string_view{} : canonical.substr(comma + 1);
}

}  // namespace

hsa_tree_build build_hsa_tree(std::vector<hsa_unit> units) {
  hsa_tree_build out;
  auto& nodes = hsa_tree_builder_access::nodes(out.tree);
  auto& by_id = hsa_tree_builder_access::by_id(out.tree);

  // Merge by DN, keeping the first position and the last content.
  std::vector<std::string> dns;
  std::unordered_map<std::string, std::size_t> by_dn;
  dns.reserve(units.size());
  nodes.reserve(units.size());
  by_dn.reserve(units.size());
  for (auto& u : units) {
    std::string dn = canonical_dn(u.dn);
    const auto [it, inserted] = by_dn.try_emplace(dn, nodes.size());
    if (inserted) {
      dns.push_back(std::move(dn));
      nodes.push_back({std::move(u), -1});
    } else {
      nodes[it->second].unit = std::move(u);
    }
  }

  for (std::size_t i = 0; i < nodes.size(); ++i) {
    std::string_view p = parent_dn(dns[i]);
    while (!p.empty()) {
      const auto it = by_dn.find(std::string(p));
      if (it != by_dn.end()) {
        nodes[i].parent = static_cast<std::int64_t>(it->second);
        break;
      }
      p = parent_dn(p);
    }
    if (nodes[i].parent < 0 && !iequals(nodes[i].unit.hsa_id, hsa_tree::root_id)) {
      out.warnings.push_back("no parent for HSA-ID=" + nodes[i].unit.hsa_id + ", DN=" + dns[i]);
    }
  }

  by_id.reserve(nodes.size());
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const auto [it, inserted] = by_id.try_emplace(nodes[i].unit.hsa_id, static_cast<std::uint32_t>(i));
    if (!inserted) {
      out.warnings.push_back("HSA-ID " + nodes[i].unit.hsa_id + " appears under DN " + dns[it->second] +
                             " and " + dns[i] + "; the later one is used");
      it->second = static_cast<std::uint32_t>(i);
    }
  }
  return out;
}

}  // namespace tidnav::core
