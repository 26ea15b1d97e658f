// SPDX-License-Identifier: GPL-2.0-or-later
// TLS configuration for listeners (mutual TLS by default) and producer connections.
//
// A tls_context is immutable once built. To reload certificates, build a new one and
// hand it to http_server::set_tls_context(); connections already open keep the context
// they were accepted with (they hold a shared_ptr to it).
#pragma once

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

namespace tidnav::net {

// Bad files, a key that does not match its certificate, or an OpenSSL failure.
// The message names the file and carries OpenSSL's reason.
class tls_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Mozilla "intermediate" TLS 1.2 suites: forward secrecy and AEAD only.
// TLS 1.3 suites are OpenSSL's defaults (all AEAD).
inline constexpr const char* default_tls12_ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
    "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
    "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:"
    "DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384";

struct server_tls_options {
  std::filesystem::path ca_file;          // CAs trusted for client certificates (PEM bundle)
  std::filesystem::path cert_chain_file;  // server leaf first, then intermediates (PEM)
  std::filesystem::path key_file;         // server private key (PEM)
  // true: verify_peer | verify_fail_if_no_peer_cert (VP's needClientAuth=true).
  // false: a client certificate is requested and verified if sent, but not required.
  bool require_client_cert = true;
  std::string tls12_ciphers = default_tls12_ciphers;
};

struct client_tls_options {
  std::filesystem::path ca_file;    // CAs trusted for producers; empty: system default paths
  std::filesystem::path cert_file;  // our client certificate chain (PEM); empty: none sent
  std::filesystem::path key_file;   // its private key (PEM)
  bool verify_peer = true;          // chain verification; turning it off also skips hostname checks
  bool verify_hostname = true;      // check the URL host (or server_name) against SAN/CN
  // Sent as SNI and checked against the certificate instead of the URL host; empty: URL host.
  // IP-literal hosts send no SNI (RFC 6066) and are checked against SAN IP entries.
  std::string server_name;
  std::string tls12_ciphers;  // empty: OpenSSL defaults (producers are often older stacks)
};

class tls_context {
 public:
  struct impl;  // hub/net/tls_context_impl.hpp (Asio types; internal)

  explicit tls_context(std::unique_ptr<impl> p);
  ~tls_context();
  tls_context(const tls_context&) = delete;
  tls_context& operator=(const tls_context&) = delete;

  bool is_server() const noexcept;
  impl& native() noexcept { return *impl_; }

 private:
  std::unique_ptr<impl> impl_;
};

using tls_context_ptr = std::shared_ptr<tls_context>;

// TLS >= 1.2, no compression, no renegotiation, server cipher preference. Throws tls_error.
tls_context_ptr make_server_tls_context(const server_tls_options& options);

// TLS >= 1.2, chain + hostname verification on by default. Throws tls_error.
tls_context_ptr make_client_tls_context(const client_tls_options& options);

}  // namespace tidnav::net
