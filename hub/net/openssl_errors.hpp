// SPDX-License-Identifier: GPL-2.0-or-later
// Drains OpenSSL's thread-local error queue into one message. Header-only and
// free of Beast/Asio, so tools/pki can use it without linking tidnav_net.
#pragma once

#include <openssl/err.h>

#include <string>

namespace tidnav::net {

inline std::string openssl_errors() {
  std::string out;
  while (const unsigned long e = ERR_get_error()) {
    char buf[256];
    ERR_error_string_n(e, buf, sizeof buf);
    if (!out.empty()) out += "; ";
    out += buf;
  }
  return out.empty() ? "no OpenSSL error reported" : out;
}

}  // namespace tidnav::net
