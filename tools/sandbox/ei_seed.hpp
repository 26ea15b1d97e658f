// SPDX-License-Identifier: GPL-2.0-or-later
// The existing bookings of the seed, posted to the hub's engagement index as
// each adapter would have posted them when they were made: an Update through
// the hub, with the adapter's own client certificate, to the platform
// address, one post per booking and service domain (riv:crm:scheduling for
// crm 1.1, riv:supportprocess:logistics:scheduling for 2.0). Afterwards the
// adapters keep the index current themselves, so each post must carry the very
// id that system's adapter hands out: otherwise the adapter's delete after a
// cancellation matches nothing and the unit stays in the index.
#pragma once

#include <functional>
#include <string>

#include "tools/sandbox/configs.hpp"
#include "tools/sandbox/layout.hpp"
#include "tools/sandbox/region.hpp"

namespace tidnav::sandbox {

// The id a system's adapter gives an existing booking, in both service domains
// (the adapter host posts one native id; 2.0 turns it into a UUID with
// adapters/core's contract_id, which keeps a UUID as it is):
// - adapters/core's stand-ins, Millennium and Cosmic: the seed's booking id;
// - PASiS/PMO behind the bridge (simulator mode): the bridge's own
//   uuid5(system, unit, bookingId), from adapters/bridge's id_store.
std::string adapter_native_id(const region& r, const booking_def& b, backend_mode mode);

// The Update envelope with every existing booking of one system.
std::string engagement_update(const region& r, system_kind s, backend_mode mode = backend_mode::simulator);

// Posts them for every system; returns "" or the first problem.
std::string post_engagements(const region& r, const layout& l, const std::string& hub_url,
                             const std::function<backend_mode(system_kind)>& mode);

}  // namespace tidnav::sandbox
