// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/net/peer_identity.hpp"

#include <memory>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace tidnav::net {
namespace {

struct bio_free {
  void operator()(BIO* b) const noexcept { BIO_free_all(b); }
};
struct x509_free {
  void operator()(X509* x) const noexcept { X509_free(x); }
};
using bio_ptr = std::unique_ptr<BIO, bio_free>;
using x509_ptr = std::unique_ptr<X509, x509_free>;

std::string bio_string(BIO* bio) {
  char* p = nullptr;
  const long len = BIO_get_mem_data(bio, &p);
  return len > 0 ? std::string(p, static_cast<std::size_t>(len)) : std::string();
}

// Proxies forward bare base64 (Traefik) or PEM with its line breaks replaced by spaces;
// rebuild a PEM that OpenSSL accepts.
std::string to_pem(std::string_view in) {
  constexpr std::string_view begin = "-----BEGIN CERTIFICATE-----";
  constexpr std::string_view end = "-----END CERTIFICATE-----";
  if (const auto b = in.find(begin); b != std::string_view::npos) {
    const auto e = in.find(end, b);
    if (e == std::string_view::npos) return {};
    in = in.substr(b + begin.size(), e - b - begin.size());
  } else if (const auto comma = in.find(','); comma != std::string_view::npos) {
    in = in.substr(0, comma);
  }
  std::string body;
  body.reserve(in.size());
  for (const char c : in)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') body += c;
  if (body.empty()) return {};
  std::string pem(begin);
  pem += '\n';
  for (std::size_t i = 0; i < body.size(); i += 64) {
    pem.append(body, i, 64);
    pem += '\n';
  }
  pem += end;
  pem += '\n';
  return pem;
}

}  // namespace

peer_identity peer_identity_from_x509(const x509_st* cert_in) {
  peer_identity id;
  if (cert_in == nullptr) return id;
  // OpenSSL's getters are not const-correct for X509*; nothing below mutates it.
  X509* cert = const_cast<X509*>(cert_in);
  const X509_NAME* name = X509_get_subject_name(cert);

  if (bio_ptr mem(BIO_new(BIO_s_mem())); mem && X509_NAME_print_ex(mem.get(), name, 0, XN_FLAG_RFC2253) >= 0)
    id.subject = bio_string(mem.get());

  for (int pos = X509_NAME_get_index_by_NID(name, NID_serialNumber, -1); pos >= 0;
       pos = X509_NAME_get_index_by_NID(name, NID_serialNumber, pos)) {
    const ASN1_STRING* value = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, pos));
    unsigned char* utf8 = nullptr;
    const int len = ASN1_STRING_to_UTF8(&utf8, value);
    if (len >= 0) id.serial_numbers.emplace_back(reinterpret_cast<char*>(utf8), static_cast<std::size_t>(len));
    OPENSSL_free(utf8);
  }

  if (bio_ptr mem(BIO_new(BIO_s_mem())); mem && PEM_write_bio_X509(mem.get(), cert) == 1)
    id.cert_pem = bio_string(mem.get());
  return id;
}

std::optional<peer_identity> peer_identity_from_pem(std::string_view pem_or_base64) {
  const std::string pem = to_pem(pem_or_base64);
  if (pem.empty()) return std::nullopt;
  bio_ptr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) return std::nullopt;
  const x509_ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
  if (!cert) {
    // Leave no stale entries in this thread's error queue: Asio's SSL code reads it.
    ERR_clear_error();
    return std::nullopt;
  }
  return peer_identity_from_x509(cert.get());
}

}  // namespace tidnav::net
