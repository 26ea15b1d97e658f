// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/net/http_types.hpp"

#include <array>

namespace tidnav::net {
namespace {

constexpr char lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

const std::string* find_header(const header_list& headers, std::string_view name) noexcept {
  for (const auto& h : headers)
    if (iequals(h.name, name)) return &h.value;
  return nullptr;
}

bool is_framing_header(std::string_view name) noexcept {
  static constexpr std::array<std::string_view, 8> framing = {
      "connection", "keep-alive", "transfer-encoding", "content-length",
      "te",         "trailer",    "upgrade",           "proxy-connection"};
  for (const auto f : framing)
    if (iequals(name, f)) return true;
  return false;
}

}  // namespace tidnav::net
