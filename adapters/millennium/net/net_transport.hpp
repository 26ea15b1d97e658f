// SPDX-License-Identifier: GPL-2.0-or-later
// The Millennium adapter's real transport is the shared one over hub/net
// (adapters/fhir/net, target tidnav_fhir_net). Blocks its thread: never call
// the adapter on an io thread.
#pragma once

#include "adapters/millennium/http_transport.hpp"
#include "adapters/fhir/net/net_transport.hpp"

namespace tidnav::adapters::millennium {

using fhir::net_transport;

}  // namespace tidnav::adapters::millennium
