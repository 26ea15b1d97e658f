// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/obs/privacy.hpp"

#include <cstddef>

namespace tidnav::obs {
namespace {

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

bool is_base64(char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c) || c == '+' || c == '/' || c == '=';
}

int two_digits(std::string_view s, std::size_t at) noexcept { return (s[at] - '0') * 10 + (s[at + 1] - '0'); }

bool all_digits(std::string_view s) noexcept {
  for (const char c : s)
    if (!is_digit(c)) return false;
  return true;
}

// `date` is YYYYMMDD or YYMMDD, digits only.
bool plausible_date(std::string_view date) noexcept {
  const std::size_t m = date.size() - 4;
  const int month = two_digits(date, m);
  const int day = two_digits(date, m + 2);
  return month >= 1 && month <= 12 && ((day >= 1 && day <= 31) || (day >= 61 && day <= 91));
}

std::string_view strip_pem_armour(std::string_view v) noexcept {
  // "-----BEGIN CERTIFICATE-----" possibly URL-encoded ("-----BEGIN%20CERTIFICATE-----").
  if (const auto begin = v.find("-----BEGIN"); begin != std::string_view::npos) {
    const auto close = v.find("-----", begin + 10);
    if (close != std::string_view::npos) v.remove_prefix(close + 5);
  }
  if (const auto end = v.find("-----END"); end != std::string_view::npos) v = v.substr(0, end);
  return v;
}

}  // namespace

bool looks_like_certificate(std::string_view value) noexcept {
  if (value.find("-----BEGIN") != std::string_view::npos) return true;
  // DER starts with a SEQUENCE with a two-byte length: base64 "MII". A certificate
  // is hundreds of bytes; 64 base64 characters rules out ordinary tokens.
  if (!value.starts_with("MII") || value.size() < 64) return false;
  for (const char c : value)
    if (!is_base64(c) && c != '\n' && c != '\r') return false;
  return true;
}

std::string mask_certificate(std::string_view value) {
  const std::string_view body = strip_pem_armour(value);
  std::string b64;
  b64.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (c == '%' && i + 2 < body.size()) {
      i += 2;  // %0A, %20, %2B ...: the encoding of whitespace or '+', '/', '='; a masked form needs none
      continue;
    }
    if (is_base64(c)) b64 += c;
  }
  if (b64.size() <= 12) return "***";
  return b64.substr(0, 8) + "..." + b64.substr(b64.size() - 4);
}

bool looks_like_personnummer(std::string_view s) noexcept {
  switch (s.size()) {
    case 12:
      return all_digits(s) && plausible_date(s.substr(0, 8));
    case 13:
      return all_digits(s.substr(0, 8)) && s[8] == '-' && all_digits(s.substr(9)) && plausible_date(s.substr(0, 8));
    case 11:
      return all_digits(s.substr(0, 6)) && (s[6] == '-' || s[6] == '+') && all_digits(s.substr(7)) &&
             plausible_date(s.substr(0, 6));
    default:
      return false;
  }
}

namespace {

// Length of the personnummer starting at text[i], or 0. Only called where a
// digit run starts, so a number is never matched in the middle of a longer one.
std::size_t personnummer_at(std::string_view text, std::size_t i) noexcept {
  for (const std::size_t len : {13u, 12u, 11u}) {
    if (i + len > text.size()) continue;
    if (i + len < text.size() && is_digit(text[i + len])) continue;
    if (looks_like_personnummer(text.substr(i, len))) return len;
  }
  return 0;
}

bool starts_digit_run(std::string_view text, std::size_t i) noexcept {
  return is_digit(text[i]) && (i == 0 || !is_digit(text[i - 1]));
}

}  // namespace

bool contains_personnummer(std::string_view text) noexcept {
  // Every shape has at least 6 digits before its first non-digit.
  if (text.size() < 11) return false;
  for (std::size_t i = 0; i + 11 <= text.size(); ++i)
    if (starts_digit_run(text, i) && personnummer_at(text, i) != 0) return true;
  return false;
}

std::string redact_personal_ids(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t copied = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!starts_digit_run(text, i)) continue;
    const std::size_t len = personnummer_at(text, i);
    if (len == 0) continue;
    out.append(text.data() + copied, i - copied);
    out += "***";
    i += len - 1;
    copied = i + 1;
  }
  out.append(text.data() + copied, text.size() - copied);
  return out;
}

}  // namespace tidnav::obs
