// SPDX-License-Identifier: GPL-2.0-or-later
// The one table from Millennium's HTTP status and OperationOutcome to booking_error, row by row.
#include "adapters/millennium/error_map.hpp"
#include "millennium_test_support.hpp"
#include "tests/unit/adapters/fhir/error_rows.hpp"

#include <catch2/catch.hpp>

using namespace tidnav::adapters;
using namespace tidnav::adapters::millennium;
using tidnav::adapters::millennium::test::fixture;

using row = tidnav::adapters::fhir::test::error_row<call_kind>;
using tidnav::adapters::fhir::test::check_error_rows;
using tidnav::adapters::fhir::test::outcome;

TEST_CASE("millennium: error table maps status, issue code and call kind", "[millennium][errors]") {
  using b = business_code;
  using t = technical_code;
  const std::vector<row> rows = {
      {call_kind::read, 401, outcome("security"), false, int(t::unauthorized)},
      {call_kind::make, 403, outcome("forbidden"), false, int(t::unauthorized)},
      {call_kind::token, 400, R"({"error":"invalid_client"})", false, int(t::unauthorized)},
      {call_kind::read, 404, outcome("not-found"), true, int(b::not_found)},
      {call_kind::cancel, 404, "", true, int(b::not_found)},
      {call_kind::reschedule, 404, "", true, int(b::not_found)},
      {call_kind::make, 404, "", true, int(b::slot_not_found)},
      {call_kind::make, 409, fixture("outcome-conflict.json"), true, int(b::requested_time_already_reserved)},
      {call_kind::reschedule, 409, fixture("outcome-conflict.json"), true, int(b::appointment_already_updated)},
      {call_kind::cancel, 409, fixture("outcome-conflict.json"), true, int(b::appointment_already_updated)},
      {call_kind::cancel, 412, outcome("processing"), true, int(b::appointment_already_updated)},
      {call_kind::make, 423, outcome("lock-error"), true, int(b::requested_time_already_reserved)},
      {call_kind::cancel, 423, outcome("lock-error"), true, int(b::appointment_already_updated)},
      {call_kind::cancel, 424, outcome("processing"), true, int(b::not_allowed)},
      {call_kind::make, 422, outcome("not-found"), true, int(b::slot_not_found)},
      {call_kind::reschedule, 422, outcome("conflict"), true, int(b::requested_time_already_reserved)},
      {call_kind::make, 422, outcome("duplicate"), true, int(b::person_already_occupied)},
      {call_kind::patient, 422, outcome("too-costly"), true, int(b::invalid_person)},
      {call_kind::make, 422, fixture("outcome-business-rule.json"), true, int(b::too_late_to_book)},
      {call_kind::reschedule, 422, outcome("business-rule"), true, int(b::too_late_to_rebook)},
      {call_kind::cancel, 422, outcome("business-rule"), true, int(b::too_late_to_cancel)},
      {call_kind::cancel, 422, outcome("extension"), true, int(b::not_allowed)},
      {call_kind::search, 400, outcome("required"), false, int(t::bad_backend_answer)},
      {call_kind::search, 406, "", false, int(t::bad_backend_answer)},
      {call_kind::read, 408, "", false, int(t::timeout)},
      {call_kind::read, 504, "", false, int(t::timeout)},
      {call_kind::read, 429, "", false, int(t::backend_down)},
      {call_kind::make, 500, outcome("required"), false, int(t::backend_down)},
      {call_kind::search, 503, "<html>down</html>", false, int(t::backend_down)},
      {call_kind::read, 302, "", false, int(t::bad_backend_answer)},
      {call_kind::read, 418, "", false, int(t::bad_backend_answer)},
  };
  check_error_rows(rows, classify);
}

TEST_CASE("millennium: no answer is a technical timeout or backend_down", "[millennium][errors]") {
  http_response late;
  late.what = http_response::outcome::timed_out;
  CHECK(classify(call_kind::make, late).technical == technical_code::timeout);
  http_response refused;
  refused.what = http_response::outcome::unreachable;
  CHECK(classify(call_kind::read, refused).technical == technical_code::backend_down);
  CHECK_FALSE(classify(call_kind::read, refused).is_business());
}

TEST_CASE("millennium: outcome_issue_code reads only OperationOutcomes", "[millennium][errors]") {
  CHECK(outcome_issue_code(fixture("outcome-conflict.json")) == "conflict");
  CHECK(outcome_issue_code(R"({"resourceType":"Bundle"})").empty());
  CHECK(outcome_issue_code("not json").empty());
  CHECK(outcome_issue_code(R"({"resourceType":"OperationOutcome","issue":[]})").empty());
}
