// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tools/bench/default_response.hpp"
#include "tools/bench/duration_text.hpp"
#include "tools/bench/outcome.hpp"
#include "tools/bench/report.hpp"
#include "tools/bench/request_spec.hpp"

using namespace tidnav;
using namespace tidnav::bench;
using namespace std::chrono_literals;

namespace {

const std::string fixtures = std::string(TIDNAV_SOURCE_DIR) + "/tests/fixtures/crm-scheduling-1.1/";

const std::string* header(const request_spec& s, std::string_view name) { return net::find_header(s.headers, name); }

}  // namespace

TEST_CASE("durations on the command line", "[bench][parsing]") {
  CHECK(parse_duration("10s") == 10s);
  CHECK(parse_duration("10") == 10s);
  CHECK(parse_duration("500ms") == 500ms);
  CHECK(parse_duration("1.5s") == 1500ms);
  CHECK(parse_duration("2m") == 120s);
  CHECK(parse_duration("250us") == 250us);
  CHECK(parse_duration("0") == 0s);
  CHECK_THROWS_AS(parse_duration("ten"), std::invalid_argument);
  CHECK_THROWS_AS(parse_duration("10h"), std::invalid_argument);
  CHECK_THROWS_AS(parse_duration("-1s"), std::invalid_argument);
  CHECK_THROWS_AS(parse_duration(""), std::invalid_argument);
}

TEST_CASE("SOAP faults are recognised by the Body's first element", "[bench][parsing]") {
  CHECK_FALSE(is_soap_fault(default_response()));
  CHECK(is_soap_fault(R"(<?xml version="1.0"?><!-- x --><s:Envelope xmlns:s="e"><s:Header/><s:Body>)"
                      R"(<s:Fault><faultcode>s:Server</faultcode></s:Fault></s:Body></s:Envelope>)"));
  CHECK(is_soap_fault("<Envelope><Body>\n  <Fault/></Body></Envelope>"));
  CHECK_FALSE(is_soap_fault("<Envelope><Body><x:Answer><x:Fault/></x:Answer></Body></Envelope>"));
  CHECK_FALSE(is_soap_fault("not xml"));
}

TEST_CASE("outcomes are classified by kind", "[bench][parsing]") {
  net::client_result r;
  r.status = 200;
  r.body = std::string(default_response());
  CHECK(classify(r).empty());
  r.status = 503;
  CHECK(classify(r) == "http 503");
  r.status = 500;
  r.body = "<Envelope><Body><Fault/></Body></Envelope>";
  CHECK(classify(r) == "soap fault (http 500)");
  r.error = net::client_errc::connect_failed;
  CHECK(classify(r) == "connect");
  r.error = net::client_errc::tls_failed;
  CHECK(classify(r) == "tls");
  r.error = net::client_errc::timeout;
  CHECK(classify(r) == "timeout");
  r.error = net::client_errc::read_failed;
  CHECK(classify(r) == "transport");
}

TEST_CASE("request from an envelope file takes its SOAPAction from the envelope", "[bench][parsing]") {
  request_source src;
  src.body_file = fixtures + "GetSubjectOfCareSchedule-request.xml";
  src.extra_headers = {"X-Test: 1", "content-type: text/xml"};
  const auto spec = build_request_spec(src);
  CHECK(spec.body.find("GetSubjectOfCareSchedule") != std::string::npos);
  REQUIRE(header(spec, "SOAPAction"));
  CHECK(*header(spec, "SOAPAction") ==
        "\"urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1:GetSubjectOfCareSchedule\"");
  REQUIRE(header(spec, "X-Test"));
  CHECK(*header(spec, "X-Test") == "1");
  CHECK(*header(spec, "Content-Type") == "text/xml");  // replaced, not doubled
  CHECK(spec.headers.size() == 3);
}

TEST_CASE("request built from fields as tidnav call does", "[bench][parsing]") {
  request_source src;
  src.contract = "1.1:GetSubjectOfCareSchedule";
  src.logical_address = "SE2321000016-ABC1";
  src.actor = "191212121212";
  src.fields = {"healthcare_facility=SE2321000016-ABC1", "subject_of_care=191212121212"};
  const auto spec = build_request_spec(src);
  CHECK(spec.body.find("SE2321000016-ABC1</") != std::string::npos);
  CHECK(spec.body.find("LogicalAddress") != std::string::npos);
  REQUIRE(header(spec, "SOAPAction"));
  CHECK(header(spec, "SOAPAction")->find("GetSubjectOfCareScheduleResponder:1") != std::string::npos);
}

TEST_CASE("bad request options are rejected with the option's name", "[bench][parsing]") {
  request_source none;
  CHECK_THROWS_AS(build_request_spec(none), std::invalid_argument);
  request_source missing;
  missing.body_file = fixtures + "does-not-exist.xml";
  CHECK_THROWS_WITH(build_request_spec(missing), Catch::Contains("--body"));
  request_source bad_header;
  bad_header.body_file = fixtures + "GetSubjectOfCareSchedule-request.xml";
  bad_header.extra_headers = {"no colon"};
  CHECK_THROWS_WITH(build_request_spec(bad_header), Catch::Contains("--header"));
  request_source no_address;
  no_address.contract = "1.1:GetSubjectOfCareSchedule";
  CHECK_THROWS_WITH(build_request_spec(no_address), Catch::Contains("--logical-address"));
}

TEST_CASE("JSON and table report the same numbers", "[bench][parsing]") {
  load_options o;
  o.url = "https://127.0.0.1:1/vp";
  o.connections = 4;
  o.rate = 100;
  o.requests = 5;
  run_result r;
  for (std::uint64_t v : {100, 200, 300, 400}) r.outcomes.latency.record(v * 1000);
  r.outcomes.errors["http 503"] = 1;
  r.elapsed = 2s;
  r.connections_opened = 4;
  r.late_sends = 1;
  const auto j = nlohmann::json::parse(format_json(o, r));
  CHECK(j["mode"] == "open");
  CHECK(j["requests"] == 5);
  CHECK(j["ok"] == 4);
  CHECK(j["failed"] == 1);
  CHECK(j["errors"]["http 503"] == 1);
  CHECK(j["rps"].get<double>() == Approx(2.0));
  CHECK(j["latency_ms"]["max"].get<double>() == Approx(0.4));
  CHECK(j["latency_ms"]["mean"].get<double>() == Approx(0.25));
  CHECK(j["open_loop"]["fell_behind"] == true);  // 1 of 5 late is more than 1 %
  const std::string table = format_table(o, r);
  CHECK_THAT(table, Catch::Contains("5 in 2.00 s: 4 ok, 1 failed"));
  CHECK_THAT(table, Catch::Contains("http 503: 1"));
  CHECK_THAT(table, Catch::Contains("WARNING: the generator fell behind"));
  CHECK(exit_status(r) == 1);
  r.outcomes.errors.clear();
  CHECK(exit_status(r) == 0);
  r.interrupted = true;
  CHECK(exit_status(r) == 1);
}
