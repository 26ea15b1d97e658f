// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/core/id_directory.hpp"

#include "hub/core/hsa_id.hpp"

namespace tidnav::adapters {

std::string id_directory::key(native_id_kind kind, std::string_view uuid) {
  std::string k(kind == native_id_kind::appointment ? "a:" : "t:");
  for (char c : uuid) k += core::ascii_lower(c);  // consumers may send upper case
  return k;
}

std::string id_directory::remember(native_id_kind kind, std::string_view native_unit, std::string_view native_id) {
  std::string id = contract_id(kind, native_unit, native_id);
  std::string k = key(kind, id);
  std::lock_guard lock(mutex_);
  auto [it, inserted] = map_.try_emplace(k, native_ref{std::string(native_unit), std::string(native_id)});
  if (inserted) {
    order_.push_back(std::move(k));
    while (order_.size() > capacity_) {
      map_.erase(order_.front());
      order_.pop_front();
    }
  }
  return id;
}

std::optional<native_ref> id_directory::find(native_id_kind kind, std::string_view contract_uuid) const {
  const std::string k = key(kind, contract_uuid);
  std::lock_guard lock(mutex_);
  const auto it = map_.find(k);
  if (it == map_.end()) return std::nullopt;
  return it->second;
}

std::size_t id_directory::size() const {
  std::lock_guard lock(mutex_);
  return map_.size();
}

}  // namespace tidnav::adapters
