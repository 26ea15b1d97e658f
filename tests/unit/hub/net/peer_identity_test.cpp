// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <string>

#include "hub/net/peer_identity.hpp"
#include "tests/support/test_pki.hpp"

namespace {

std::string client_pem() {
  std::ifstream in(tidnav::test::shared_test_pki().client.cert_file);
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST_CASE("peer identity from PEM", "[peer_identity]") {
  const auto id = tidnav::net::peer_identity_from_pem(client_pem());
  REQUIRE(id);
  CHECK(id->present());
  CHECK(id->subject == "serialNumber=SE2321000016-1177,CN=tidnav 1177,O=Test,C=SE");
  CHECK(id->serial_numbers == std::vector<std::string>{"SE2321000016-1177"});
  CHECK(id->cert_pem == client_pem());
}

TEST_CASE("peer identity from a proxy-forwarded bare base64 chain", "[peer_identity]") {
  // Traefik's X-Forwarded-Tls-Client-Cert form: base64 DER without PEM armour or line
  // breaks, certificates of a chain separated by commas (vp-routing.md §2.2).
  const std::string pem = client_pem();
  std::string body = pem.substr(pem.find('\n') + 1);
  body = body.substr(0, body.find("-----END"));
  std::string b64;
  for (const char c : body)
    if (c != '\n') b64 += c;
  REQUIRE(b64.rfind("MII", 0) == 0);
  const auto id = tidnav::net::peer_identity_from_pem(b64 + ",MIIBogus");
  REQUIRE(id);
  CHECK(id->serial_numbers == std::vector<std::string>{"SE2321000016-1177"});

  const auto spaced = tidnav::net::peer_identity_from_pem("-----BEGIN CERTIFICATE----- " + b64 +
                                                          " -----END CERTIFICATE-----");
  REQUIRE(spaced);
  CHECK(spaced->subject == id->subject);
}

TEST_CASE("peer identity rejects garbage", "[peer_identity]") {
  CHECK_FALSE(tidnav::net::peer_identity_from_pem(""));
  CHECK_FALSE(tidnav::net::peer_identity_from_pem("not a certificate"));
  CHECK_FALSE(tidnav::net::peer_identity_from_pem("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));
  CHECK(tidnav::net::peer_identity_from_x509(nullptr).serial_numbers.empty());
}
