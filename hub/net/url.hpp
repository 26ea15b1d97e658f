// SPDX-License-Identifier: GPL-2.0-or-later
// Parsing of producer URLs (TAK "adress" values): http(s)://host[:port][/path][?query].
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tidnav::net {

struct url_parts {
  std::string scheme;        // "http" or "https", lower case
  std::string host;          // IPv6 literals without brackets
  std::uint16_t port = 0;    // explicit, or 80/443 by scheme
  std::string target;        // path and query verbatim, "/" when empty; fragment dropped
  bool tls = false;          // scheme == "https"
  bool host_is_ip = false;   // IPv4/IPv6 literal (no DNS, no SNI)
  bool default_port = true;  // port came from the scheme

  // Host header value: the port is omitted when it is the scheme default (VP does the
  // same, see vp-routing.md §2.3); IPv6 literals are bracketed.
  std::string host_header() const;
};

// nullopt for anything but http/https, an empty or invalid host, a bad port, or userinfo.
std::optional<url_parts> parse_url(std::string_view url);

}  // namespace tidnav::net
