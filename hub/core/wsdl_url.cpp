// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/wsdl_url.hpp"

#include <vector>

#include "hub/core/hsa_id.hpp"

namespace tidnav::core {
namespace {

bool icontains(std::string_view haystack, std::string_view needle) noexcept {
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    if (iequals(haystack.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_unreserved(unsigned char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

}  // namespace

std::optional<std::string> wsdl_path_for_namespace(std::string_view target_namespace) {
  if (!icontains(target_namespace, "rivtabp")) return std::nullopt;
  std::vector<std::string_view> segments;
  for (std::size_t start = 0;;) {
    const auto colon = target_namespace.find(':', start);
    segments.push_back(target_namespace.substr(start, colon == std::string_view::npos ? colon : colon - start));
    if (colon == std::string_view::npos) break;
    start = colon + 1;
  }
  // urn : riv : domain : subdomain... : Service : version : profile
  if (segments.size() < 7) return std::nullopt;
  std::string path = "vp";
  for (std::size_t i = 2; i < segments.size(); ++i) {
    if (segments[i].empty()) return std::nullopt;
    path += '/';
    path += segments[i];
  }
  return path;
}

std::optional<std::string_view> query_parameter(std::string_view query, std::string_view key) noexcept {
  if (!query.empty() && query.front() == '?') query.remove_prefix(1);
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view param = query.substr(0, amp);
    const auto eq = param.find('=');
    if (iequals(param.substr(0, eq), key)) {
      return eq == std::string_view::npos ? std::string_view{} : param.substr(eq + 1);
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return std::nullopt;
}

std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      c = ' ';
    } else if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int hi = hex_value(text[i + 1]);
      const int lo = hex_value(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      c = static_cast<char>(hi * 16 + lo);
      i += 2;
    }
    if (c == '\0') return std::nullopt;
    out += c;
  }
  return out;
}

std::string percent_encode_path(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_unreserved(c) || c == '/') {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0x0F];
    }
  }
  return out;
}

}  // namespace tidnav::core
