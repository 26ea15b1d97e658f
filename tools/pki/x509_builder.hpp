// SPDX-License-Identifier: GPL-2.0-or-later
// Key generation and X.509 v3 certificate assembly/signing (internal to tools/pki).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tools/pki/ossl_ptr.hpp"
#include "tools/pki/pki.hpp"

namespace tidnav::pki::detail {

evp_pkey_ptr generate_key(key_algorithm algorithm);

struct subject_fields {
  std::string country;
  std::string organization;
  std::string common_name;
  std::string serial_number;  // SERIALNUMBER (2.5.4.5); empty: omitted
};

// Builds an unsigned v3 certificate for `key`: random 127-bit serial, validity, subject.
// The issuer name is set by sign().
x509_ptr new_certificate(EVP_PKEY* key, const subject_fields& subject, const validity& valid);

// Adds one extension in openssl.cnf syntax, e.g. (NID_key_usage, "critical,digitalSignature").
// `issuer` is the signing certificate (the certificate itself when self-signed); it is needed
// for authorityKeyIdentifier.
void add_extension(X509* cert, X509* issuer, int nid, const std::string& value);

// Sets the issuer name from `issuer` and signs with SHA-256.
void sign(X509* cert, X509* issuer, EVP_PKEY* issuer_key);

// "DNS:a,DNS:b,IP:127.0.0.1" from the option lists.
std::string subject_alt_names(const std::vector<std::string>& dns, const std::vector<std::string>& ips);

// RFC 2253 rendering of the certificate subject.
std::string subject_rfc2253(X509* cert);

}  // namespace tidnav::pki::detail
