// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/sandbox/operator_token.hpp"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tidnav::sandbox {
namespace {

std::string base64url(const unsigned char* data, std::size_t n) {
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  unsigned bits = 0;
  int have = 0;
  for (std::size_t i = 0; i < n; ++i) {
    bits = (bits << 8) | data[i];
    have += 8;
    while (have >= 6) {
      have -= 6;
      out += alphabet[(bits >> have) & 0x3F];
    }
  }
  if (have > 0) out += alphabet[(bits << (6 - have)) & 0x3F];
  return out;
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

std::string ensure_operator_token(const std::filesystem::path& file) {
  std::filesystem::create_directories(file.parent_path());
  if (std::filesystem::exists(file)) {
    // Whoever can read the token can read any citizen's calendar: owner only.
    if (::chmod(file.c_str(), 0600) != 0) {
      throw std::runtime_error("cannot set 0600 on " + file.string() + ": " + std::strerror(errno));
    }
    std::ifstream in(file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string token = trimmed(ss.str());
    if (token.size() >= 32) return token;
    throw std::runtime_error(file.string() + " holds no usable operator token (delete it for a new one)");
  }
  std::array<unsigned char, 32> raw{};
  if (RAND_bytes(raw.data(), static_cast<int>(raw.size())) != 1) {
    throw std::runtime_error("no random bytes for the operator token");
  }
  const std::string token = base64url(raw.data(), raw.size());
  // Created 0600 from the start (O_EXCL): the token is never readable by others, not even briefly.
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("cannot create " + file.string() + ": " + std::strerror(errno));
  const std::string text = token + "\n";
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  if (!written) throw std::runtime_error("cannot write " + file.string());
  return token;
}

std::string token_sha256(const std::string& token) {
  std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
  unsigned int n = 0;
  if (EVP_Digest(token.data(), token.size(), digest.data(), &n, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 failed");
  }
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < n; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 0xF];
  }
  return out;
}

}  // namespace tidnav::sandbox
