// SPDX-License-Identifier: GPL-2.0-or-later
// The contract suite (legacy_contract_suite.hpp) as test cases. Every profile's
// test binary registers each case under its own system's name and tag
// ("pasis: ids survive a restart of the adapter", [pasis]), so each system runs
// every case and a failure says which system it was. Checks only one profile
// makes stay as TEST_CASEs in that profile's own test file.
#pragma once

#include "legacy_contract_suite.hpp"

#include <string>

namespace tidnav::adapters::bridge::test {

struct legacy_system {
  std::string name;              // "pasis": the test names' prefix and tag
  std::string prefix;            // the seed's unit and booking prefix ("PAS")
  std::string producer_version;  // "1.0": the crm:scheduling version of its producer
  bridge_world (*world)();       // a fresh world with the system's profile and seed
};

// Registers every shared case for `system` with Catch; meant for static
// initialisation: `const bool registered = register_legacy_cases({...});`.
bool register_legacy_cases(const legacy_system& system);

}  // namespace tidnav::adapters::bridge::test
