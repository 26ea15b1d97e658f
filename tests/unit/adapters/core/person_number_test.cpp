// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/core/person_number.hpp"

#include <catch2/catch.hpp>

using namespace tidnav::adapters;

TEST_CASE("adapter-core: personnummer and samordningsnummer: 12 digits, a real date, Luhn over the last ten", "[adapters][pnr]") {
  using k = person_number_kind;
  using p = person_number_problem;
  struct row {
    const char* number;
    std::optional<k> kind;
    p problem;
  };
  const row rows[] = {
      {"191212121212", k::personnummer, {}},          // Skatteverket's test person
      {"198112189876", k::personnummer, {}},
      {"200002291235", k::personnummer, {}},          // 29 February in a leap year
      {"197010632391", k::samordningsnummer, {}},     // day 63 = 3rd + 60
      {"200001712397", k::samordningsnummer, {}},     // day 71 = 11th + 60
      {"191212121213", std::nullopt, p::bad_check_digit},
      {"197010632392", std::nullopt, p::bad_check_digit},
      {"190002291235", std::nullopt, p::no_such_date},  // 1900 was not a leap year
      {"199913011234", std::nullopt, p::no_such_date},  // month 13
      {"199901921234", std::nullopt, p::no_such_date},  // day 92 - 60 = 32
      {"19121212121", std::nullopt, p::wrong_length},
      {"19121212-1212", std::nullopt, p::wrong_length},
      {"1912121212121", std::nullopt, p::wrong_length},
      {"19121212T212", std::nullopt, p::not_digits},  // reserve number: not supported
      {"", std::nullopt, p::wrong_length},
  };
  for (const auto& r : rows) {
    INFO(r.number);
    const auto check = check_person_number(r.number);
    CHECK(check.kind == r.kind);
    if (!r.kind) CHECK(check.problem == r.problem);
  }
}

TEST_CASE("adapter-core: Luhn weighs every other digit from the right, check digit included", "[adapters][pnr]") {
  CHECK(luhn_valid("1212121212"));
  CHECK(luhn_valid("79927398713"));  // the textbook example
  CHECK_FALSE(luhn_valid("79927398710"));
  CHECK_FALSE(luhn_valid(""));
  CHECK_FALSE(luhn_valid("12a"));
}

TEST_CASE("adapter-core: the person-id OIDs name the kind of number", "[adapters][pnr]") {
  CHECK(kind_of_oid("1.2.752.129.2.1.3.1") == person_number_kind::personnummer);
  CHECK(kind_of_oid("1.2.752.129.2.1.3.3") == person_number_kind::samordningsnummer);
  CHECK_FALSE(kind_of_oid("1.2.752.129.2.1.3.2"));
  CHECK(oid_of(person_number_kind::samordningsnummer) == "1.2.752.129.2.1.3.3");
}
