// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// CIDR allow-lists for the internal-caller check (the plain-HTTP listener).
// The platform matches string prefixes ("10." allows 10.x.x.x); we match real
// prefixes, for IPv4 and IPv6. As on the platform, an empty list allows nobody.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hub/core/result.hpp"

namespace tidnav::core {

/// An address as 16 bytes; IPv4 is kept in IPv4-mapped form (::ffff:a.b.c.d)
/// so v4 rules also match v4-mapped peers of a dual-stack socket.
struct ip_address {
  std::array<std::uint8_t, 16> bytes{};
  bool v4 = false;

  friend bool operator==(const ip_address&, const ip_address&) = default;
};

/// Parses dotted-quad IPv4 (no leading zeros) or IPv6 (with "::" and an
/// optional trailing dotted quad). Accepts "[v6]" brackets and drops a
/// "%zone" suffix. nullopt for anything else.
std::optional<ip_address> parse_ip_address(std::string_view text) noexcept;

struct cidr_block {
  ip_address network;
  unsigned prefix_length = 0;  ///< in the address family's own bits (0..32 or 0..128)

  bool contains(const ip_address& a) const noexcept;
};

/// "10.0.0.0/8", "::1/128", or a bare address (a host route). Host bits set
/// below the prefix ("10.0.0.1/8") are an error: it is almost always a typo.
result<cidr_block, std::string> parse_cidr(std::string_view text);

class cidr_list {
 public:
  cidr_list() = default;
  explicit cidr_list(std::vector<cidr_block> blocks) : blocks_(std::move(blocks)) {}

  /// Parses every entry; all bad entries are reported at once.
  static result<cidr_list, std::vector<std::string>> parse(const std::vector<std::string>& entries);

  bool contains(const ip_address& a) const noexcept;
  /// False for an unparsable address.
  bool contains(std::string_view address) const noexcept;
  bool empty() const noexcept { return blocks_.empty(); }
  const std::vector<cidr_block>& blocks() const noexcept { return blocks_; }

 private:
  std::vector<cidr_block> blocks_;
};

}  // namespace tidnav::core
