// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/bridge/lenient.hpp"

#include <chrono>

namespace tidnav::adapters::bridge {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// A ten-digit number's century: the latest one that does not put the birth
// date in the future ("+" marks people over 100, one century further back).
std::string with_century(std::string_view ten, bool over_hundred) {
  const auto today = std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  const int year_now = static_cast<int>(today.year());
  const int yy = (ten[0] - '0') * 10 + (ten[1] - '0');
  int year = (year_now / 100) * 100 + yy;
  if (year > year_now) year -= 100;
  if (over_hundred) year -= 100;
  return std::to_string(year / 100) + std::string(ten);
}

}  // namespace

bool is_hsa_id(std::string_view text) {
  // SE + organisation number (10-12 digits) + "-" + an object id of letters and digits.
  if (text.size() < 5 || (text[0] != 'S' && text[0] != 's') || (text[1] != 'E' && text[1] != 'e')) return false;
  const auto dash = text.find('-');
  if (dash == std::string_view::npos || dash + 1 >= text.size()) return false;
  const auto org = text.substr(2, dash - 2);
  if (org.size() < 10 || org.size() > 12 || !all_digits(org)) return false;
  for (char c : text.substr(dash + 1)) {
    const bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!ok) return false;
  }
  return true;
}

std::string lenient_reader::where(std::string_view element) const {
  return std::string(contract_) + "/" + std::string(element);
}

std::optional<std::string> lenient_reader::text(const std::string* value, std::string_view element) {
  if (!value) return std::nullopt;
  if (trimmed(*value).empty()) {
    counter_.note(violation::empty_element, where(element), *value);
    return std::nullopt;
  }
  return *value;
}

std::optional<lenient_reader::time_point> lenient_reader::timestamp(const std::string* value, std::string_view element) {
  auto raw = text(value, element);
  if (!raw) return std::nullopt;
  std::string ts(trimmed(*raw));
  if (ts.size() == 12 && all_digits(ts)) {
    counter_.note(violation::timestamp_12_digits, where(element), ts);
    ts += "00";
  }
  const auto at = ts.size() == 14 && all_digits(ts) ? ts_to_instant(ts) : std::nullopt;
  if (!at) {
    counter_.note(violation::timestamp_unreadable, where(element), *raw);
    return std::nullopt;
  }
  return time_point{ts, *at};
}

std::optional<std::string> lenient_reader::performer(const std::string* value, std::string_view element) {
  auto raw = text(value, element);
  if (!raw) return std::nullopt;
  const std::string id(trimmed(*raw));
  if (!is_hsa_id(id)) {
    counter_.note(violation::performer_not_hsa_id, where(element), id);
    return std::nullopt;
  }
  return id;
}

std::optional<person_id> lenient_reader::person(const std::string* value, const std::optional<person_id>& expected,
                                                std::string_view element) {
  auto raw = text(value, element);
  if (!raw) {
    if (!value) missing(element);
    return expected;
  }
  std::string_view s = trimmed(*raw);
  bool repaired = false;
  if (s.size() >= 2 && s.front() == '^' && s.back() == '$') {  // the schema's anchors taken literally
    s = s.substr(1, s.size() - 2);
    repaired = true;
  }
  std::string digits;
  bool plus = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if ((c == '-' || c == '+') && (s.size() - i) == 5) {  // YYMMDD-NNNN / YYYYMMDD-NNNN
      plus = c == '+';
      repaired = true;
      continue;
    }
    digits += c;
  }
  if (digits.size() == 10 && all_digits(digits)) {
    repaired = true;
    if (expected && expected->number.size() == 12 && expected->number.substr(2) == digits) {
      digits = expected->number;
    } else {
      digits = with_century(digits, plus);
    }
  }
  const auto check = check_person_number(digits);
  if (!check) {
    counter_.note(violation::person_number_unreadable, where(element), *raw);
    return expected;
  }
  if (repaired) counter_.note(violation::person_number_pattern, where(element), *raw);
  return person_id{*check.kind, digits};
}

}  // namespace tidnav::adapters::bridge
