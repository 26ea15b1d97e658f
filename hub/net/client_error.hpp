// SPDX-License-Identifier: GPL-2.0-or-later
// Why a producer call failed, as std::error_code values (category "tidnav.net.client").
#pragma once

#include <system_error>

namespace tidnav::net {

enum class client_errc {
  invalid_url = 1,     // not http(s)://host[:port]/...
  resolve_failed,      // DNS
  connect_failed,      // refused / unreachable (no byte sent; retried once)
  connect_timeout,     // no TCP connection within connect_timeout (no byte sent; retried once)
  tls_failed,          // handshake or TLS alert, e.g. untrusted producer certificate
  write_failed,        // sending the request
  read_failed,         // receiving the response, incl. the producer closing mid-response
  timeout,             // the per-call deadline passed
  response_too_large,  // over response_body_limit
  bad_response,        // not parseable as HTTP/1.x
  shutting_down,       // the client is closing
};

const std::error_category& client_category() noexcept;
std::error_code make_error_code(client_errc e) noexcept;

}  // namespace tidnav::net

template <>
struct std::is_error_code_enum<tidnav::net::client_errc> : std::true_type {};
