// SPDX-License-Identifier: GPL-2.0-or-later
// Personnummer and samordningsnummer in the contracts' 12-digit form
// YYYYMMDDNNNC. Checked in code because the schema pattern cannot check a
// calendar date or the check digit (and the published 1.x pattern is broken).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tidnav::adapters {

enum class person_number_kind { personnummer, samordningsnummer };

// OIDs used for PersonIdType.root and IIType.root in scheduling 2.0.
inline constexpr std::string_view personnummer_oid = "1.2.752.129.2.1.3.1";
inline constexpr std::string_view samordningsnummer_oid = "1.2.752.129.2.1.3.3";

enum class person_number_problem {
  wrong_length,     // not 12 characters
  not_digits,       // includes reserve numbers (a letter at position 9): not supported
  no_such_date,     // birth date (day - 60 for samordningsnummer) is not a calendar date
  bad_check_digit,  // Luhn over the last ten digits fails
};

struct person_number_check {
  std::optional<person_number_kind> kind;  // set when valid
  person_number_problem problem{};         // why not, when kind is empty
  explicit operator bool() const { return kind.has_value(); }
};

// Luhn (mod 10) over a digit string, rightmost digit being the check digit.
bool luhn_valid(std::string_view digits);

person_number_check check_person_number(std::string_view number);

std::string_view to_string(person_number_problem p);
std::string_view oid_of(person_number_kind kind);
std::optional<person_number_kind> kind_of_oid(std::string_view oid);

}  // namespace tidnav::adapters
