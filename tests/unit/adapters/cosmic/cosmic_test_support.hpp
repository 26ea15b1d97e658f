// SPDX-License-Identifier: GPL-2.0-or-later
// The shared FHIR fakes (tests/unit/adapters/fhir/fake_fhir_transport.hpp) as
// the Cosmic tests use them, and Cosmic's options for the fake server.
#pragma once

#include "adapters/cosmic/cosmic_options.hpp"
#include "adapters/cosmic/http_transport.hpp"
#include "tests/unit/adapters/fhir/fake_fhir_transport.hpp"

#include <string>

namespace tidnav::adapters::cosmic::test {

using fhir::test::answer;
using fhir::test::header_of;

inline std::string fixture(const std::string& name) { return fhir::test::read_fixture("cosmic", name); }

// Cosmic's identity provider hands out tokens for an hour.
class fake_transport final : public fhir::test::fake_fhir_transport {
 public:
  explicit fake_transport(route_fn route) : fake_fhir_transport(std::move(route), 3600) {}
};

cosmic_options fake_options();

}  // namespace tidnav::adapters::cosmic::test
