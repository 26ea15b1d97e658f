// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include <string>

#include "hub/obs/privacy.hpp"

using namespace tidnav::obs;

namespace {

const std::string der_b64 =
    "MIIBszCCAVmgAwIBAgIUQ2VydGlmaWNhdGVGb3JUZXN0c09ubHkwCgYIKoZIzj0EAwIwEjEQMA4GA1UEAwwHdGVzdCBjYTAeFw0y"
    "NTAxMDEwMDAwMDBaFw0yNjAxMDEwMDAwMDBaMBIxEDAOBgNVBAMMB3Rlc3QgY2EwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAQ=";

}  // namespace

TEST_CASE("obs: mask_certificate keeps the first 8 and last 4 base64 characters", "[obs][privacy]") {
  CHECK(mask_certificate(der_b64) == "MIIBszCC...AAQ=");
  const std::string pem = "-----BEGIN CERTIFICATE-----\n" + der_b64.substr(0, 64) + "\n" + der_b64.substr(64) +
                          "\n-----END CERTIFICATE-----\n";
  CHECK(mask_certificate(pem) == "MIIBszCC...AAQ=");
  // As a proxy forwards it in a header (URL-encoded, spaces and newlines as %20/%0A).
  const std::string encoded = "-----BEGIN%20CERTIFICATE-----%0A" + der_b64.substr(0, der_b64.size() - 1) +
                              "%3D%0A-----END%20CERTIFICATE-----%0A";
  const std::string masked = mask_certificate(encoded);
  CHECK(masked.starts_with("MIIBszCC..."));
  CHECK(masked.find("CERTIFICATE") == std::string::npos);
  CHECK(masked.size() == 15);
  CHECK(mask_certificate("MIIshort") == "***");
  CHECK(mask_certificate("") == "***");
}

TEST_CASE("obs: looks_like_certificate recognises PEM and DER base64 only", "[obs][privacy]") {
  CHECK(looks_like_certificate(der_b64));
  CHECK(looks_like_certificate("x-forwarded: -----BEGIN CERTIFICATE-----..."));
  CHECK_FALSE(looks_like_certificate("MIIshort"));
  CHECK_FALSE(looks_like_certificate("producer answered 500"));
  CHECK_FALSE(looks_like_certificate(std::string(80, 'M') + " not base64"));
}

TEST_CASE("obs: looks_like_personnummer: 12 digits, or 10 with - or +, with a plausible date", "[obs][privacy]") {
  CHECK(looks_like_personnummer("191212121212"));
  CHECK(looks_like_personnummer("19121212-1212"));
  CHECK(looks_like_personnummer("121212-1212"));
  CHECK(looks_like_personnummer("121212+1212"));  // over 100 years old
  CHECK(looks_like_personnummer("701063-2391"));  // samordningsnummer (day + 60)
  CHECK_FALSE(looks_like_personnummer("1212121212"));     // plain 10 digits: organisation number shape
  CHECK_FALSE(looks_like_personnummer("2321000016"));     // an organisation number
  CHECK_FALSE(looks_like_personnummer("162321000016"));   // 12-digit org number in an HSA-id: month 21
  CHECK_FALSE(looks_like_personnummer("191213121212"));   // month 13
  CHECK_FALSE(looks_like_personnummer("191212001212"));   // day 00
  CHECK_FALSE(looks_like_personnummer("121212*1212"));
  CHECK_FALSE(looks_like_personnummer("SE2321000016-15CQ"));
  CHECK_FALSE(looks_like_personnummer("19121212121"));
  CHECK_FALSE(looks_like_personnummer(""));
}

TEST_CASE("obs: redact_personal_ids replaces every number inside a text", "[obs][privacy]") {
  CHECK(redact_personal_ids("191212121212") == "***");
  CHECK(redact_personal_ids("patient 19121212-1212 and 121212+1212, done") == "patient *** and ***, done");
  CHECK(redact_personal_ids("pnr=191212121212;") == "pnr=***;");
  CHECK(redact_personal_ids("SE2321000016-15CQ") == "SE2321000016-15CQ");
  CHECK(redact_personal_ids("SE162321000016-1234") == "SE162321000016-1234");
  CHECK(redact_personal_ids("id 1191212121212 is 13 digits") == "id 1191212121212 is 13 digits");
  CHECK(redact_personal_ids("timeout after 30000 ms") == "timeout after 30000 ms");
  CHECK(redact_personal_ids("") == "");
}
