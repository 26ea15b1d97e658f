// SPDX-License-Identifier: GPL-2.0-or-later
// The shared FHIR fakes (tests/unit/adapters/fhir/fake_fhir_transport.hpp) as
// the Millennium tests use them, and a configured tenant.
#pragma once

#include "adapters/millennium/http_transport.hpp"
#include "adapters/millennium/millennium_options.hpp"
#include "tests/unit/adapters/fhir/fake_fhir_transport.hpp"

#include <string>

namespace tidnav::adapters::millennium::test {

using fhir::test::answer;
using fhir::test::header_of;

inline std::string fixture(const std::string& name) { return fhir::test::read_fixture("millennium", name); }

// Millennium's authorization server hands out tokens for 570 s.
class fake_transport final : public fhir::test::fake_fhir_transport {
 public:
  explicit fake_transport(route_fn route) : fake_fhir_transport(std::move(route), 570) {}
};

// The tenant the seed and the fixtures describe: LOC-ASA with two appointment types, two practitioners.
millennium_options tenant_options(const std::string& base_url = "https://mil.test/r4/t1",
                                  const std::string& token_url = "https://mil.test/token");

inline const std::string code_set = "https://fhir.cerner.com/ec2458f2-1e24-41c8-b71b-0e701af7583d/codeSet/14249";
inline const std::string doctor_hsa = "SE2321000016-DOC1";

}  // namespace tidnav::adapters::millennium::test
