// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/pmo/pmo_profile.hpp"

namespace tidnav::adapters::pmo {

bridge::legacy_profile pmo_profile(std::string endpoint) {
  bridge::legacy_profile p;
  p.system = system_name;
  p.version = bridge::crm_version::v1_1;
  p.endpoint = std::move(endpoint);
  // 1.1 requires what 2.0 does not carry (a subject_of_care on logged-out
  // availability requests, names on MakeBooking, an Actor on staff calls).
  // None is invented: each is a setting (README.md), empty until configured,
  // and a request that needs an empty one is refused as invalid_request.
  p.unmatched_error = business_code::not_allowed;
  return p;
}

}  // namespace tidnav::adapters::pmo
