// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/core/digest.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace tidnav::adapters {
namespace {

template <std::size_t N>
std::array<std::uint8_t, N> digest(const EVP_MD* md, std::string_view data) {
  std::array<std::uint8_t, N> out{};
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), out.data(), &size, md, nullptr) != 1 || size != N) {
    throw std::runtime_error("OpenSSL digest failed");  // only when OpenSSL itself is broken
  }
  return out;
}

}  // namespace

std::array<std::uint8_t, 20> sha1(std::string_view data) { return digest<20>(EVP_sha1(), data); }

std::array<std::uint8_t, 32> sha256(std::string_view data) { return digest<32>(EVP_sha256(), data); }

std::string to_hex(const std::uint8_t* data, std::size_t size) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    out += digits[data[i] >> 4];
    out += digits[data[i] & 0x0f];
  }
  return out;
}

}  // namespace tidnav::adapters
