// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/core/name_uuid.hpp"

#include "adapters/core/digest.hpp"

namespace tidnav::adapters {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool dash_at(std::size_t i) { return i == 8 || i == 13 || i == 18 || i == 23; }

}  // namespace

std::optional<uuid_bytes> parse_uuid(std::string_view text) {
  if (text.size() != 36) return std::nullopt;
  uuid_bytes out{};
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (dash_at(i)) {
      if (text[i] != '-') return std::nullopt;
      continue;
    }
    const int v = hex_value(text[i]);
    if (v < 0) return std::nullopt;
    out[n / 2] = static_cast<std::uint8_t>(n % 2 == 0 ? v << 4 : out[n / 2] | v);
    ++n;
  }
  return out;
}

bool is_uuid(std::string_view text) { return parse_uuid(text).has_value(); }

std::string format_uuid(const uuid_bytes& id) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < id.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += digits[id[i] >> 4];
    out += digits[id[i] & 0x0f];
  }
  return out;
}

uuid_bytes uuid_v5(const uuid_bytes& name_space, std::string_view name) {
  std::string input(name_space.begin(), name_space.end());
  input += name;
  const auto digest = sha1(input);
  uuid_bytes out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = digest[i];
  out[6] = static_cast<std::uint8_t>((out[6] & 0x0f) | 0x50);  // version 5
  out[8] = static_cast<std::uint8_t>((out[8] & 0x3f) | 0x80);  // RFC 4122 variant
  return out;
}

std::string contract_id(native_id_kind kind, std::string_view native_unit, std::string_view native_id) {
  if (const auto already = parse_uuid(native_id)) return format_uuid(*already);
  static const uuid_bytes ns = *parse_uuid(tidnav_id_namespace);
  std::string name(kind == native_id_kind::appointment ? "appointment" : "timeslot");
  name += '\0';
  name += native_unit;
  name += '\0';
  name += native_id;
  return format_uuid(uuid_v5(ns, name));
}

}  // namespace tidnav::adapters
