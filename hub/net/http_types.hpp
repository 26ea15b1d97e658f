// SPDX-License-Identifier: GPL-2.0-or-later
// Plain HTTP value types shared by the server and client APIs (no Beast types leak out).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tidnav::net {

// One header line. Names keep the spelling seen on the wire; compare them with iequals().
struct header_field {
  std::string name;
  std::string value;
};

// In wire order; repeated names stay repeated.
using header_list = std::vector<header_field>;

// ASCII case-insensitive comparison, as HTTP field names require.
bool iequals(std::string_view a, std::string_view b) noexcept;

// First value for `name`, or nullptr.
const std::string* find_header(const header_list& headers, std::string_view name) noexcept;

// True for fields that describe one hop (Connection, Keep-Alive, Transfer-Encoding,
// Content-Length, TE, Trailer, Upgrade, Proxy-Connection). The session and client set
// these themselves, so user-supplied values are ignored.
bool is_framing_header(std::string_view name) noexcept;

}  // namespace tidnav::net
