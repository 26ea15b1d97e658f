// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/pasis/pasis_profile.hpp"

namespace tidnav::adapters::pasis {

bridge::legacy_profile pasis_profile(std::string endpoint) {
  bridge::legacy_profile p;
  p.system = system_name;
  p.version = bridge::crm_version::v1_0;
  p.endpoint = std::move(endpoint);
  // 1.0 carries no Actor and no names: nothing to configure for them. The
  // bridge checks a citizen's ownership itself before UpdateBooking and
  // CancelBooking, because a 1.0 producer cannot.
  // An unmatched ERROR text is a rule of the unit's: "not allowed via the web".
  p.unmatched_error = business_code::not_allowed;
  return p;
}

}  // namespace tidnav::adapters::pasis
