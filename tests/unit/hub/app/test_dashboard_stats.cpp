// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include <fstream>

#include "hub/app/dashboard_citizen.hpp"
#include "hub/app/dashboard_stats.hpp"
#include "hub/audit/person_finder.hpp"

using namespace tidnav;
using namespace tidnav::app;

namespace {

call_facts facts(std::string corr, std::string address, std::string url) {
  call_facts f;
  f.correlation_id = std::move(corr);
  f.sender = "SE2321000016-1177";
  f.contract = "urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1";
  f.operation = "GetSubjectOfCareSchedule";
  f.logical_address = std::move(address);
  f.producer_url = std::move(url);
  return f;
}

call_timing timing(int total_us, int producer_us) {
  call_timing t;
  t.total = std::chrono::microseconds(total_us);
  t.producer = std::chrono::microseconds(producer_us);
  t.attempts = producer_us > 0 ? 1 : 0;
  return t;
}

}  // namespace

TEST_CASE("recent calls keep no personnummer and come newest first", "[app][dashboard]") {
  dashboard_stats s(3);
  net::request_context req;
  for (int i = 0; i < 5; ++i) s.record(req, facts("corr-" + std::to_string(i), "SE-A", "https://a/"), "ok", timing(900, 700));
  s.record(req, facts("191212121212", "19121212-1212", "https://a/"), "VP009", timing(500, 400));
  const auto recent = s.recent(10);
  REQUIRE(recent.size() == 3);
  CHECK(recent[0].correlation_id == "***");
  CHECK(recent[0].logical_address == "***");
  CHECK(recent[1].correlation_id == "corr-4");
  CHECK(recent[1].total_us == 900);
  CHECK(recent[1].producer_us == 700);
}

TEST_CASE("producer health follows the last answer; a SOAP fault is an answer", "[app][dashboard]") {
  dashboard_stats s;
  net::request_context req;
  s.record(req, facts("1", "SE-A", "https://a/"), "ok", timing(100, 50));
  s.record(req, facts("2", "SE-B", "https://b/"), "VP009", timing(100, 50));
  s.record(req, facts("3", "SE-C", "https://c/"), "producer_fault", timing(100, 50));
  s.record(req, facts("4", "SE-X", ""), "VP004", timing(100, 0));  // not routed: no producer
  const auto ps = s.producers();
  REQUIRE(ps.size() == 3);
  CHECK(ps[0].url == "https://a/");
  CHECK(ps[0].last_ok_ms > 0);
  CHECK(ps[1].failures == 1);
  CHECK(ps[1].last_failure_ms > ps[1].last_ok_ms);
  CHECK(ps[2].failures == 0);
  const auto w = s.window(10);
  CHECK(w.calls == 4);
  CHECK(w.failures == 3);
  CHECK(w.mean_producer_us == Approx(50));
  CHECK(s.total_calls() == 4);
}

TEST_CASE("the citizen view's requests are real contract messages naming the person", "[app][dashboard]") {
  for (auto c : {citizen_contract::schedule_11, citizen_contract::appointments_20}) {
    const auto r = build_citizen_request(c, "191212121212", "SE2321000016-OP01", "5565594230");
    CHECK(r.body.find("5565594230") != std::string::npos);
    CHECK(audit::find_persons(r.body) == std::vector<std::string>{"191212121212"});
    CHECK(r.soap_action.find(c == citizen_contract::schedule_11 ? "GetSubjectOfCareSchedule" : "GetAppointments") !=
          std::string::npos);
  }
}

TEST_CASE("an aggregated answer becomes unit and booking rows", "[app][dashboard]") {
  std::ifstream in(std::string(TIDNAV_SOURCE_DIR) + "/tests/fixtures/crm-scheduling-1.1/GetSubjectOfCareSchedule-response-aggregated.xml");
  const std::string xml((std::istreambuf_iterator<char>(in)), {});
  const auto v = citizen_view_json(citizen_contract::schedule_11, xml);
  REQUIRE(v.contains("units"));
  REQUIRE(v["units"].size() == 3);
  CHECK(v["units"][2]["statusCode"] == "NoDataSynchFailed");
  CHECK(v["units"][2]["lastUnsuccessfulSynchError.code"] == "504");
  REQUIRE(v["rows"].size() >= 1);
  CHECK(v["rows"][0].contains("startTimeInclusive"));
  CHECK(citizen_view_json(citizen_contract::schedule_11, "<not xml").contains("error"));
}
