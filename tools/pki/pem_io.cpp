// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/pki/pem_io.hpp"

#include "hub/net/openssl_errors.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/pem.h>

#include "tools/pki/pki.hpp"

namespace tidnav::pki::detail {
namespace {

// Writes `data` to `file` with exactly `mode`. The mode is applied at open() and again
// with fchmod() so that an existing, more permissive file is tightened before the
// secret is written into it.
void write_file(const std::filesystem::path& file, const std::string& data, mode_t mode) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0) throw pki_error("open " + file.string() + ": " + std::strerror(errno));
  if (::fchmod(fd, mode) != 0) {
    const int err = errno;
    ::close(fd);
    throw pki_error("chmod " + file.string() + ": " + std::strerror(err));
  }
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      throw pki_error("write " + file.string() + ": " + std::strerror(err));
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) throw pki_error("close " + file.string() + ": " + std::strerror(errno));
}

std::string drain(BIO* bio) {
  char* p = nullptr;
  const long len = BIO_get_mem_data(bio, &p);
  return std::string(p, static_cast<std::size_t>(len));
}

bio_ptr open_for_read(const std::filesystem::path& file) {
  bio_ptr bio(BIO_new_file(file.c_str(), "r"));
  if (!bio) fail("open " + file.string());
  return bio;
}

}  // namespace

void fail(const std::string& what) { throw pki_error(what + ": " + net::openssl_errors()); }

void write_certificate(const std::filesystem::path& file, X509* cert) {
  bio_ptr mem(BIO_new(BIO_s_mem()));
  if (!mem || PEM_write_bio_X509(mem.get(), cert) != 1) fail("encode certificate");
  write_file(file, drain(mem.get()), 0644);
}

void write_private_key(const std::filesystem::path& file, EVP_PKEY* key) {
  bio_ptr mem(BIO_new(BIO_s_mem()));
  if (!mem || PEM_write_bio_PrivateKey(mem.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
    fail("encode private key");
  std::string pem = drain(mem.get());
  write_file(file, pem, 0600);
  OPENSSL_cleanse(pem.data(), pem.size());
}

x509_ptr read_certificate(const std::filesystem::path& file) {
  const bio_ptr bio = open_for_read(file);
  x509_ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
  if (!cert) fail("read certificate " + file.string());
  return cert;
}

evp_pkey_ptr read_private_key(const std::filesystem::path& file) {
  const bio_ptr bio = open_for_read(file);
  evp_pkey_ptr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  if (!key) fail("read private key " + file.string());
  return key;
}

}  // namespace tidnav::pki::detail
