// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/sender_id.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "hub/core/hsa_id.hpp"
#include "hub/core/java_regex.hpp"

namespace tidnav::core {
namespace {

int hex_digit(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<unsigned> hex_byte(std::string_view s, std::size_t i) noexcept {
  if (i + 1 >= s.size()) return std::nullopt;
  const int hi = hex_digit(s[i]), lo = hex_digit(s[i + 1]);
  if (hi < 0 || lo < 0) return std::nullopt;
  return static_cast<unsigned>(hi * 16 + lo);
}

// Splits on `sep` outside quotes and not escaped with a backslash.
std::vector<std::string_view> split_unescaped(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  bool quoted = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\') {
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == sep && !quoted) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(s.substr(start));
  return parts;
}

// "/C=SE/O=A/B/serialNumber=X" -> {"C=SE", "O=A/B", "serialNumber=X"}: a '/'
// starts a component only when an attribute name and '=' follow it.
std::vector<std::string_view> split_oneline(std::string_view s) {
  auto starts_component = [&](std::size_t slash) {
    std::size_t i = slash + 1;
    while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '.' || s[i] == '-')) ++i;
    return i > slash + 1 && i < s.size() && s[i] == '=';
  };
  std::vector<std::string_view> parts;
  std::size_t start = 1;
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (s[i] == '/' && starts_component(i)) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(s.substr(start));
  return parts;
}

// "serialNumber = X" -> "SERIALNUMBER=X"; an OID type stays as it is.
std::string normalize_ava(std::string_view ava) {
  const auto eq = ava.find('=');
  if (eq == std::string_view::npos) return std::string(trim_ascii(ava));
  std::string type(trim_ascii(ava.substr(0, eq)));
  for (char& c : type) c = ascii_upper(c);
  std::string out = type;
  out += '=';
  out.append(trim_ascii(ava.substr(eq + 1)));
  return out;
}

std::string normalize_rdn(std::string_view rdn) {
  std::string out;
  for (const auto ava : split_unescaped(rdn, '+')) {
    if (!out.empty()) out += '+';
    out += normalize_ava(ava);
  }
  return out;
}

}  // namespace

std::optional<std::string> decode_der_hex_value(std::string_view value) {
  if (value.empty() || value.front() != '#') return std::nullopt;
  const std::string_view hex = value.substr(1);
  // Tag byte, then a DER length: short form, or 0x81/0x82 + that many bytes.
  const auto len0 = hex_byte(hex, 2);
  if (!hex_byte(hex, 0) || !len0) return std::nullopt;
  std::size_t pos = 4;
  if (*len0 & 0x80u) pos += 2 * (*len0 & 0x7Fu);
  if (pos > hex.size() || (hex.size() - pos) % 2 != 0) return std::nullopt;
  std::string out;
  out.reserve((hex.size() - pos) / 2);
  for (; pos < hex.size(); pos += 2) {
    const auto b = hex_byte(hex, pos);
    if (!b) return std::nullopt;
    out += static_cast<char>(*b);
  }
  return out;
}

std::string java_style_subject(std::string_view subject) {
  subject = trim_ascii(subject);
  std::vector<std::string_view> rdns;
  bool forward_order = false;
  if (!subject.empty() && subject.front() == '/') {
    rdns = split_oneline(subject);
    forward_order = true;
  } else {
    rdns = split_unescaped(subject, ',');
    // OpenSSL's "-nameopt oneline" style ("C = SE, O = x") is in forward order.
    forward_order = subject.find(" = ") != std::string_view::npos;
  }
  if (forward_order) std::reverse(rdns.begin(), rdns.end());
  std::string out;
  for (const auto rdn : rdns) {
    if (trim_ascii(rdn).empty()) continue;
    if (!out.empty()) out += ", ";
    out += normalize_rdn(rdn);
  }
  return out;
}

result<sender_id_extractor, std::string> sender_id_extractor::create(std::string_view pattern) {
  auto re = compile_java_regex(pattern);
  if (!re) return fail(std::move(re).error());
  if (re->mark_count() < 1) return fail("sender-id pattern '" + std::string(pattern) + "' has no capture group");
  return sender_id_extractor(std::move(re).value());
}

std::optional<std::string> sender_id_extractor::extract(std::string_view subject) const {
  const std::string normalized = java_style_subject(subject);
  std::smatch m;
  if (!std::regex_search(normalized, m, re_) || !m[1].matched || m[1].length() == 0) return std::nullopt;
  std::string id = m[1].str();
  if (!id.empty() && id.front() == '#') return decode_der_hex_value(id);
  return id;
}

}  // namespace tidnav::core
