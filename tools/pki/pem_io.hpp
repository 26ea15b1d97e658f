// SPDX-License-Identifier: GPL-2.0-or-later
// PEM reading/writing with the file modes a private key needs (internal to tools/pki).
#pragma once

#include <filesystem>
#include <string>

#include "tools/pki/ossl_ptr.hpp"

namespace tidnav::pki::detail {

// Throws pki_error("<what>: <openssl errors>").
[[noreturn]] void fail(const std::string& what);

void write_certificate(const std::filesystem::path& file, X509* cert);
// Unencrypted PKCS#8; the file is created 0600 before any byte is written.
void write_private_key(const std::filesystem::path& file, EVP_PKEY* key);

x509_ptr read_certificate(const std::filesystem::path& file);
evp_pkey_ptr read_private_key(const std::filesystem::path& file);

}  // namespace tidnav::pki::detail
