// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/core/person_number.hpp"

#include <chrono>

namespace tidnav::adapters {

bool luhn_valid(std::string_view digits) {
  if (digits.empty()) return false;
  int sum = 0;
  bool twice = false;  // the check digit itself is weighted 1
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (*it < '0' || *it > '9') return false;
    int d = (*it - '0') * (twice ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

person_number_check check_person_number(std::string_view number) {
  person_number_check out;
  if (number.size() != 12) {
    out.problem = person_number_problem::wrong_length;
    return out;
  }
  for (char c : number) {
    if (c < '0' || c > '9') {
      out.problem = person_number_problem::not_digits;
      return out;
    }
  }
  auto two = [&](std::size_t at) { return static_cast<unsigned>((number[at] - '0') * 10 + (number[at + 1] - '0')); };
  const int y = std::stoi(std::string(number.substr(0, 4)));
  unsigned d = two(6);
  const bool coordination = d > 60;
  if (coordination) d -= 60;
  const std::chrono::year_month_day birth{std::chrono::year{y}, std::chrono::month{two(4)}, std::chrono::day{d}};
  if (!birth.ok()) {
    out.problem = person_number_problem::no_such_date;
    return out;
  }
  if (!luhn_valid(number.substr(2))) {
    out.problem = person_number_problem::bad_check_digit;
    return out;
  }
  out.kind = coordination ? person_number_kind::samordningsnummer : person_number_kind::personnummer;
  return out;
}

std::string_view to_string(person_number_problem p) {
  switch (p) {
    case person_number_problem::wrong_length: return "not 12 characters";
    case person_number_problem::not_digits: return "not only digits (reserve numbers are not supported)";
    case person_number_problem::no_such_date: return "no such birth date";
    case person_number_problem::bad_check_digit: return "wrong check digit";
  }
  return "?";
}

std::string_view oid_of(person_number_kind kind) {
  return kind == person_number_kind::personnummer ? personnummer_oid : samordningsnummer_oid;
}

std::optional<person_number_kind> kind_of_oid(std::string_view oid) {
  if (oid == personnummer_oid) return person_number_kind::personnummer;
  if (oid == samordningsnummer_oid) return person_number_kind::samordningsnummer;
  return std::nullopt;
}

}  // namespace tidnav::adapters
