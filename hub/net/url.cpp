// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/net/url.hpp"

#include <arpa/inet.h>

#include <charconv>

#include "hub/net/http_types.hpp"

namespace tidnav::net {
namespace {

bool is_ip_literal(const std::string& host) {
  unsigned char buf[16];
  return inet_pton(AF_INET, host.c_str(), buf) == 1 || inet_pton(AF_INET6, host.c_str(), buf) == 1;
}

bool valid_hostname(std::string_view h) {
  if (h.empty() || h.size() > 253) return false;
  for (const char c : h) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                    c == '.' || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::string url_parts::host_header() const {
  std::string out = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  if (!default_port) out += ":" + std::to_string(port);
  return out;
}

std::optional<url_parts> parse_url(std::string_view url) {
  url_parts u;
  const auto sep = url.find("://");
  if (sep == std::string_view::npos) return std::nullopt;
  const std::string_view scheme = url.substr(0, sep);
  if (iequals(scheme, "http")) {
    u.scheme = "http";
  } else if (iequals(scheme, "https")) {
    u.scheme = "https";
    u.tls = true;
  } else {
    return std::nullopt;
  }
  std::string_view rest = url.substr(sep + 3);
  if (const auto hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);

  const auto path_start = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, path_start);
  if (path_start == std::string_view::npos || rest[path_start] == '?')
    u.target = "/" + std::string(path_start == std::string_view::npos ? "" : rest.substr(path_start));
  else
    u.target = std::string(rest.substr(path_start));
  if (authority.find('@') != std::string_view::npos) return std::nullopt;  // credentials in URLs leak into logs

  std::string_view port_text;
  if (!authority.empty() && authority.front() == '[') {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    u.host = std::string(authority.substr(1, close - 1));
    const std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return std::nullopt;
      port_text = after.substr(1);
    }
    if (!is_ip_literal(u.host) || u.host.find(':') == std::string::npos) return std::nullopt;
    u.host_is_ip = true;
  } else {
    const auto colon = authority.rfind(':');
    u.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) port_text = authority.substr(colon + 1);
    if (!valid_hostname(u.host)) return std::nullopt;
    u.host_is_ip = is_ip_literal(u.host);
  }

  u.port = u.tls ? 443 : 80;
  if (!port_text.empty()) {
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), value);
    if (ec != std::errc{} || end != port_text.data() + port_text.size() || value == 0 || value > 65535)
      return std::nullopt;
    u.port = static_cast<std::uint16_t>(value);
    u.default_port = u.port == (u.tls ? 443 : 80);
  }
  return u;
}

}  // namespace tidnav::net
