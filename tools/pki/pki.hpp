// SPDX-License-Identifier: GPL-2.0-or-later
// Development PKI: creates a CA and issues server/client certificates as PEM files.
//
// Everything is generated at run time into a caller-chosen directory, so no key
// material ever lives in the repository. Client certificates carry the consumer's
// HSA-id in the subject SERIALNUMBER attribute (2.5.4.5), which is where SKLTP VP
// looks for the sender id (vp-routing.md §2.2).
#pragma once

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tidnav::pki {

// Any OpenSSL or file-system failure; the message carries the OpenSSL reason.
class pki_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class key_algorithm {
  ec_p256,   // default: small, fast handshakes
  rsa_2048,  // for peers that still only speak RSA
};

enum class cert_kind {
  server,  // EKU serverAuth, SAN from dns_names/ip_addresses
  client,  // EKU clientAuth, SERIALNUMBER = hsa_id
};

// Validity window as offsets from "now"; negative values lie in the past.
struct validity {
  std::chrono::seconds not_before{-std::chrono::minutes(5)};  // tolerate small clock skew
  std::chrono::seconds not_after{std::chrono::hours(24) * 365};

  static validity days(int n);
  // notBefore 30 days ago, notAfter 1 day ago: for "expired certificate" tests.
  static validity expired();
};

struct ca_options {
  key_algorithm key = key_algorithm::ec_p256;
  validity valid = validity::days(3650);
  std::string country = "SE";
  std::string organization = "Test";
};

struct issue_options {
  key_algorithm key = key_algorithm::ec_p256;
  validity valid = validity::days(365);
  std::string country = "SE";
  std::string organization = "Test";
  // Server SAN entries; when both are empty a server certificate gets DNS:<name>.
  std::vector<std::string> dns_names;
  std::vector<std::string> ip_addresses;  // "127.0.0.1", "::1"
  // Subject SERIALNUMBER, e.g. "SE2321000016-1177"; empty means none.
  std::string hsa_id;
};

// A CA on disk; issue() reloads the key from key_file.
struct ca {
  std::string name;
  std::filesystem::path cert_file;
  std::filesystem::path key_file;
};

struct issued {
  std::filesystem::path cert_file;  // leaf certificate, PEM, mode 0644
  std::filesystem::path key_file;   // PKCS#8 private key, PEM, mode 0600
  std::string subject;              // RFC 2253 form, as a TLS peer would print it
};

// Creates <dir>/<stem>.crt and <dir>/<stem>.key for a self-signed CA with CN=name.
// The directory is created if missing. Throws pki_error.
ca create_ca(const std::filesystem::path& dir, std::string_view name, const ca_options& options = {});

// Issues a certificate with CN=name signed by `issuer`, written as <dir>/<stem>.{crt,key}.
// <stem> is `name` with characters outside [A-Za-z0-9._-] replaced by '_'. Throws pki_error.
issued issue(const std::filesystem::path& dir, const ca& issuer, cert_kind kind, std::string_view name,
             const issue_options& options = {});

// File stem used for `name` (exposed so callers can predict paths).
std::string file_stem(std::string_view name);

}  // namespace tidnav::pki
