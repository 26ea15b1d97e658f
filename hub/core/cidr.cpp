// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/cidr.hpp"

#include <charconv>

namespace tidnav::core {
namespace {

bool parse_v4(std::string_view s, std::uint8_t out[4]) noexcept {
  for (int part = 0; part < 4; ++part) {
    if (part > 0) {
      if (s.empty() || s.front() != '.') return false;
      s.remove_prefix(1);
    }
    std::size_t n = 0;
    while (n < s.size() && n < 4 && s[n] >= '0' && s[n] <= '9') ++n;
    // Leading zeros are refused: some parsers read them as octal.
    if (n == 0 || n > 3 || (n > 1 && s[0] == '0')) return false;
    unsigned v = 0;
    for (std::size_t i = 0; i < n; ++i) v = v * 10 + static_cast<unsigned>(s[i] - '0');
    if (v > 255) return false;
    out[part] = static_cast<std::uint8_t>(v);
    s.remove_prefix(n);
  }
  return s.empty();
}

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool parse_v6(std::string_view s, std::array<std::uint8_t, 16>& out) noexcept {
  std::array<std::uint16_t, 8> head{}, tail{};
  int nhead = 0, ntail = 0;
  bool compressed = false;
  if (s.substr(0, 2) == "::") {
    compressed = true;
    s.remove_prefix(2);
  } else if (!s.empty() && s.front() == ':') {
    return false;
  }
  while (!s.empty()) {
    const int used = nhead + ntail;
    // A trailing dotted quad fills the last 32 bits.
    if (s.find('.') != std::string_view::npos && s.find(':') == std::string_view::npos) {
      std::uint8_t q[4];
      if (used > 6 || !parse_v4(s, q)) return false;
      auto& arr = compressed ? tail : head;
      int& n = compressed ? ntail : nhead;
      arr[static_cast<std::size_t>(n++)] = static_cast<std::uint16_t>(q[0] << 8 | q[1]);
      arr[static_cast<std::size_t>(n++)] = static_cast<std::uint16_t>(q[2] << 8 | q[3]);
      s = {};
      break;
    }
    std::size_t n = 0;
    unsigned v = 0;
    while (n < s.size() && n < 5 && hex_value(s[n]) >= 0) v = v * 16 + static_cast<unsigned>(hex_value(s[n++]));
    if (n == 0 || n > 4 || used >= 8) return false;
    (compressed ? tail : head)[static_cast<std::size_t>(compressed ? ntail++ : nhead++)] = static_cast<std::uint16_t>(v);
    s.remove_prefix(n);
    if (s.empty()) break;
    if (s.front() != ':') return false;
    s.remove_prefix(1);
    if (!s.empty() && s.front() == ':') {
      if (compressed) return false;  // only one "::"
      compressed = true;
      s.remove_prefix(1);
    } else if (s.empty()) {
      return false;  // trailing single ':'
    }
  }
  const int total = nhead + ntail;
  if (compressed ? total > 7 : total != 8) return false;
  std::array<std::uint16_t, 8> words{};
  for (int i = 0; i < nhead; ++i) words[static_cast<std::size_t>(i)] = head[static_cast<std::size_t>(i)];
  for (int i = 0; i < ntail; ++i) words[static_cast<std::size_t>(8 - ntail + i)] = tail[static_cast<std::size_t>(i)];
  for (std::size_t i = 0; i < 8; ++i) {
    out[2 * i] = static_cast<std::uint8_t>(words[i] >> 8);
    out[2 * i + 1] = static_cast<std::uint8_t>(words[i] & 0xFF);
  }
  return true;
}

bool is_v4_mapped(const std::array<std::uint8_t, 16>& b) noexcept {
  for (std::size_t i = 0; i < 10; ++i) {
    if (b[i] != 0) return false;
  }
  return b[10] == 0xFF && b[11] == 0xFF;
}

// Whether the first `bits` bits of a and b agree.
bool same_prefix(const std::array<std::uint8_t, 16>& a, const std::array<std::uint8_t, 16>& b, unsigned bits) noexcept {
  std::size_t i = 0;
  for (; bits >= 8; bits -= 8, ++i) {
    if (a[i] != b[i]) return false;
  }
  if (bits == 0) return true;
  const auto mask = static_cast<std::uint8_t>(0xFF << (8 - bits));
  return (a[i] & mask) == (b[i] & mask);
}

}  // namespace

std::optional<ip_address> parse_ip_address(std::string_view text) noexcept {
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
  if (const auto pct = text.find('%'); pct != std::string_view::npos) text = text.substr(0, pct);
  ip_address a;
  if (text.find(':') == std::string_view::npos) {
    std::uint8_t q[4];
    if (!parse_v4(text, q)) return std::nullopt;
    a.bytes[10] = a.bytes[11] = 0xFF;
    for (std::size_t i = 0; i < 4; ++i) a.bytes[12 + i] = q[i];
    a.v4 = true;
    return a;
  }
  if (!parse_v6(text, a.bytes)) return std::nullopt;
  a.v4 = false;
  return a;
}

bool cidr_block::contains(const ip_address& a) const noexcept {
  if (network.v4) {
    // v4 rules also cover v4-mapped IPv6 peers.
    if (!a.v4 && !is_v4_mapped(a.bytes)) return false;
    return same_prefix(network.bytes, a.bytes, 96 + prefix_length);
  }
  return same_prefix(network.bytes, a.bytes, prefix_length);
}

result<cidr_block, std::string> parse_cidr(std::string_view text) {
  const std::string original(text);
  std::string_view addr = text;
  std::optional<unsigned> length;
  if (const auto slash = text.find('/'); slash != std::string_view::npos) {
    addr = text.substr(0, slash);
    const std::string_view len = text.substr(slash + 1);
    unsigned v = 0;
    const auto [ptr, ec] = std::from_chars(len.data(), len.data() + len.size(), v);
    if (len.empty() || ec != std::errc{} || ptr != len.data() + len.size() || (len.size() > 1 && len[0] == '0')) {
      return fail("'" + original + "': bad prefix length");
    }
    length = v;
  }
  if (addr.find('%') != std::string_view::npos) return fail("'" + original + "': zone ids are not allowed");
  const auto ip = parse_ip_address(addr);
  if (!ip) return fail("'" + original + "': not an IPv4 or IPv6 address");
  const unsigned max = ip->v4 ? 32 : 128;
  if (length && *length > max) return fail("'" + original + "': prefix length above " + std::to_string(max));
  cidr_block b{*ip, length.value_or(max)};
  // The network must have no bits set below the prefix.
  const unsigned offset = ip->v4 ? 96 : 0;
  for (unsigned bit = offset + b.prefix_length; bit < 128; ++bit) {
    if (ip->bytes[bit / 8] & (0x80 >> (bit % 8))) return fail("'" + original + "': host bits set below the prefix");
  }
  return b;
}

result<cidr_list, std::vector<std::string>> cidr_list::parse(const std::vector<std::string>& entries) {
  std::vector<cidr_block> blocks;
  std::vector<std::string> errors;
  for (const auto& e : entries) {
    auto b = parse_cidr(e);
    if (b) blocks.push_back(*b);
    else errors.push_back(b.error());
  }
  if (!errors.empty()) return fail(std::move(errors));
  return cidr_list(std::move(blocks));
}

bool cidr_list::contains(const ip_address& a) const noexcept {
  for (const auto& b : blocks_) {
    if (b.contains(a)) return true;
  }
  return false;
}

bool cidr_list::contains(std::string_view address) const noexcept {
  const auto a = parse_ip_address(address);
  return a && contains(*a);
}

}  // namespace tidnav::core
