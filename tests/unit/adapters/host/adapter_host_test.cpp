// SPDX-License-Identifier: GPL-2.0-or-later
// A whole adapter from its configuration: served over mutual TLS, answering
// scheduling 2.0, crm:scheduling 1.1 and PingForConfiguration against the
// memory system, posting its bookings to a fake hub's EI.
#include "adapters/core/name_uuid.hpp"
#include "adapters/host/net/adapter_host.hpp"
#include "adapters/host/net/builtin_systems.hpp"
#include "adapters/host/soap_service.hpp"
#include "host_test_support.hpp"
#include "hub/net/http_client.hpp"
#include "tests/support/test_pki.hpp"
#include "tests/unit/adapters/core/adapter_test_support.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <mutex>
#include <thread>

using namespace tidnav;
using namespace tidnav::adapters;
using namespace tidnav::adapters::host;
using namespace tidnav::adapters::host::test;
using adapters::test::asa;
using adapters::test::concat;
using adapters::test::first_text;
using adapters::test::tolvan;

namespace {

struct served {
  explicit served(const std::filesystem::path& config_path) {
    auto cfg = load_adapter_config(config_path, builtin_systems());
    if (!cfg) {
      for (const auto& e : cfg.error()) UNSCOPED_INFO(e.to_string());
    }
    REQUIRE(cfg);
    config = cfg.value();
    host = std::make_unique<adapter_host>(config, [this](const std::string& line) {
      std::lock_guard lock(mutex);
      log.push_back(line);
    });
    host->start();
    net::client_options o;
    o.tls = consumer_tls();
    o.io_threads = 1;
    o.request_timeout = std::chrono::seconds(10);
    client = std::make_unique<net::http_client>(o);
  }

  net::client_result call(const std::string& envelope, const std::string& soap_action = "") {
    net::header_list h{{"Content-Type", "text/xml; charset=UTF-8"}};
    if (!soap_action.empty()) h.push_back({"SOAPAction", "\"" + soap_action + "\""});
    return client->request(net::make_post(url(), envelope, h));
  }
  std::string url() const { return "https://127.0.0.1:" + std::to_string(host->port()) + "/"; }
  std::vector<std::string> lines() {
    std::lock_guard lock(mutex);
    return log;
  }

  config_ptr config;
  std::mutex mutex;
  std::vector<std::string> log;
  std::unique_ptr<adapter_host> host;
  std::unique_ptr<net::http_client> client;
};

std::string make_2(const std::string& slot_uuid) {
  return adapters::test::sched2_request(
      "MakeAppointment",
      concat({adapters::test::actor(), adapters::test::person(), {{"timeslotId", slot_uuid}, {"reasonText", "Ont"}}}));
}

std::string make_11_s101() {
  return adapters::test::crm11_request("MakeBooking", {{"healthcare_facility_med", asa},
                                                       {"requestedTimeslot.startTimeInclusive", "20310310100000"},
                                                       {"requestedTimeslot.endTimeExclusive", "20310310103000"},
                                                       {"requestedTimeslot.healthcare_facility", asa},
                                                       {"requestedTimeslot.subject_of_care", tolvan},
                                                       {"requestedTimeslot.timeTypeID", "LAK30"}});
}

const std::string ping_request =
    "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
    "xmlns:urn=\"urn:riv:itintegration:registry:1\" "
    "xmlns:p=\"urn:riv:itintegration:monitoring:PingForConfigurationResponder:1\">"
    "<soapenv:Header><urn:LogicalAddress>SE2321000016-ABC1</urn:LogicalAddress></soapenv:Header>"
    "<soapenv:Body><p:PingForConfiguration><!-- as the platform sends it --></p:PingForConfiguration>"
    "</soapenv:Body></soapenv:Envelope>";

}  // namespace

