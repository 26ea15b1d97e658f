// SPDX-License-Identifier: GPL-2.0-or-later
// The aggregating service behind "local:aggregate": engagements in the index
// name the units; each unit is called through the hub; the answer is one
// merged response with a ProcessingStatus record per unit, in time.
#include <catch2/catch.hpp>

#include <fstream>

#include "tests/integration/hub_world.hpp"

using namespace tidnav;
using namespace tidnav::test;

namespace {

const char* update_ns = "urn:riv:itintegration:engagementindex:UpdateResponder:1";
const char* platform = "5565594230";
const char* person = "191212121212";

std::size_t count_of(const std::string& s, const std::string& needle) {
  std::size_t n = 0;
  for (auto p = s.find(needle); p != std::string::npos; p = s.find(needle, p + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("hub: aggregated GetSubjectOfCareSchedule over several units", "[integration][hub][aggregation]") {
  const std::string answer = fixture_text("crm-scheduling-1.1/GetSubjectOfCareSchedule-response.xml");
  recording_producer fast{true, [answer](const net::request_context&, net::responder r) {
                            r(200, {{"Content-Type", "text/xml"}}, answer);
                          }};
  recording_producer slow{true, [answer](const net::request_context&, net::responder r) {
                            std::thread([r, answer] {
                              std::this_thread::sleep_for(1500ms);
                              r(200, {{"Content-Type", "text/xml"}}, answer);
                            }).detach();
                          }};
  recording_producer faulty{true, [](const net::request_context&, net::responder r) {
                              r(500, {{"Content-Type", "text/xml"}},
                                "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                                "<faultcode>soap:Server</faultcode><faultstring>down</faultstring></soap:Fault></soap:Body></soap:Envelope>");
                            }};
  const std::string crm = crm_ns;
  hub_world_options o;
  o.tak = tak_file(tak_route("a", platform, "local:aggregate") + tak_permission("pa", platform) +
                   tak_route("e", platform, "local:ei", "RIVTABP21", update_ns) +
                   tak_permission("pe", platform, test_consumer_hsa_id, update_ns) +
                   tak_route("u1", "SE-UNIT1", fast.url()) + tak_permission("p1", "SE-UNIT1") +
                   tak_route("u2", "SE-UNIT2", slow.url()) + tak_permission("p2", "SE-UNIT2") +
                   tak_route("u3", "SE-UNIT3", faulty.url()) + tak_permission("p3", "SE-UNIT3") +
                   tak_route("u4", "SE-NOAUTH", fast.url()));
  o.extra_yaml = "engagement_index: { database: ei.db }\naggregation: { unit_timeout_ms: 600, deadline_ms: 900 }\n";
  hub_world w(o);

  SECTION("no engagements: an empty answer with an empty ProcessingStatus") {
    auto r = w.call(envelope21(platform));
    REQUIRE(r.ok());
    CHECK(r.status == 200);
    CHECK(r.body.find("ProcessingStatus") != std::string::npos);
    CHECK(r.body.find("timeslotDetail") == std::string::npos);
  }

  SECTION("units answering, slow, faulting, unauthorised, the platform itself and a duplicate") {
    auto up = w.call(ei_update_for(person, {"SE-UNIT1", "se-unit1", "SE-UNIT2", "SE-UNIT3", "SE-NOAUTH"}));
    REQUIRE(up.ok());
    REQUIRE(up.status == 200);
    const auto t0 = std::chrono::steady_clock::now();
    auto r = w.call(envelope21(platform));
    const auto took = std::chrono::steady_clock::now() - t0;
    REQUIRE(r.ok());
    CHECK(r.status == 200);
    CHECK(took < 1400ms);  // the 900 ms deadline, not the slow unit's 1.5 s
    CHECK(fast.count() == 1);  // SE-UNIT1 once, although the index holds it twice; SE-NOAUTH dropped
    CHECK(faulty.count() == 1);
    // Three records: UNIT1 from source, UNIT2 timed out, UNIT3 faulted; none for SE-NOAUTH.
    CHECK(count_of(r.body, "DataFromSource") == 1);
    CHECK(count_of(r.body, "NoDataSynchFailed") == 2);
    CHECK(r.body.find("SE-NOAUTH") == std::string::npos);
    CHECK(r.body.find("service_producer") != std::string::npos);
    CHECK(r.body.find(">504<") != std::string::npos);
    CHECK(r.body.find("timeslotDetail") != std::string::npos);
    // The unit saw its own address in the header and the body.
    const auto seen = fast.requests();
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].body.find("SE-UNIT1") != std::string::npos);
    CHECK(seen[0].body.find(platform) == std::string::npos);
  }
}
