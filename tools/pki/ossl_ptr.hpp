// SPDX-License-Identifier: GPL-2.0-or-later
// RAII owners for the OpenSSL objects the PKI code creates (internal to tools/pki).
#pragma once

#include <memory>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace tidnav::pki::detail {

template <auto free_fn>
struct ossl_free {
  template <class T>
  void operator()(T* p) const noexcept { free_fn(p); }
};

using evp_pkey_ptr = std::unique_ptr<EVP_PKEY, ossl_free<EVP_PKEY_free>>;
using x509_ptr = std::unique_ptr<X509, ossl_free<X509_free>>;
using x509_ext_ptr = std::unique_ptr<X509_EXTENSION, ossl_free<X509_EXTENSION_free>>;
using bio_ptr = std::unique_ptr<BIO, ossl_free<BIO_free_all>>;
using bignum_ptr = std::unique_ptr<BIGNUM, ossl_free<BN_free>>;

}  // namespace tidnav::pki::detail