TEST_CASE("adapter-host: an adapter over mutual TLS answers 2.0, 1.1 and ping, and posts its bookings to the EI",
          "[adapters][host][served]") {
  fake_hub hub;
  const auto dir = scratch_dir("served");
  served a(write_memory_config(dir, hub.url()));

  std::ifstream port_file(dir / "adapter.port");
  int written = 0;
  port_file >> written;
  CHECK(written == a.host->port());

  // 2.0: list, then book a listed time (SOAPAction given).
  auto list = a.call(adapters::test::sched2_request("GetAppointments",
                                                    concat({adapters::test::actor(), adapters::test::person()})),
                     "urn:riv:supportprocess:logistics:scheduling:GetAppointmentsResponder:2:GetAppointments");
  REQUIRE(list.ok());
  INFO(list.body);
  CHECK(list.status == 200);
  CHECK_FALSE(first_text(list.body, "appointmentId").empty());

  // A timeslot id is bookable once listed (the id directory learns it; README of adapters/core).
  const std::string slot = contract_id(native_id_kind::timeslot, "VC-ASA", "S-100");
  auto times = a.call(adapters::test::sched2_request(
      "GetAvailableTimeslots", concat({adapters::test::actor(), adapters::test::person(),
                                       {{"startDateInclusive", "20310301"}, {"endDateInclusive", "20310331"}}})));
  REQUIRE(times.ok());
  CHECK(times.body.find(slot) != std::string::npos);
  auto made = a.call(make_2(slot));  // no SOAPAction: routed by the Body's namespace
  REQUIRE(made.ok());
  INFO(made.body);
  CHECK(made.status == 200);
  CHECK(first_text(made.body, "resultCode") == "OK");
  const std::string appointment_id = first_text(made.body, "appointmentId");
  // A repeated write is answered from the idempotency store: no second booking, no second post.
  auto again = a.call(make_2(slot));
  REQUIRE(again.ok());
  INFO(again.body);
  CHECK(first_text(again.body, "appointmentId") == appointment_id);

  // 1.1: the schedule, then a booking by time.
  auto schedule = a.call(adapters::test::crm11_request("GetSubjectOfCareSchedule",
                                                       {{"healthcare_facility", asa}, {"subject_of_care", tolvan}}));
  REQUIRE(schedule.ok());
  INFO(schedule.body);
  CHECK(schedule.status == 200);
  CHECK_FALSE(first_text(schedule.body, "bookingId").empty());
  auto booked = a.call(make_11_s101(), "urn:riv:crm:scheduling:MakeBookingResponder:1:MakeBooking");
  REQUIRE(booked.ok());
  INFO(booked.body);
  CHECK(first_text(booked.body, "resultCode") == "OK");
  const std::string booking_id = first_text(booked.body, "bookingId");

  auto ping = a.call(ping_request);
  REQUIRE(ping.ok());
  INFO(ping.body);
  CHECK(ping.status == 200);
  CHECK(first_text(ping.body, "version") == "tidnav-adapter 0.1");
  CHECK(first_text(ping.body, "pingDateTime").size() == 14);

  // Both makes reach the hub's EI, each as one Update with both domains.
  REQUIRE(hub.wait_accepted(2));
  auto posts = hub.accepted();
  REQUIRE(posts.size() == 2);
  CHECK(posts[0].consumer == tidnav::test::test_consumer_hsa_id);
  REQUIRE(posts[0].transactions.size() == 2);
  CHECK(posts[0].transactions[0].record.business_object_instance_identifier == appointment_id);
  REQUIRE(posts[1].transactions.size() == 2);
  CHECK(posts[1].transactions[1].record.business_object_instance_identifier == booking_id);

  // The outbox empties once the hub's answers are recorded (bounded wait).
  std::optional<ei::outbox_metrics> ei;
  for (int i = 0; i < 500; ++i) {
    ei = a.host->ei_metrics();
    REQUIRE(ei);
    if (ei->stored.delivered == 2) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK(ei->stored.pending == 0);
  CHECK(ei->stored.delivered == 2);
  CHECK(hub.calls() == 2);

  // Not POST: refused without touching the system.
  net::client_request get;
  get.url = a.url();
  get.method = "GET";
  auto refused = a.client->request(get);
  REQUIRE(refused.ok());
  CHECK(refused.status == 405);

  a.host->stop();
  const auto lines = a.lines();
  const auto calls = std::count_if(lines.begin(), lines.end(),
                                   [](const std::string& l) { return l.find("\"event\":\"call\"") != std::string::npos; });
  CHECK(calls == 7);  // one line per contract call
}

TEST_CASE("adapter-host: a family the adapter does not serve, and an unknown contract, are Client faults",
          "[adapters][host][served]") {
  const auto dir = scratch_dir("one-family");
  served a(write_memory_config(dir, "", "[scheduling-2.0]"));
  auto crm = a.call(adapters::test::crm11_request("GetSubjectOfCareSchedule",
                                                  {{"healthcare_facility", asa}, {"subject_of_care", tolvan}}));
  REQUIRE(crm.ok());
  CHECK(crm.status == 500);
  CHECK(crm.body.find("Client") != std::string::npos);
  CHECK(crm.body.find("does not serve crm:scheduling 1.1") != std::string::npos);

  auto other = a.call("<x/>", "urn:riv:clinicalprocess:Other:1:Other");
  REQUIRE(other.ok());
  CHECK(other.status == 500);
  CHECK(other.body.find("Unknown contract") != std::string::npos);

  auto garbage = a.call("not xml at all");
  REQUIRE(garbage.ok());
  CHECK(garbage.status == 500);
  CHECK(garbage.body.find("Client") != std::string::npos);

  auto sched2 = a.call(adapters::test::sched2_request(
      "GetAppointments", concat({adapters::test::actor(), adapters::test::person()})));
  REQUIRE(sched2.ok());
  CHECK(sched2.status == 200);
  CHECK_FALSE(a.host->ei_metrics());  // no engagement_index configured
}

TEST_CASE("adapter-host: a client without a trusted certificate is refused", "[adapters][host][served]") {
  const auto dir = scratch_dir("untrusted");
  served a(write_memory_config(dir, ""));
  const auto& pki = tidnav::test::shared_test_pki();
  net::client_options o;
  net::client_tls_options t;
  t.ca_file = pki.ca.cert_file;
  t.cert_file = pki.client_rogue.cert_file;
  t.key_file = pki.client_rogue.key_file;
  o.tls = net::make_client_tls_context(t);
  o.io_threads = 1;
  o.request_timeout = std::chrono::seconds(5);
  net::http_client rogue(o);
  auto r = rogue.request(net::make_post(a.url(), ping_request));
  CHECK_FALSE(r.ok());
}

namespace {

net::client_result get(served& a, const std::string& path) {
  net::client_request r;
  r.url = "https://127.0.0.1:" + std::to_string(a.host->port()) + path;
  r.method = "GET";
  return a.client->request(r);
}

// The value of the one sample line that starts with `series` (name and labels), or -1.
double sample(const std::string& text, const std::string& series) {
  for (std::size_t at = text.find(series); at != std::string::npos; at = text.find(series, at + 1)) {
    if (at != 0 && text[at - 1] != '\n') continue;
    const std::size_t space = at + series.size();
    if (space >= text.size() || text[space] != ' ') continue;
    return std::stod(text.substr(space + 1, text.find('\n', space) - space - 1));
  }
  return -1;
}

}  // namespace

TEST_CASE("adapter-host: /metrics counts calls by outcome and shows the EI outbox; /health/live answers",
          "[adapters][host][served][metrics]") {
  fake_hub hub;
  const auto dir = scratch_dir("metrics");
  served a(write_memory_config(dir, hub.url()));

  auto live = get(a, "/health/live");
  REQUIRE(live.ok());
  CHECK(live.status == 200);

  auto made = a.call(make_11_s101());
  REQUIRE(made.ok());
  INFO(made.body);
  REQUIRE(first_text(made.body, "resultCode") == "OK");
  // The same time again, by another request: the time is taken (business error, HTTP 200).
  auto taken = a.call(adapters::test::crm11_request("MakeBooking", {{"healthcare_facility_med", asa},
                                                                    {"requestedTimeslot.startTimeInclusive", "20310310100000"},
                                                                    {"requestedTimeslot.endTimeExclusive", "20310310103000"},
                                                                    {"requestedTimeslot.healthcare_facility", asa},
                                                                    {"requestedTimeslot.subject_of_care", "198112289874"},
                                                                    {"requestedTimeslot.timeTypeID", "LAK30"}}));
  REQUIRE(taken.ok());
  INFO(taken.body);
  CHECK(taken.status == 200);
  CHECK(first_text(taken.body, "resultCode") == "ERROR");
  auto fault = a.call("<x/>", "urn:riv:clinicalprocess:Other:1:Other");
  REQUIRE(fault.ok());
  CHECK(fault.status == 500);
  REQUIRE(hub.wait_accepted(1));
  for (int i = 0; i < 500; ++i) {
    if (a.host->ei_metrics()->stored.delivered == 1) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }

  auto m = get(a, "/metrics");
  REQUIRE(m.ok());
  INFO(m.body);
  CHECK(m.status == 200);
  const std::string* type = net::find_header(m.headers, "Content-Type");
  REQUIRE(type);
  CHECK(type->find("text/plain; version=0.0.4") == 0);
  CHECK(sample(m.body, R"(tidnav_adapter_calls_total{family="crm-scheduling-1.1",operation="MakeBooking",outcome="ok"})") == 1);
  CHECK(sample(m.body, R"(tidnav_adapter_calls_total{family="crm-scheduling-1.1",operation="MakeBooking",outcome="business_error"})") == 1);
  CHECK(sample(m.body, R"(tidnav_adapter_calls_total{family="",operation="Other",outcome="fault"})") == -1);
  CHECK(sample(m.body, R"(tidnav_adapter_calls_total{family="unrouted",operation="Other",outcome="fault"})") == 1);
  CHECK(sample(m.body, R"(tidnav_adapter_call_duration_seconds_count{family="crm-scheduling-1.1"})") == 2);
  CHECK(sample(m.body, R"(tidnav_adapter_ei_outbox{state="delivered"})") == 1);
  CHECK(sample(m.body, R"(tidnav_adapter_ei_outbox{state="pending"})") == 0);
  CHECK(m.body.find("tidnav_adapter_producer_violations_total") == std::string::npos);  // not a bridge
}

TEST_CASE("adapter-host: metrics: { enabled: false } serves no /metrics", "[adapters][host][served][metrics]") {
  const auto dir = scratch_dir("metrics-off");
  served a(write_memory_config(dir, "", "[scheduling-2.0, crm-scheduling-1.1]", "metrics: { enabled: false }\n"));
  auto m = get(a, "/metrics");
  REQUIRE(m.ok());
  CHECK(m.status == 405);
  auto live = get(a, "/health/live");
  REQUIRE(live.ok());
  CHECK(live.status == 200);
}
