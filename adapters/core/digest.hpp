// SPDX-License-Identifier: GPL-2.0-or-later
// SHA-1 (UUID v5 names) and SHA-256 (idempotency keys) through OpenSSL's EVP
// interface; the SHA1_* functions are deprecated in OpenSSL 3.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace tidnav::adapters {

std::array<std::uint8_t, 20> sha1(std::string_view data);
std::array<std::uint8_t, 32> sha256(std::string_view data);
std::string to_hex(const std::uint8_t* data, std::size_t size);

}  // namespace tidnav::adapters
