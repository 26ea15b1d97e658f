// SPDX-License-Identifier: GPL-2.0-or-later
// The Millennium adapter's seam to the network is the one both FHIR adapters share
// (adapters/fhir/http_transport.hpp); these names keep the adapter's own
// spelling. tidnav_fhir_net has the real transport, over hub/net.
#pragma once

#include "adapters/fhir/http_transport.hpp"

namespace tidnav::adapters::millennium {

using fhir::deadline;
using fhir::header_pairs;
using fhir::header_value;
using fhir::http_request;
using fhir::http_response;
using fhir::http_transport;

}  // namespace tidnav::adapters::millennium
