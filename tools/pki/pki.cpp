// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/pki/pki.hpp"

#include <system_error>

#include "tools/pki/pem_io.hpp"
#include "tools/pki/x509_builder.hpp"

namespace tidnav::pki {
namespace {

void ensure_dir(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw pki_error("create directory " + dir.string() + ": " + ec.message());
}

// RSA keys are used for key transport in TLS 1.2 RSA suites, EC keys never are.
std::string leaf_key_usage(key_algorithm key) {
  return key == key_algorithm::rsa_2048 ? "critical,digitalSignature,keyEncipherment"
                                        : "critical,digitalSignature";
}

}  // namespace

validity validity::days(int n) {
  validity v;
  v.not_after = std::chrono::hours(24) * n;
  return v;
}

validity validity::expired() {
  validity v;
  v.not_before = -std::chrono::hours(24) * 30;
  v.not_after = -std::chrono::hours(24);
  return v;
}

std::string file_stem(std::string_view name) {
  std::string out(name);
  for (char& c : out) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                      c == '_' || c == '-';
    if (!keep) c = '_';
  }
  if (out.empty() || out == "." || out == "..") out = "unnamed";
  return out;
}

ca create_ca(const std::filesystem::path& dir, std::string_view name, const ca_options& options) {
  ensure_dir(dir);
  const auto key = detail::generate_key(options.key);
  detail::subject_fields subject{options.country, options.organization, std::string(name), {}};
  const auto cert = detail::new_certificate(key.get(), subject, options.valid);

  // Self-signed: the certificate is its own issuer. SKI must exist before AKI can copy it.
  detail::add_extension(cert.get(), cert.get(), NID_basic_constraints, "critical,CA:TRUE");
  detail::add_extension(cert.get(), cert.get(), NID_key_usage, "critical,keyCertSign,cRLSign");
  detail::add_extension(cert.get(), cert.get(), NID_subject_key_identifier, "hash");
  detail::add_extension(cert.get(), cert.get(), NID_authority_key_identifier, "keyid:always");
  detail::sign(cert.get(), cert.get(), key.get());

  const std::string stem = file_stem(name);
  ca out{std::string(name), dir / (stem + ".crt"), dir / (stem + ".key")};
  detail::write_private_key(out.key_file, key.get());
  detail::write_certificate(out.cert_file, cert.get());
  return out;
}

issued issue(const std::filesystem::path& dir, const ca& issuer, cert_kind kind, std::string_view name,
             const issue_options& options) {
  ensure_dir(dir);
  const auto ca_cert = detail::read_certificate(issuer.cert_file);
  const auto ca_key = detail::read_private_key(issuer.key_file);

  const auto key = detail::generate_key(options.key);
  detail::subject_fields subject{options.country, options.organization, std::string(name), options.hsa_id};
  const auto cert = detail::new_certificate(key.get(), subject, options.valid);

  X509* const signer = ca_cert.get();
  detail::add_extension(cert.get(), signer, NID_basic_constraints, "critical,CA:FALSE");
  detail::add_extension(cert.get(), signer, NID_key_usage, leaf_key_usage(options.key));
  detail::add_extension(cert.get(), signer, NID_ext_key_usage,
                        kind == cert_kind::server ? "serverAuth" : "clientAuth");
  detail::add_extension(cert.get(), signer, NID_subject_key_identifier, "hash");
  detail::add_extension(cert.get(), signer, NID_authority_key_identifier, "keyid:always");

  std::string san = detail::subject_alt_names(options.dns_names, options.ip_addresses);
  if (san.empty() && kind == cert_kind::server) san = "DNS:" + std::string(name);
  if (!san.empty()) detail::add_extension(cert.get(), signer, NID_subject_alt_name, san);

  detail::sign(cert.get(), signer, ca_key.get());

  const std::string stem = file_stem(name);
  issued out{dir / (stem + ".crt"), dir / (stem + ".key"), detail::subject_rfc2253(cert.get())};
  detail::write_private_key(out.key_file, key.get());
  detail::write_certificate(out.cert_file, cert.get());
  return out;
}

}  // namespace tidnav::pki
