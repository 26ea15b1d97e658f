// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// The HSA organisation tree, reduced to what routing needs: an id's parent.
// Built once from the HSA file(s), then read concurrently without locks.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hub/core/hsa_id.hpp"

namespace tidnav::core {

/// One hsaUnit of an HSA file, as far as the tree is concerned.
struct hsa_unit {
  std::string hsa_id;
  std::string dn;    ///< e.g. "ou=Enhet,o=Region,l=VpW,c=SE"
  std::string name;
};

class hsa_tree {
 public:
  /// Where every climb ends; also the answer for unknown ids and parentless nodes.
  static constexpr std::string_view root_id = "SE";

  /// An empty tree: every id's parent is "SE", as on the platform before HSA loads.
  hsa_tree() = default;

  /// The parent's hsa-id, or "SE" when `hsa_id` is unknown or has no parent.
  /// Case-insensitive. O(1).
  std::string_view parent_of(std::string_view hsa_id) const noexcept;

  /// The unit stored under `hsa_id` (case-insensitive), or nullptr.
  const hsa_unit* find(std::string_view hsa_id) const noexcept;

  std::size_t size() const noexcept { return nodes_.size(); }

 private:
  friend struct hsa_tree_builder_access;

  struct node {
    hsa_unit unit;
    std::int64_t parent = -1;  // index into nodes_
  };
  std::vector<node> nodes_;
  std::unordered_map<std::string, std::uint32_t, ci_hash, ci_equal> by_id_;
};

struct hsa_tree_build {
  hsa_tree tree;
  std::vector<std::string> warnings;  ///< parentless nodes, hsa-ids reused under another DN
};

/// Splits a DN on ',' and trims each RDN (empty RDNs are dropped), then joins
/// with ','. Two DNs name the same node iff their canonical forms are equal
/// (case-sensitive, as on the platform).
std::string canonical_dn(std::string_view dn);

/// Builds the tree. `units` are in load order; a later unit replaces an earlier
/// one with the same DN (how the platform merges several files). A node's
/// parent is the nearest DN suffix present in the set. When two DNs carry the
/// same hsa-id, the later one wins and a warning is reported.
hsa_tree_build build_hsa_tree(std::vector<hsa_unit> units);

}  // namespace tidnav::core
