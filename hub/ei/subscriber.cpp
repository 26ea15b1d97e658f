// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/ei/subscriber.hpp"

#include "hub/core/hsa_id.hpp"

#include <algorithm>

namespace tidnav::ei {

bool wants(const subscriber& s, const engagement& e) noexcept {
  if (e.owner && core::iequals(*e.owner, s.logical_address)) return false;
  if (!s.service_domain.empty() && !core::iequals(s.service_domain, e.service_domain)) return false;
  if (s.categorizations.empty()) return true;
  return std::any_of(s.categorizations.begin(), s.categorizations.end(),
                     [&](const std::string& c) { return core::iequals(c, e.categorization); });
}

std::string queue_key(const subscriber& s) { return core::normalize_hsa_id(s.logical_address) + "\n" + s.target; }

}  // namespace tidnav::ei
