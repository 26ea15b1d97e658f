// SPDX-License-Identifier: GPL-2.0-or-later
// The one table from Cosmic's HTTP status and OperationOutcome to booking_error,
// row by row.
#include "adapters/cosmic/error_map.hpp"
#include "cosmic_test_support.hpp"
#include "tests/unit/adapters/fhir/error_rows.hpp"

#include <catch2/catch.hpp>

using namespace tidnav::adapters;
using namespace tidnav::adapters::cosmic;
using tidnav::adapters::cosmic::test::fixture;

using row = tidnav::adapters::fhir::test::error_row<call_kind>;
using tidnav::adapters::fhir::test::check_error_rows;
using tidnav::adapters::fhir::test::outcome;

TEST_CASE("cosmic: error table maps status and issue code per call kind", "[cosmic][errors]") {
  using b = business_code;
  using t = technical_code;
  const std::vector<row> rows = {
      {call_kind::read, 401, R"({"statusCode":401,"message":"Invalid access token."})", false, int(t::unauthorized)},
      {call_kind::make, 403, R"({"statusCode":403,"message":"Insufficient scope."})", false, int(t::unauthorized)},
      {call_kind::token, 400, R"({"error":"invalid_client"})", false, int(t::unauthorized)},
      {call_kind::make, 404, outcome("not-found"), true, int(b::slot_not_found)},
      {call_kind::update, 404, outcome("not-found"), true, int(b::slot_not_found)},
      {call_kind::cancel, 404, outcome("not-found"), true, int(b::not_found)},
      {call_kind::read, 404, "", true, int(b::not_found)},
      {call_kind::search, 404, "", true, int(b::unit_not_found)},
      {call_kind::read, 410, outcome("deleted"), true, int(b::appointment_already_canceled)},
      {call_kind::cancel, 409, outcome("conflict"), true, int(b::appointment_already_canceled)},
      {call_kind::make, 409, fixture("outcome-conflict.json"), true, int(b::requested_time_already_reserved)},
      {call_kind::make, 409, outcome("duplicate"), true, int(b::person_already_occupied)},
      {call_kind::update, 409, outcome("conflict"), true, int(b::requested_time_already_reserved)},
      {call_kind::update, 412, outcome("conflict"), true, int(b::appointment_already_updated)},
      {call_kind::cancel, 422, fixture("outcome-business-rule.json"), true, int(b::too_late_to_cancel)},
      {call_kind::update, 422, outcome("business-rule"), true, int(b::too_late_to_rebook)},
      {call_kind::make, 422, outcome("business-rule"), true, int(b::too_late_to_book)},
      {call_kind::make, 422, outcome("processing"), true, int(b::not_allowed)},
      {call_kind::search, 400, outcome("invalid"), true, int(b::invalid_request)},
      {call_kind::search, 400, outcome("required"), false, int(t::bad_backend_answer)},
      {call_kind::search, 429, outcome("throttled"), false, int(t::backend_down)},
      {call_kind::read, 504, "", false, int(t::timeout)},
      {call_kind::read, 500, "<html>oops</html>", false, int(t::backend_down)},
      {call_kind::make, 503, "", false, int(t::backend_down)},
      {call_kind::read, 302, "", false, int(t::bad_backend_answer)},
      {call_kind::read, 418, "", false, int(t::bad_backend_answer)},
  };
  check_error_rows(rows, classify);
}

TEST_CASE("cosmic: no answer is timeout or backend_down", "[cosmic][errors]") {
  http_response late;
  late.what = http_response::outcome::timed_out;
  CHECK(classify(call_kind::make, late).technical == technical_code::timeout);
  http_response gone;
  gone.what = http_response::outcome::unreachable;
  CHECK(classify(call_kind::read, gone).technical == technical_code::backend_down);
  CHECK(outcome_issue_code("not json") == "");
  CHECK(outcome_issue_code(outcome("conflict")) == "conflict");
}
