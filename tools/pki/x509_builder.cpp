// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/pki/x509_builder.hpp"

#include <openssl/rand.h>

#include "tools/pki/pem_io.hpp"

namespace tidnav::pki::detail {
namespace {

void add_name_entry(X509_NAME* name, int nid, const std::string& value) {
  if (value.empty()) return;
  const auto* bytes = reinterpret_cast<const unsigned char*>(value.data());
  if (X509_NAME_add_entry_by_NID(name, nid, MBSTRING_UTF8, bytes, static_cast<int>(value.size()), -1, 0) != 1)
    fail("subject attribute " + std::string(OBJ_nid2sn(nid)) + "=" + value);
}

}  // namespace

evp_pkey_ptr generate_key(key_algorithm algorithm) {
  // EVP_PKEY_Q_keygen is the OpenSSL 3 one-call keygen; no deprecated RSA_*/EC_KEY_* calls.
  EVP_PKEY* key = algorithm == key_algorithm::rsa_2048
                      ? EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(2048))
                      : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
  if (key == nullptr) fail("generate key");
  return evp_pkey_ptr(key);
}

x509_ptr new_certificate(EVP_PKEY* key, const subject_fields& subject, const validity& valid) {
  x509_ptr cert(X509_new());
  if (!cert) fail("X509_new");
  if (X509_set_version(cert.get(), X509_VERSION_3) != 1) fail("set version");

  // Random serials so that re-generated certificates never collide in a peer's session
  // cache or CRL; 127 bits keeps the DER INTEGER positive without padding.
  bignum_ptr serial(BN_new());
  if (!serial || BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1 ||
      BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())) == nullptr)
    fail("serial number");

  if (X509_gmtime_adj(X509_getm_notBefore(cert.get()), static_cast<long>(valid.not_before.count())) == nullptr ||
      X509_gmtime_adj(X509_getm_notAfter(cert.get()), static_cast<long>(valid.not_after.count())) == nullptr)
    fail("validity");

  if (X509_set_pubkey(cert.get(), key) != 1) fail("set public key");

  // Attribute order C, O, CN, serialNumber gives "/C=SE/O=Test/CN=tidnav 1177/serialNumber=SE..."
  // in one-line form, the layout SITHS-style consumer certificates use.
  X509_NAME* name = X509_get_subject_name(cert.get());
  add_name_entry(name, NID_countryName, subject.country);
  add_name_entry(name, NID_organizationName, subject.organization);
  add_name_entry(name, NID_commonName, subject.common_name);
  add_name_entry(name, NID_serialNumber, subject.serial_number);
  return cert;
}

void add_extension(X509* cert, X509* issuer, int nid, const std::string& value) {
  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  x509_ext_ptr ext(X509V3_EXT_nconf_nid(nullptr, &ctx, nid, value.c_str()));
  if (!ext) fail("extension " + std::string(OBJ_nid2sn(nid)) + "=" + value);
  if (X509_add_ext(cert, ext.get(), -1) != 1) fail("add extension");
}

void sign(X509* cert, X509* issuer, EVP_PKEY* issuer_key) {
  if (X509_set_issuer_name(cert, X509_get_subject_name(issuer)) != 1) fail("set issuer");
  if (X509_sign(cert, issuer_key, EVP_sha256()) == 0) fail("sign certificate");
}

std::string subject_alt_names(const std::vector<std::string>& dns, const std::vector<std::string>& ips) {
  std::string out;
  const auto append = [&out](std::string_view kind, const std::string& v) {
    if (!out.empty()) out += ',';
    out += kind;
    out += v;
  };
  for (const auto& d : dns) append("DNS:", d);
  for (const auto& ip : ips) append("IP:", ip);  // "IP:::1" parses: split is at the first ':'
  return out;
}

std::string subject_rfc2253(X509* cert) {
  bio_ptr mem(BIO_new(BIO_s_mem()));
  if (!mem || X509_NAME_print_ex(mem.get(), X509_get_subject_name(cert), 0, XN_FLAG_RFC2253) < 0)
    fail("print subject");
  char* p = nullptr;
  const long len = BIO_get_mem_data(mem.get(), &p);
  return std::string(p, static_cast<std::size_t>(len));
}

}  // namespace tidnav::pki::detail
