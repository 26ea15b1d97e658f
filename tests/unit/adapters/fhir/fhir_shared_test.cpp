// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/core/swedish_time.hpp"
#include "adapters/fhir/encoding.hpp"
#include "adapters/fhir/error_rules.hpp"
#include "adapters/fhir/fhir_json.hpp"
#include "adapters/fhir/sim/sim_http.hpp"

#include <catch2/catch.hpp>

#include <array>

using namespace tidnav::adapters;
using namespace std::chrono;

TEST_CASE("fhir: url encoding keeps unreserved characters, decoding refuses broken escapes", "[fhir]") {
  CHECK(fhir::url_encode("urn:oid:1.2|19121212-1212 å") == "urn%3Aoid%3A1.2%7C19121212-1212%20%C3%A5");
  CHECK(fhir::url_encode("2031-03-10T08:00:00Z", ":") == "2031-03-10T08:00:00Z");
  CHECK(fhir::url_decode("a%7Cb+c") == std::optional<std::string>("a|b c"));
  CHECK(fhir::url_decode(fhir::url_encode("ge2031-03-10T08:00:00+01:00")) ==
        std::optional<std::string>("ge2031-03-10T08:00:00+01:00"));
  CHECK_FALSE(fhir::url_decode("%zz"));
  CHECK_FALSE(fhir::url_decode("abc%4"));
  CHECK(fhir::base64("tidnav-test:sim-secret") == "dGlkbmF2LXRlc3Q6c2ltLXNlY3JldA==");
  for (const std::string s : {"", "a", "ab", "abc", "abcd"}) CHECK(fhir::base64_decode(fhir::base64(s)) == s);
}

TEST_CASE("fhir: the simulator front door splits queries and refuses broken ones", "[fhir][sim]") {
  const auto q = fhir::sim::parse_query("start=ge2031&start=lt2032&flag&x=%7C");
  REQUIRE(q);
  CHECK(q->size() == 4);
  CHECK((*q)[1] == std::pair<std::string, std::string>{"start", "lt2032"});
  CHECK((*q)[2] == std::pair<std::string, std::string>{"flag", ""});
  CHECK((*q)[3].second == "|");
  CHECK_FALSE(fhir::sim::parse_query("a=%G1"));
}

TEST_CASE("fhir: instants in and out, with offsets and fractions; bodies and bundles", "[fhir]") {
  const auto t = fhir::parse_fhir_instant("2031-03-10T09:30:00.123+01:00");
  REQUIRE(t);
  CHECK(fhir::fhir_instant(*t) == "2031-03-10T08:30:00Z");
  CHECK_FALSE(fhir::parse_fhir_instant("2031-03-10T09:30:00"));  // no zone
  CHECK_FALSE(fhir::parse_fhir_instant("2031-02-30T09:30:00Z"));
  CHECK_FALSE(fhir::parse_body("[1]", "X"));
  CHECK(fhir::parse_body("{", "Cosmic").error().detail.find("Cosmic") != std::string::npos);
  const auto bundle = nlohmann::json::parse(
      R"({"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Slot","id":"1"}},
          {"resource":{"resourceType":"OperationOutcome"}}]})");
  CHECK(fhir::bundle_resources(bundle, "Slot").value().size() == 1);
  CHECK_FALSE(fhir::bundle_resources(nlohmann::json::object(), "Slot"));
  CHECK_FALSE(fhir::period(nlohmann::json{{"start", "2031-03-10T09:00:00Z"}, {"end", "2031-03-10T08:00:00Z"}}, "Slot"));
}

TEST_CASE("fhir: free dates are Swedish days per time type, counted", "[fhir]") {
  auto slot = [](int day, int hour_utc, const char* type) {
    timeslot s;
    s.start = sys_days{year{2031} / March / day} + hours(hour_utc);
    s.end = s.start + minutes(30);
    s.type.code = type;
    s.unit = "U";
    return s;
  };
  // 23:30 UTC on the 9th is 00:30 on the 10th in Sweden.
  const auto dates = fhir::dates_from_slots({slot(9, 23, "A"), slot(10, 8, "A"), slot(10, 9, "B"), slot(11, 8, "A")});
  REQUIRE(dates.size() == 3);
  CHECK(dates[0].date == year{2031} / March / 10);
  CHECK(dates[0].free_slots == 2);
  CHECK(dates[1].type.code == "B");
  CHECK(dates[2].date == year{2031} / March / 11);
}

namespace {

enum class kind { read, make };
// clang-format off
constexpr std::array rules{
  fhir::technical_rule<kind>(401, 401, "", std::nullopt, technical_code::unauthorized),
  fhir::business_rule<kind>(409, 409, "duplicate", std::nullopt, business_code::person_already_occupied),
  fhir::business_rule<kind>(409, 409, "", kind::make, business_code::requested_time_already_reserved),
  fhir::technical_rule<kind>(500, 599, "", std::nullopt, technical_code::backend_down),
};
// clang-format on

fhir::http_response status(int code, std::string body = {}) {
  fhir::http_response r;
  r.status = code;
  r.body = std::move(body);
  return r;
}

}  // namespace

TEST_CASE("fhir: an error table is read top down by status, issue code and call kind", "[fhir]") {
  const std::string dup = R"({"resourceType":"OperationOutcome","issue":[{"code":"duplicate"}]})";
  CHECK(fhir::outcome_issue_code(dup) == "duplicate");
  CHECK(fhir::outcome_issue_code("{}").empty());
  auto e = fhir::classify_with<kind>(rules, kind::make, status(409, dup), "X");
  CHECK(e.business == business_code::person_already_occupied);
  e = fhir::classify_with<kind>(rules, kind::make, status(409), "X");
  CHECK(e.business == business_code::requested_time_already_reserved);
  CHECK(e.detail.find("X HTTP 409") == 0);
  e = fhir::classify_with<kind>(rules, kind::read, status(409), "X");  // no row: not understood
  CHECK(e.technical == technical_code::bad_backend_answer);
  e = fhir::classify_with<kind>(rules, kind::read, status(502), "X");
  CHECK(e.technical == technical_code::backend_down);
  fhir::http_response late;
  late.what = fhir::http_response::outcome::timed_out;
  CHECK(fhir::classify_with<kind>(rules, kind::read, late, "X").technical == technical_code::timeout);
}
