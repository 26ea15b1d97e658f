// SPDX-License-Identifier: GPL-2.0-or-later
// The engagement index behind the route "local:ei": routed, authorised and
// logged like any producer; an Update is durable before the OK.
#include <catch2/catch.hpp>

#include <atomic>
#include <fstream>
#include <functional>
#include <thread>

#include <unistd.h>

#include "hub/app/ei_producer.hpp"
#include "tests/integration/hub_world.hpp"

using namespace tidnav;
using namespace tidnav::test;

namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(TIDNAV_SOURCE_DIR) + "/tests/fixtures/engagementindex-1.0/" + name);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

const char* update_ns = "urn:riv:itintegration:engagementindex:UpdateResponder:1";
const char* find_ns = "urn:riv:itintegration:engagementindex:FindContentResponder:1";

}  // namespace

TEST_CASE("hub: Update and FindContent through local:ei", "[integration][hub][ei]") {
  hub_world_options o;
  o.tak = tak_file(tak_route("e1", "5565594230", "local:ei", "RIVTABP21", update_ns) +
                   tak_route("e2", "5565594230", "local:ei", "RIVTABP21", find_ns) +
                   tak_permission("p1", "5565594230", test_consumer_hsa_id, update_ns) +
                   tak_permission("p2", "5565594230", test_consumer_hsa_id, find_ns));
  o.extra_yaml = "engagement_index: { database: ei.db }\n";
  hub_world w(o);

  auto before = w.call(fixture("FindContent-request.xml"));
  REQUIRE(before.ok());
  CHECK(before.status == 200);
  CHECK(before.body.find("engagementTransaction") == std::string::npos);
  CHECK(before.body.find(":engagement>") == std::string::npos);

  auto update = w.call(fixture("Update-request.xml"));
  REQUIRE(update.ok());
  CHECK(update.status == 200);
  CHECK(update.body.find("OK") != std::string::npos);

  auto after = w.call(fixture("FindContent-request.xml"));
  REQUIRE(after.ok());
  CHECK(after.status == 200);
  CHECK(after.body.find("191212121212") != std::string::npos);
  CHECK(after.body.find("riv:crm:scheduling") != std::string::npos);

  auto metrics = w.admin("GET", "/metrics");
  CHECK(metrics.body.find("tidnav_calls_total{contract=\"urn:riv:itintegration:engagementindex:UpdateResponder:1\",outcome=\"ok\"} 1") !=
        std::string::npos);

  // The index's own figures on the same page.
  INFO(metrics.body);
  const auto has = [&](const std::string& line) { return metrics.body.find(line + "\n") != std::string::npos; };
  CHECK(has("tidnav_ei_posts_total{change=\"inserted\"} 2"));
  CHECK(has("tidnav_ei_requests_total{operation=\"Update\",result=\"ok\"} 1"));
  CHECK(has("tidnav_ei_requests_total{operation=\"FindContent\",result=\"ok\"} 2"));
  CHECK(has("tidnav_ei_requests_total{operation=\"any\",result=\"fault\"} 0"));
  CHECK(has("tidnav_ei_outbox_pending 0"));
  CHECK(has("tidnav_ei_outbox_delivered_total 0"));
  CHECK(has("tidnav_ei_outbox_failed_attempts_total 0"));
  CHECK(has("tidnav_ei_outbox_dead 0"));
  CHECK(has("tidnav_ei_outbox_in_flight 0"));
  CHECK(metrics.body.find("# TYPE tidnav_ei_posts_total counter") != std::string::npos);
  // One exposition: no family twice.
  CHECK(metrics.body.find("# TYPE tidnav_metric_label_overflow_total") ==
        metrics.body.rfind("# TYPE tidnav_metric_label_overflow_total"));

  // And as plain values for the status page and dashboard.
  REQUIRE(w.hub().engagement_index());
  const auto stats = w.hub().engagement_index()->stats();
  CHECK(stats.posts_and_requests.inserted == 2);
  CHECK(stats.posts_and_requests.find_contents == 2);
  CHECK(stats.outbox.pending == 0);
}

