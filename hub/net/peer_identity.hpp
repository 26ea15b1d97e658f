// SPDX-License-Identifier: GPL-2.0-or-later
// The identity a TLS peer proved with its certificate, in the forms routing needs.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct x509_st;  // OpenSSL's X509, kept opaque so this header stays OpenSSL-free

namespace tidnav::net {

struct peer_identity {
  // Leaf subject in RFC 2253 form (OpenSSL XN_FLAG_RFC2253), most specific RDN first:
  // "serialNumber=SE2321000016-1177,CN=tidnav 1177,O=Test,C=SE".
  // Note: Java's X500Principal.getName() (what VP matches) prints 2.5.4.5 as "2.5.4.5=#13..."
  // instead; consumers of this string should use serial_numbers for the sender id.
  std::string subject;
  // Raw UTF-8 values of every subject SERIALNUMBER (2.5.4.5) attribute, in certificate order.
  std::vector<std::string> serial_numbers;
  // The leaf certificate as PEM ("-----BEGIN CERTIFICATE-----...").
  std::string cert_pem;

  bool present() const noexcept { return !cert_pem.empty(); }
};

// From a certificate; an empty identity when cert is null.
peer_identity peer_identity_from_x509(const x509_st* cert);

// From a PEM certificate or bare base64 DER (the form a TLS-terminating proxy forwards,
// e.g. Traefik's X-Forwarded-Tls-Client-Cert: "MII..."; for a comma-separated chain the
// first element is used). nullopt when it does not parse.
std::optional<peer_identity> peer_identity_from_pem(std::string_view pem_or_base64);

}  // namespace tidnav::net
