// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include "hub/obs/call_log_format.hpp"

using namespace tidnav::obs;
using namespace std::chrono;

namespace {

system_clock::time_point at(int y, unsigned m, unsigned d, int hh, int mm, int ss, int ms) {
  return sys_days(year{y} / month{m} / day{d}) + hours{hh} + minutes{mm} + seconds{ss} + milliseconds{ms};
}

std::string line_of(const call_record& r, format_options o = {}) {
  std::string s;
  append_call_record(s, r, o);
  return s;
}

call_record full_record() {
  call_record r;
  r.event = call_event::producer_attempt;
  r.timestamp = at(2025, 1, 31, 12, 34, 56, 789);
  r.correlation_id = "c0ffee00-0000-4000-8000-000000000001";
  r.consumer = "SE2321000016-92V4";
  r.original_consumer = "SE2321000016-ABCD";
  r.contract = "urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1";
  r.operation = "urn:riv:crm:scheduling:GetSubjectOfCareSchedule:1:rivtabp21";
  r.logical_address = "SE2321000016-15CQ";
  r.riv_profile_in = "RIVTABP21";
  r.riv_profile_out = "RIVTABP20";
  r.producer = "https://cosmic.example:8443/booking";
  r.outcome = "VP009";
  r.http_status = 500;
  r.hub_us = 120;
  r.producer_us = 30000123;
  r.attempts = 2;
  r.request_bytes = 1234;
  r.response_bytes = 0;
  r.connection_id = 18446744073709551615u;
  r.remote_ip = "10.1.2.3";
  r.tls_protocol = "TLSv1.3";
  r.detail = "connect \"refused\"\n";
  return r;
}

}  // namespace

TEST_CASE("obs: timestamps are RFC 3339 UTC with milliseconds", "[obs][call_log_format]") {
  std::string s;
  append_rfc3339_utc_ms(s, at(2025, 1, 31, 12, 34, 56, 789));
  CHECK(s == "2025-01-31T12:34:56.789Z");
  s.clear();
  append_rfc3339_utc_ms(s, at(2024, 2, 29, 0, 0, 0, 5));
  CHECK(s == "2024-02-29T00:00:00.005Z");
  s.clear();
  append_rfc3339_utc_ms(s, system_clock::time_point{} - milliseconds(1));
  CHECK(s == "1969-12-31T23:59:59.999Z");
}

TEST_CASE("obs: a full record is one line of valid JSON with every field", "[obs][call_log_format]") {
  const std::string line = line_of(full_record());
  REQUIRE(line.back() == '\n');
  CHECK(line.find('\n') == line.size() - 1);
  const auto j = nlohmann::json::parse(line);
  CHECK(j.size() == 22);
  CHECK(j.at("ts") == "2025-01-31T12:34:56.789Z");
  CHECK(j.at("event") == "producer_attempt");
  CHECK(j.at("correlation_id") == "c0ffee00-0000-4000-8000-000000000001");
  CHECK(j.at("consumer") == "SE2321000016-92V4");
  CHECK(j.at("original_consumer") == "SE2321000016-ABCD");
  CHECK(j.at("contract") == "urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1");
  CHECK(j.at("operation") == "urn:riv:crm:scheduling:GetSubjectOfCareSchedule:1:rivtabp21");
  CHECK(j.at("logical_address") == "SE2321000016-15CQ");
  CHECK(j.at("riv_profile_in") == "RIVTABP21");
  CHECK(j.at("riv_profile_out") == "RIVTABP20");
  CHECK(j.at("producer") == "https://cosmic.example:8443/booking");
  CHECK(j.at("outcome") == "VP009");
  CHECK(j.at("http_status") == 500);
  CHECK(j.at("hub_us") == 120);
  CHECK(j.at("producer_us") == 30000123);
  CHECK(j.at("attempts") == 2);
  CHECK(j.at("request_bytes") == 1234);
  CHECK(j.at("response_bytes") == 0);
  CHECK(j.at("connection_id").get<std::uint64_t>() == 18446744073709551615u);
  CHECK(j.at("remote_ip") == "10.1.2.3");
  CHECK(j.at("tls_protocol") == "TLSv1.3");
  CHECK(j.at("detail") == "connect \"refused\"\n");
}

TEST_CASE("obs: empty strings and unset numbers are left out", "[obs][call_log_format]") {
  call_record r;
  r.timestamp = at(2025, 1, 1, 0, 0, 0, 0);
  r.outcome = "ok";
  r.http_status = 200;
  CHECK(line_of(r) == "{\"ts\":\"2025-01-01T00:00:00.000Z\",\"event\":\"call\",\"outcome\":\"ok\",\"http_status\":200}\n");
}

TEST_CASE("obs: control characters and invalid UTF-8 still give valid JSON", "[obs][call_log_format]") {
  call_record r;
  r.detail = std::string("a\x01" "b\tc\\d\x7f" "e\xFF" "f") + "Jönköping";
  const auto j = nlohmann::json::parse(line_of(r));
  CHECK(j.at("detail") == std::string("a\x01" "b\tc\\d\x7f" "e\xEF\xBF\xBD" "fJönköping"));
}

TEST_CASE("obs: long fields are cut at max_field_bytes", "[obs][call_log_format]") {
  call_record r;
  r.detail = std::string(100, 'x');
  const auto j = nlohmann::json::parse(line_of(r, {.redact_personal_ids = true, .max_field_bytes = 10}));
  CHECK(j.at("detail") == "xxxxxxxxxx...");
}

TEST_CASE("obs: personnummer in logical_address and detail are redacted by default", "[obs][call_log_format]") {
  call_record r;
  r.logical_address = "191212121212";
  r.detail = "no bookings for 19121212-1212";
  r.correlation_id = "191212121212";  // not a field that is checked
  auto j = nlohmann::json::parse(line_of(r));
  CHECK(j.at("logical_address") == "***");
  CHECK(j.at("detail") == "no bookings for ***");
  CHECK(j.at("correlation_id") == "191212121212");

  j = nlohmann::json::parse(line_of(r, {.redact_personal_ids = false}));
  CHECK(j.at("logical_address") == "191212121212");
  CHECK(j.at("detail") == "no bookings for 19121212-1212");
}

TEST_CASE("obs: a certificate quoted in detail is masked", "[obs][call_log_format]") {
  call_record r;
  r.detail = "bad header: -----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2VydGlmaWNhdGVGb3JUZXN0\n-----END "
             "CERTIFICATE-----";
  const auto j = nlohmann::json::parse(line_of(r));
  CHECK(j.at("detail") == "MIIBszCC...ZXN0");
}

TEST_CASE("obs: the drop line", "[obs][call_log_format]") {
  std::string s;
  append_dropped_line(s, at(2025, 1, 1, 0, 0, 0, 0), 42);
  CHECK(s == "{\"ts\":\"2025-01-01T00:00:00.000Z\",\"event\":\"log_dropped\",\"count\":42}\n");
}
