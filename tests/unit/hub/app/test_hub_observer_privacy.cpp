// SPDX-License-Identifier: GPL-2.0-or-later
// Access logs and metrics carry no personnummer unless an operator turns
// redaction off (call_log.redact_personal_ids: false): also not in header
// values a consumer chooses (correlation id, original consumer).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include "hub/app/hub_observer.hpp"

using namespace tidnav;
using namespace tidnav::app;
namespace fs = std::filesystem;

namespace {

std::string run_one_call(bool redact, std::string& metrics) {
  const fs::path dir = fs::temp_directory_path() / ("tidnav-privacy-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  core::hub_config cfg;
  cfg.call_log.path = (dir / "calls.log").string();
  cfg.call_log.redact_personal_ids = redact;
  cfg.audit.path = (dir / "audit.db").string();
  std::vector<std::string> events;
  {
    hub_observer obs(cfg, [&events](std::string_view l) { events.emplace_back(l); });
    net::request_context req;
    req.remote_ip = "127.0.0.1";
    call_facts f;
    f.correlation_id = "19121212-1212";
    f.sender = "SE2321000016-1177";
    f.original_consumer = "191212121212";
    f.contract = "urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1";
    f.operation = "GetSubjectOfCareSchedule";
    f.logical_address = "197710102384";
    f.producer_url = "https://unit/";
    f.warnings.push_back("a warning");
    obs.call_planned(req, f, "<subject_of_care>191212121212</subject_of_care>");
    consumer_answer a;
    a.outcome = call_outcome::vp_fault;
    a.code = core::vp_code::vp009;
    a.detail = "producer said 191212121212 is unknown";
    call_timing t;
    t.attempts = 1;
    obs.call_finished(req, f, a, t);
    obs.flush();
    metrics = obs.metrics_text(nullptr);
    CHECK(metrics.find("tidnav_audit_records_total 1") != std::string::npos);
  }
  std::ifstream in(dir / "calls.log");
  std::string log((std::istreambuf_iterator<char>(in)), {});
  for (const auto& e : events) log += e;
  fs::remove_all(dir);
  return log;
}

}  // namespace

TEST_CASE("the call log and event log mask personnummer by default", "[app][privacy]") {
  std::string metrics;
  const std::string log = run_one_call(true, metrics);
  REQUIRE_FALSE(log.empty());
  CHECK(log.find("1212121212") == std::string::npos);
  CHECK(log.find("1212-1212") == std::string::npos);
  CHECK(log.find("7710102384") == std::string::npos);
  CHECK(log.find("***") != std::string::npos);
  CHECK(metrics.find("1212121212") == std::string::npos);
  CHECK(metrics.find("7710102384") == std::string::npos);
}

TEST_CASE("an operator may turn masking off for the call log; metrics never carry them", "[app][privacy]") {
  std::string metrics;
  const std::string log = run_one_call(false, metrics);
  CHECK(log.find("\"correlation_id\":\"19121212-1212\"") != std::string::npos);
  CHECK(log.find("\"logical_address\":\"197710102384\"") != std::string::npos);
  CHECK(metrics.find("1212121212") == std::string::npos);
}
