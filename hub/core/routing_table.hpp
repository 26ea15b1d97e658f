// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// The immutable routing and authorisation snapshot (vägval + anropsbehörighet,
// the HSA tree and the lookup policy). Built once per TAK/HSA/config version by
// routing_snapshot_builder, published as shared_ptr<const routing_snapshot>,
// and read by any number of threads without locks. Each request captures one
// snapshot so a reload never mixes two versions.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hub/core/hsa_id.hpp"
#include "hub/core/hsa_tree.hpp"
#include "hub/core/result.hpp"
#include "hub/core/riv_profile.hpp"
#include "hub/core/validity.hpp"

namespace tidnav::core {

/// The catch-all logical address of TAK.
inline constexpr std::string_view wildcard_address = "*";

/// A vägval: (contract, logical address) -> producer, valid in a window.
struct route {
  std::string contract;         ///< service contract namespace
  std::string logical_address;  ///< receiverId, or "*"
  std::string url;              ///< producer address; blank means VP010 when chosen
  riv_profile profile = riv_profile::unknown;
  std::string profile_name;     ///< as TAK spells it, e.g. "RIVTABP21"
  validity valid;
  std::string source;           ///< where it came from, for traces: "tak:<id>", "config:12"
};

/// An anropsbehörighet: consumer may call (contract, logical address) in a window.
struct permission {
  std::string consumer;         ///< the sender's HSA-id
  std::string contract;
  std::string logical_address;  ///< receiverId, or "*"
  validity valid;
  std::string source;
};

/// Whether the HSA tree is climbed for a contract (hsa.lookup.*): a namespace
/// starting with one of `excepted_namespaces` gets the opposite of the default.
struct hsa_lookup_policy {
  bool default_enabled = true;
  std::vector<std::string> excepted_namespaces;

  bool enabled_for(std::string_view contract) const noexcept;
};

/// Knobs of the lookup algorithms; defaults are the platform's.
struct routing_policy {
  /// Old-style default routing "VG#VE"; empty disables it.
  std::string default_routing_delimiter = "#";
  /// VG#VE authorisation is limited to these (empty list = all), compared case-insensitively.
  std::vector<std::string> default_routing_allowed_contracts;
  std::vector<std::string> default_routing_allowed_senders;
  hsa_lookup_policy hsa_routing;
  hsa_lookup_policy hsa_authorization;
};

class routing_snapshot {
 public:
  /// Routes valid at one lookup step: the first one and how many there are.
  struct level_hit {
    const route* first = nullptr;
    std::size_t count = 0;
  };

  using address_index = std::unordered_map<std::string, std::vector<std::uint32_t>, ci_hash, ci_equal>;
  using grant_index = std::unordered_map<std::string, std::vector<validity>, ci_hash, ci_equal>;

  /// All routes of one contract; lookups by address are one hash probe each.
  class contract_routes {
   public:
    level_hit at(std::string_view address, instant now) const noexcept;
    bool empty() const noexcept { return index_ == nullptr; }

   private:
    friend class routing_snapshot;
    contract_routes(const routing_snapshot* s, const address_index* i) : snap_(s), index_(i) {}
    const routing_snapshot* snap_;
    const address_index* index_;
  };

  /// All permissions of one (consumer, contract) pair.
  class consumer_grants {
   public:
    bool at(std::string_view address, instant now) const noexcept;
    bool empty() const noexcept { return index_ == nullptr; }

   private:
    friend class routing_snapshot;
    explicit consumer_grants(const grant_index* i) : index_(i) {}
    const grant_index* index_;
  };

  /// Case-insensitive; an unknown contract gives an empty view (every lookup misses).
  contract_routes routes_for(std::string_view contract) const noexcept;
  consumer_grants grants_for(std::string_view consumer, std::string_view contract) const noexcept;

  const hsa_tree& hsa() const noexcept { return *hsa_; }
  const routing_policy& policy() const noexcept { return policy_; }
  const std::vector<route>& routes() const noexcept { return routes_; }
  const std::vector<permission>& permissions() const noexcept { return permissions_; }

 private:
  friend class routing_snapshot_builder;
  routing_snapshot() = default;

  std::vector<route> routes_;
  std::vector<permission> permissions_;
  std::shared_ptr<const hsa_tree> hsa_;
  routing_policy policy_;
  std::unordered_map<std::string, address_index, ci_hash, ci_equal> routes_by_contract_;
  // contract -> consumer -> address -> windows
  std::unordered_map<std::string, std::unordered_map<std::string, grant_index, ci_hash, ci_equal>,
                     ci_hash, ci_equal>
      grants_by_contract_;
};

using routing_snapshot_ptr = std::shared_ptr<const routing_snapshot>;

/// Collects routes, permissions, the HSA tree and the policy, checks them, and
/// builds the indexes. build() reports every problem at once.
///
/// Only entries that can never work are rejected (empty contract, address or
/// consumer). What the platform tolerates at call time stays: a blank URL
/// (VP010 when chosen), an unknown RIV profile (VP005), duplicates (VP006), an
/// inverted window (never valid; TAK produces those when a route is replaced).
class routing_snapshot_builder {
 public:
  routing_snapshot_builder& add_route(route r);
  routing_snapshot_builder& add_permission(permission p);
  routing_snapshot_builder& set_hsa_tree(std::shared_ptr<const hsa_tree> tree);
  routing_snapshot_builder& set_policy(routing_policy policy);

  result<routing_snapshot_ptr, std::vector<std::string>> build() &&;

 private:
  std::vector<route> routes_;
  std::vector<permission> permissions_;
  std::shared_ptr<const hsa_tree> hsa_;
  routing_policy policy_;
};

}  // namespace tidnav::core