TEST_CASE("hub: a route to local:ei without an engagement_index section is a config error", "[integration][hub][ei]") {
  hub_world_options o;
  o.tak = tak_file(tak_route("e1", "5565594230", "https://x.test/ei") + tak_permission("p1", "5565594230"));
  o.extra_yaml = "routes: [ { contract: \"urn:x\", logical_address: A, url: \"local:ei\" } ]\n";
  CHECK_THROWS_WITH(hub_world(o), Catch::Contains("local:ei needs an engagement_index section"));
}

TEST_CASE("hub: a notification waiting in the outbox is delivered after a restart", "[integration][hub][ei]") {
  // The index outlives both hubs; the subscriber is down for the first one.
  const auto db_dir = std::filesystem::temp_directory_path() / ("tidnav-int-outbox-" + std::to_string(::getpid()));
  std::filesystem::remove_all(db_dir);
  std::filesystem::create_directories(db_dir);
  const std::string db = (db_dir / "ei.db").string();
  const auto config = [&](const std::string& subscriber_url) {
    hub_world_options o;
    o.tak = tak_file(tak_route("e1", "5565594230", "local:ei", "RIVTABP21", update_ns) +
                     tak_permission("p1", "5565594230", test_consumer_hsa_id, update_ns));
    o.extra_yaml = "engagement_index:\n  database: " + db + "\n  subscribers:\n    - { logical_address: SE2321000016-SUB1, url: \"" +
                   subscriber_url + "\", service_domain: \"riv:crm:scheduling\" }\n";
    return o;
  };
  const auto wait_until = [](const std::function<bool()>& pred) {
    const auto until = std::chrono::steady_clock::now() + 20s;
    while (!pred() && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(20ms);
    return pred();
  };

  // One subscriber at one address (the outbox keeps where each entry goes):
  // down while the first hub runs, up for the second.
  std::atomic<bool> accepting{false};
  const std::string accepted = fixture("ProcessNotification-response.xml");
  recording_producer subscriber{true, [&accepting, accepted](const net::request_context&, net::responder r) {
                                  if (!accepting) {
                                    r(503, {{"Content-Type", "text/plain"}}, "subscriber down for maintenance");
                                    return;
                                  }
                                  r(200, {{"Content-Type", "text/xml; charset=UTF-8"}}, accepted);
                                }};
  {
    hub_world first(config(subscriber.url()));
    REQUIRE(first.call(fixture("Update-request.xml")).status == 200);
    REQUIRE(wait_until([&] { return first.hub().engagement_index()->stats().outbox.failed_attempts >= 1; }));
    CHECK(first.hub().engagement_index()->stats().outbox.pending == 1);
    CHECK(first.hub().engagement_index()->stats().outbox.delivered == 0);
  }
  const std::size_t refused = subscriber.count();
  CHECK(refused >= 1);

  accepting = true;
  {
    hub_world second(config(subscriber.url()));
    REQUIRE(wait_until([&] { return second.hub().engagement_index()->stats().outbox.delivered == 1; }));
    CHECK(second.hub().engagement_index()->stats().outbox.pending == 0);
    const auto seen = subscriber.requests();
    REQUIRE(seen.size() == refused + 1);
    CHECK(seen.back().body.find("ProcessNotification") != std::string::npos);
    CHECK(seen.back().body.find("191212121212") != std::string::npos);
    CHECK(seen.back().body.find("SE2321000016-SUB1") != std::string::npos);  // addressed to the subscriber
    CHECK(seen.back().body == seen.front().body);                              // the same notification
    const auto metrics = second.admin("GET", "/metrics");
    CHECK(metrics.body.find("tidnav_ei_outbox_delivered_total 1\n") != std::string::npos);
  }
  std::filesystem::remove_all(db_dir);
}
