// SPDX-License-Identifier: GPL-2.0-or-later
// The existing bookings of the seed, posted to the hub's engagement index as
// each adapter would have posted them when they were made: an Update through
// the hub, with the adapter's own client certificate, to the platform
// address, one post per booking and service domain (riv:crm:scheduling for
// crm 1.1, riv:supportprocess:logistics:scheduling for 2.0). Afterwards the
// adapters keep the index current themselves.
#pragma once

#include <string>

#include "tools/sandbox/layout.hpp"
#include "tools/sandbox/region.hpp"

namespace tidnav::sandbox {

// The Update envelope with every existing booking of one system.
std::string engagement_update(const region& r, system_kind s);

// Posts them for every system; returns "" or the first problem.
std::string post_engagements(const region& r, const layout& l, const std::string& hub_url);

}  // namespace tidnav::sandbox
