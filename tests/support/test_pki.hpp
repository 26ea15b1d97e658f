// SPDX-License-Identifier: GPL-2.0-or-later
// A throw-away PKI for tests, generated once per test process into a temp directory
// (removed at exit). Nothing here is ever written into the source tree.
#pragma once

#include <filesystem>

#include "tools/pki/pki.hpp"

namespace tidnav::test {

inline constexpr const char* test_consumer_hsa_id = "SE2321000016-1177";

struct test_pki {
  std::filesystem::path dir;
  pki::ca ca;                        // "tidnav test CA": trusted by servers and clients
  pki::ca rogue_ca;                  // trusted by nobody
  pki::issued server;                // SAN localhost, 127.0.0.1, ::1
  pki::issued server_wrong_name;     // SAN producer.invalid only
  pki::issued server_rogue;          // SAN localhost/127.0.0.1, issued by rogue_ca
  pki::issued client;                // CN=tidnav 1177, serialNumber=SE2321000016-1177
  pki::issued client_expired;        // same subject shape, validity in the past
  pki::issued client_rogue;          // issued by rogue_ca
  pki::issued client_rsa;            // RSA 2048 key, serialNumber=SE2321000016-0002
};

// Generated on first use; thread-safe.
const test_pki& shared_test_pki();

}  // namespace tidnav::test
