// SPDX-License-Identifier: GPL-2.0-or-later
// call_audit without sockets: which calls become audit records, with which
// person, units and channel, including an aggregation whose last unit call is
// reported after the consumer's own call (as the pipeline does it).
#include <catch2/catch.hpp>

#include <mutex>

#include "hub/app/call_audit.hpp"

using namespace tidnav;
using namespace tidnav::app;

namespace {

struct memory_store final : audit::audit_store {
  std::shared_ptr<std::mutex> mutex = std::make_shared<std::mutex>();
  std::shared_ptr<std::vector<audit::audit_record>> rows = std::make_shared<std::vector<audit::audit_record>>();
  void append(std::span<const audit::audit_record> r) override {
    std::lock_guard lock(*mutex);
    rows->insert(rows->end(), r.begin(), r.end());
  }
  std::vector<audit::audit_record> query(const audit::audit_query&) override { return {}; }
};

struct fixture_audit {
  memory_store* store = nullptr;
  std::shared_ptr<std::vector<audit::audit_record>> rows;
  std::shared_ptr<std::mutex> mutex;
  std::unique_ptr<call_audit> audit;
  fixture_audit() {
    auto s = std::make_unique<memory_store>();
    rows = s->rows;
    mutex = s->mutex;
    audit = std::make_unique<call_audit>(std::move(s), 1024, net::null_log_sink());
  }
  std::vector<audit::audit_record> written() {
    REQUIRE(audit->flush(std::chrono::seconds(5)));
    std::lock_guard lock(*mutex);
    return *rows;
  }
};

const std::string crm = "urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1";

std::string body_for(const std::string& person) {
  return "<Envelope><Body><GetSubjectOfCareSchedule><healthcare_facility>X</healthcare_facility><subject_of_care>" + person +
         "</subject_of_care></GetSubjectOfCareSchedule></Body></Envelope>";
}

call_facts facts(const std::string& op, const std::string& address, const std::string& url, const std::string& corr) {
  call_facts f;
  f.correlation_id = corr;
  f.sender = "SE2321000016-1177";
  f.original_consumer = "SE2321000016-1177";
  f.contract = crm;
  f.operation = op;
  f.logical_address = address;
  f.producer_url = url;
  return f;
}

net::request_context consumer_req() {
  net::request_context r;
  r.remote_ip = "127.0.0.1";
  return r;
}

net::request_context in_process_req() {
  net::request_context r;
  r.remote_ip = "in-process";
  return r;
}

}  // namespace

TEST_CASE("a call naming a person is recorded with its unit and outcome", "[audit][app]") {
  fixture_audit fx;
  auto f = facts("GetSubjectOfCareSchedule", "SE2321000016-A1", "https://a1/", "c1");
  fx.audit->planned(consumer_req(), f, body_for("19121212-1212"));
  CHECK(f.persons == std::vector<std::string>{"191212121212"});
  fx.audit->finished(consumer_req(), f, "ok");
  const auto rows = fx.written();
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].person == "191212121212");
  CHECK(rows[0].care_units == std::vector<std::string>{"SE2321000016-A1"});
  CHECK(rows[0].outcome == "ok");
  CHECK(rows[0].channel == "consumer");
  CHECK(rows[0].correlation_id == "c1");
  CHECK(rows[0].consumer == "SE2321000016-1177");
  CHECK(rows[0].at_ms > 0);
}

TEST_CASE("refused calls are recorded too, calls naming no one are not", "[audit][app]") {
  fixture_audit fx;
  auto refused = facts("GetSubjectOfCareSchedule", "SE2321000016-B2", "", "c2");
  fx.audit->planned(consumer_req(), refused, body_for("191212121212"));
  fx.audit->finished(consumer_req(), refused, "VP007");
  auto times = facts("GetAllTimeTypes", "SE2321000016-B2", "https://b2/", "c3");
  fx.audit->planned(consumer_req(), times, "<GetAllTimeTypes><healthcare_facility>X</healthcare_facility></GetAllTimeTypes>");
  fx.audit->finished(consumer_req(), times, "ok");
  auto cancel = facts("CancelBooking", "SE2321000016-B2", "https://b2/", "c4");
  fx.audit->planned(consumer_req(), cancel, "<CancelBooking><bookingId>B-1</bookingId></CancelBooking>");
  fx.audit->finished(consumer_req(), cancel, "ok");
  auto garbage = facts("", "", "", "c5");
  garbage.contract.clear();
  fx.audit->planned(consumer_req(), garbage, body_for("191212121212"));
  fx.audit->finished(consumer_req(), garbage, "VP015");
  const auto rows = fx.written();
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].outcome == "VP007");
  CHECK(rows[0].person == "191212121212");
  // A cancellation by booking id reads and changes someone's booking: recorded without a person.
  CHECK(rows[1].operation == "CancelBooking");
  CHECK(rows[1].person.empty());
}

TEST_CASE("an aggregated call lists every unit called, also the one reported last", "[audit][app]") {
  fixture_audit fx;
  auto outer = facts("GetSubjectOfCareSchedule", "5565594230", "local:aggregate", "agg-1");
  fx.audit->planned(consumer_req(), outer, body_for("191212121212"));
  auto u1 = facts("GetSubjectOfCareSchedule", "SE-U1", "https://u1/", "agg-1");
  auto u2 = facts("GetSubjectOfCareSchedule", "SE-U2", "https://u2/", "agg-1");
  fx.audit->planned(in_process_req(), u1, body_for("191212121212"));
  fx.audit->planned(in_process_req(), u2, body_for("191212121212"));
  fx.audit->finished(in_process_req(), u1, "ok");
  // The last unit's answer completes the merge: the consumer's call is reported before it.
  fx.audit->finished(consumer_req(), outer, "ok");
  fx.audit->finished(in_process_req(), u2, "VP009");
  const auto rows = fx.written();
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].channel == "platform");
  CHECK(rows[1].channel == "consumer");
  CHECK(rows[1].care_units == std::vector<std::string>{"SE-U1", "SE-U2"});
  CHECK(rows[2].care_units == std::vector<std::string>{"SE-U2"});
  CHECK(rows[2].outcome == "VP009");
}

TEST_CASE("the dashboard's look at a calendar is recorded as the operator's", "[audit][app]") {
  fixture_audit fx;
  fx.audit->expect_operator_call("op-1");
  auto outer = facts("GetSubjectOfCareSchedule", "5565594230", "local:aggregate", "op-1");
  outer.sender = outer.original_consumer = "SE2321000016-OP01";
  fx.audit->planned(in_process_req(), outer, body_for("191212121212"));
  fx.audit->finished(in_process_req(), outer, "ok");
  const auto rows = fx.written();
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].channel == "operator");
  CHECK(rows[0].consumer == "SE2321000016-OP01");
}

TEST_CASE("an Update naming several persons gives one record each", "[audit][app]") {
  fixture_audit fx;
  auto f = facts("Update", "5565594230", "local:ei", "u-1");
  f.contract = "urn:riv:itintegration:engagementindex:UpdateResponder:1";
  fx.audit->planned(consumer_req(), f,
                    "<Update><registeredResidentIdentification>191212121212</registeredResidentIdentification>"
                    "<registeredResidentIdentification>197710102384</registeredResidentIdentification></Update>");
  fx.audit->finished(consumer_req(), f, "ok");
  const auto rows = fx.written();
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].person == "191212121212");
  CHECK(rows[1].person == "197710102384");
  CHECK(rows[1].correlation_id == "u-1");
}
