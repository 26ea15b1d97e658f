// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "hub/core/sender_id.hpp"

using namespace tidnav::core;

namespace {

std::optional<std::string> extract(std::string_view subject, std::string_view pattern = default_sender_id_pattern) {
  const auto x = sender_id_extractor::create(pattern);
  REQUIRE(x);
  return x->extract(subject);
}

}  // namespace

TEST_CASE("the SERIALNUMBER value is the sender id", "[unit][sender_id]") {
  const std::optional<std::string> want("SE2321000016-C001");
  SECTION("Java's rendering, as the platform sees it") {
    CHECK(extract("SERIALNUMBER=SE2321000016-C001, CN=Testkonsument, O=Region Test, C=SE") == want);
  }
  SECTION("OpenSSL RFC 2253") {
    CHECK(extract("serialNumber=SE2321000016-C001,CN=Testkonsument,O=Region Test,C=SE") == want);
  }
  SECTION("OpenSSL oneline") {
    CHECK(extract("/C=SE/O=Region Test/serialNumber=SE2321000016-C001/CN=Testkonsument") == want);
  }
  SECTION("OpenSSL -nameopt oneline (spaces around '=')") {
    CHECK(extract("C = SE, O = Region Test, serialNumber = SE2321000016-C001, CN = Testkonsument") == want);
  }
  SECTION("RFC 2253 with the OID and a DER hex value") {
    // 0x13 PrintableString, length 0x11, "SE2321000016-C001"
    CHECK(extract("2.5.4.5=#131153453233323130303030313642D43303031,CN=Testkonsument") == std::nullopt);  // odd hex
    CHECK(extract("2.5.4.5=#13115345323332313030303031362D43303031,CN=Testkonsument") == want);
  }
  SECTION("no serial number") {
    CHECK(extract("CN=Testkonsument,O=Region Test,C=SE") == std::nullopt);
    CHECK(extract("") == std::nullopt);
  }
  SECTION("oneline value containing a slash stays whole") {
    CHECK(extract("/C=SE/O=A/B Org/serialNumber=SE2321000016-C001") == want);
    CHECK(java_style_subject("/C=SE/O=A/B Org/serialNumber=X") == "SERIALNUMBER=X, O=A/B Org, C=SE");
  }
}

TEST_CASE("the pattern is configurable", "[unit][sender_id]") {
  // The Mule-era platform used the OU attribute.
  CHECK(extract("CN=x, OU=SE2321000016-C002, O=y", "OU=([^,]+)") == std::optional<std::string>("SE2321000016-C002"));
  CHECK(extract("cn=x, ou=abc", "(?i)OU=([^,]+)") == std::optional<std::string>("abc"));
  CHECK_FALSE(sender_id_extractor::create("SERIALNUMBER=[^,]+"));   // no group
  CHECK_FALSE(sender_id_extractor::create("SERIALNUMBER=([^,]+"));  // does not compile
}

TEST_CASE("DER hex values decode like the platform", "[unit][sender_id]") {
  CHECK(decode_der_hex_value("#0c03414243") == std::optional<std::string>("ABC"));
  CHECK(decode_der_hex_value("#0c00") == std::optional<std::string>(""));
  CHECK(decode_der_hex_value("#0c8103414243") == std::optional<std::string>("ABC"));  // long-form length
  CHECK_FALSE(decode_der_hex_value("0c03414243"));
  CHECK_FALSE(decode_der_hex_value("#0c034142zz"));
  CHECK_FALSE(decode_der_hex_value("#0c"));
}
