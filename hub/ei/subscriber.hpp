// SPDX-License-Identifier: GPL-2.0-or-later
// Who receives ProcessNotification when a post changes. Filters compare
// case-insensitively, as the national index applies the registry's filters.
#pragma once

#include "hub/ei/engagement.hpp"

#include <string>
#include <vector>

namespace tidnav::ei {

struct subscriber {
  std::string logical_address;              // LogicalAddress header of the notification
  std::string target;                       // URL or hub route key; handed to the sender untouched
  std::string service_domain;               // empty: every domain
  std::vector<std::string> categorizations;  // empty: every categorization of the domain
};

// True when `s` should hear about a change of `e`. A subscriber never hears
// about posts it owns itself: it would drop them anyway (owner loop guard),
// and sending them only costs a round trip.
bool wants(const subscriber& s, const engagement& e) noexcept;

// Outbox entries are queued per subscriber; this is the queue's name.
std::string queue_key(const subscriber& s);

}  // namespace tidnav::ei
