// SPDX-License-Identifier: GPL-2.0-or-later
// The Millennium and Cosmic error tables are tested the same way: rows of
// (call kind, HTTP status, body) and the booking_error each must become.
#pragma once

#include "adapters/core/booking_error.hpp"
#include "tests/unit/adapters/fhir/fake_fhir_transport.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace tidnav::adapters::fhir::test {

// An OperationOutcome with one error issue of `code`.
inline std::string outcome(const std::string& code) {
  return R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":")" + code + R"("}]})";
}

template <class Kind>
struct error_row {
  Kind kind;
  int status;
  std::string body;
  bool business;
  int code;  // business_code or technical_code as int
};

// Each row through the system's `classify(kind, response)`: business or
// technical as the row says, with its code, and the status named in the detail.
template <class Kind, class Classify>
void check_error_rows(const std::vector<error_row<Kind>>& rows, Classify classify) {
  for (const auto& r : rows) {
    INFO("status " << r.status << " kind " << int(r.kind) << " body " << r.body);
    const booking_error e = classify(r.kind, answer(r.status, r.body));
    REQUIRE(e.is_business() == r.business);
    if (r.business) {
      CHECK(int(e.business) == r.code);
    } else {
      CHECK(int(e.technical) == r.code);
    }
    CHECK(e.detail.find(std::to_string(r.status)) != std::string::npos);
  }
}

}  // namespace tidnav::adapters::fhir::test
