// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/net/tls_context.hpp"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <boost/asio/ssl/error.hpp>

#include "hub/net/openssl_errors.hpp"
#include "hub/net/tls_context_impl.hpp"

namespace tidnav::net {
namespace {

namespace ssl = boost::asio::ssl;

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& file = {}) {
  std::string msg = what;
  if (!file.empty()) msg += " " + file.string();
  throw tls_error(msg + ": " + openssl_errors());
}

void require_file(const char* role, const std::filesystem::path& file) {
  std::error_code ec;
  if (file.empty()) throw tls_error(std::string(role) + " file not configured");
  if (!std::filesystem::is_regular_file(file, ec)) throw tls_error(std::string(role) + " not found: " + file.string());
}

// Settings both sides share: TLS 1.2 floor, no compression (CRIME), no renegotiation
// (a classic CPU-exhaustion vector and never needed by SOAP peers).
void apply_common(SSL_CTX* ctx, const std::string& tls12_ciphers) {
  ERR_clear_error();
  SSL_CTX_set_options(ctx, SSL_OP_ALL | SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION);
  if (SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION) != 1) fail("set minimum protocol TLS 1.2");
  if (!tls12_ciphers.empty() && SSL_CTX_set_cipher_list(ctx, tls12_ciphers.c_str()) != 1)
    fail("cipher list '" + tls12_ciphers + "'");
}

void load_identity(SSL_CTX* ctx, const std::filesystem::path& chain, const std::filesystem::path& key) {
  require_file("certificate", chain);
  require_file("private key", key);
  if (SSL_CTX_use_certificate_chain_file(ctx, chain.c_str()) != 1) fail("load certificate chain", chain);
  if (SSL_CTX_use_PrivateKey_file(ctx, key.c_str(), SSL_FILETYPE_PEM) != 1) fail("load private key", key);
  if (SSL_CTX_check_private_key(ctx) != 1) fail("private key does not match certificate", key);
}

}  // namespace

tls_context::tls_context(std::unique_ptr<impl> p) : impl_(std::move(p)) {}
tls_context::~tls_context() = default;
bool tls_context::is_server() const noexcept { return impl_->server; }

tls_context_ptr make_server_tls_context(const server_tls_options& options) {
  auto p = std::make_unique<tls_context::impl>(ssl::context::tls_server, true);
  SSL_CTX* ctx = p->ctx.native_handle();
  apply_common(ctx, options.tls12_ciphers);
  SSL_CTX_set_options(ctx, SSL_OP_CIPHER_SERVER_PREFERENCE);

  require_file("CA", options.ca_file);
  if (SSL_CTX_load_verify_locations(ctx, options.ca_file.c_str(), nullptr) != 1) fail("load CA", options.ca_file);
  // Advertise the accepted issuers in CertificateRequest so clients holding several
  // certificates (common for SITHS function certificates) pick the right one.
  STACK_OF(X509_NAME)* names = SSL_load_client_CA_file(options.ca_file.c_str());
  if (names == nullptr) fail("read CA names", options.ca_file);
  SSL_CTX_set_client_CA_list(ctx, names);

  load_identity(ctx, options.cert_chain_file, options.key_file);

  p->ctx.set_verify_mode(options.require_client_cert ? ssl::verify_peer | ssl::verify_fail_if_no_peer_cert
                                                     : ssl::verify_peer);
  // Without a session id context OpenSSL refuses to resume sessions once client
  // certificates are verified, and every reconnect would pay a full handshake.
  static constexpr unsigned char sid_ctx[] = "tidnav";
  SSL_CTX_set_session_id_context(ctx, sid_ctx, sizeof sid_ctx - 1);
  return std::make_shared<tls_context>(std::move(p));
}

tls_context_ptr make_client_tls_context(const client_tls_options& options) {
  auto p = std::make_unique<tls_context::impl>(ssl::context::tls_client, false);
  SSL_CTX* ctx = p->ctx.native_handle();
  apply_common(ctx, options.tls12_ciphers);

  if (options.ca_file.empty()) {
    if (SSL_CTX_set_default_verify_paths(ctx) != 1) fail("load system CA paths");
  } else {
    require_file("CA", options.ca_file);
    if (SSL_CTX_load_verify_locations(ctx, options.ca_file.c_str(), nullptr) != 1) fail("load CA", options.ca_file);
  }
  if (!options.cert_file.empty() || !options.key_file.empty()) load_identity(ctx, options.cert_file, options.key_file);

  p->ctx.set_verify_mode(options.verify_peer ? ssl::verify_peer : ssl::verify_none);
  p->client = options;
  return std::make_shared<tls_context>(std::move(p));
}

namespace detail {

void prepare_client_ssl(SSL* ssl, const tls_context::impl& ctx, const std::string& host, bool host_is_ip,
                        boost::system::error_code& ec) {
  ec = {};
  const auto& o = ctx.client;
  const std::string& name = o.server_name.empty() ? host : o.server_name;
  const bool name_is_ip = o.server_name.empty() && host_is_ip;
  const auto ssl_error = [&ec] {
    const unsigned long e = ERR_get_error();
    if (e == 0)
      ec = boost::asio::error::invalid_argument;
    else
      ec.assign(static_cast<int>(e), boost::asio::error::get_ssl_category());
  };

  if (!name_is_ip && SSL_set_tlsext_host_name(ssl, name.c_str()) != 1) return ssl_error();
  if (!o.verify_peer || !o.verify_hostname) return;

  // Checked by OpenSSL inside chain verification, so a mismatch fails the handshake
  // exactly like an untrusted chain does (no Asio verify callback needed).
  X509_VERIFY_PARAM* param = SSL_get0_param(ssl);
  X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
  const int ok = name_is_ip ? X509_VERIFY_PARAM_set1_ip_asc(param, name.c_str())
                            : X509_VERIFY_PARAM_set1_host(param, name.c_str(), name.size());
  if (ok != 1) ssl_error();
}

peer_identity peer_identity_from_ssl(SSL* ssl) { return peer_identity_from_x509(SSL_get0_peer_certificate(ssl)); }

}  // namespace detail
}  // namespace tidnav::net
