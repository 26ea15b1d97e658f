// SPDX-License-Identifier: GPL-2.0-or-later
// The one table from Cosmic's HTTP status and OperationOutcome to booking_error,
// row by row.
#include "adapters/cosmic/error_map.hpp"
#include "cosmic_test_support.hpp"

#include <catch2/catch.hpp>

using namespace tidnav::adapters;
using namespace tidnav::adapters::cosmic;
using tidnav::adapters::cosmic::test::answer;
using tidnav::adapters::cosmic::test::fixture;

namespace {

std::string oo(const std::string& code) {
  return R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":")" + code + R"("}]})";
}

struct row {
  call_kind kind;
  int status;
  std::string body;
  bool business;
  int code;  // business_code or technical_code as int
};

}  // namespace

TEST_CASE("cosmic: error table maps status and issue code per call kind", "[cosmic][errors]") {
  using b = business_code;
  using t = technical_code;
  const std::vector<row> rows = {
      {call_kind::read, 401, R"({"statusCode":401,"message":"Invalid access token."})", false, int(t::unauthorized)},
      {call_kind::make, 403, R"({"statusCode":403,"message":"Insufficient scope."})", false, int(t::unauthorized)},
      {call_kind::token, 400, R"({"error":"invalid_client"})", false, int(t::unauthorized)},
      {call_kind::make, 404, oo("not-found"), true, int(b::slot_not_found)},
      {call_kind::update, 404, oo("not-found"), true, int(b::slot_not_found)},
      {call_kind::cancel, 404, oo("not-found"), true, int(b::not_found)},
      {call_kind::read, 404, "", true, int(b::not_found)},
      {call_kind::search, 404, "", true, int(b::unit_not_found)},
      {call_kind::read, 410, oo("deleted"), true, int(b::appointment_already_canceled)},
      {call_kind::cancel, 409, oo("conflict"), true, int(b::appointment_already_canceled)},
      {call_kind::make, 409, fixture("outcome-conflict.json"), true, int(b::requested_time_already_reserved)},
      {call_kind::make, 409, oo("duplicate"), true, int(b::person_already_occupied)},
      {call_kind::update, 409, oo("conflict"), true, int(b::requested_time_already_reserved)},
      {call_kind::update, 412, oo("conflict"), true, int(b::appointment_already_updated)},
      {call_kind::cancel, 422, fixture("outcome-business-rule.json"), true, int(b::too_late_to_cancel)},
      {call_kind::update, 422, oo("business-rule"), true, int(b::too_late_to_rebook)},
      {call_kind::make, 422, oo("business-rule"), true, int(b::too_late_to_book)},
      {call_kind::make, 422, oo("processing"), true, int(b::not_allowed)},
      {call_kind::search, 400, oo("invalid"), true, int(b::invalid_request)},
      {call_kind::search, 400, oo("required"), false, int(t::bad_backend_answer)},
      {call_kind::search, 429, oo("throttled"), false, int(t::backend_down)},
      {call_kind::read, 504, "", false, int(t::timeout)},
      {call_kind::read, 500, "<html>oops</html>", false, int(t::backend_down)},
      {call_kind::make, 503, "", false, int(t::backend_down)},
      {call_kind::read, 302, "", false, int(t::bad_backend_answer)},
      {call_kind::read, 418, "", false, int(t::bad_backend_answer)},
  };
  for (const auto& r : rows) {
    INFO("status " << r.status << " body " << r.body << " kind " << int(r.kind));
    const auto e = classify(r.kind, answer(r.status, r.body));
    CHECK(e.is_business() == r.business);
    if (r.business) {
      CHECK(int(e.business) == r.code);
    } else {
      CHECK(int(e.technical) == r.code);
    }
    CHECK(e.detail.find(std::to_string(r.status)) != std::string::npos);
  }
}

TEST_CASE("cosmic: no answer is timeout or backend_down", "[cosmic][errors]") {
  http_response late;
  late.what = http_response::outcome::timed_out;
  CHECK(classify(call_kind::make, late).technical == technical_code::timeout);
  http_response gone;
  gone.what = http_response::outcome::unreachable;
  CHECK(classify(call_kind::read, gone).technical == technical_code::backend_down);
  CHECK(outcome_issue_code("not json") == "");
  CHECK(outcome_issue_code(oo("conflict")) == "conflict");
}
