// SPDX-License-Identifier: GPL-2.0-or-later
// The outbox reaches the hub: Update over real mutual TLS on loopback, with
// the adapter's client certificate and the platform's LogicalAddress; retried
// after the hub fails; rows written before a restart are delivered after it.
#include "adapters/host/ei_outbox.hpp"
#include "adapters/host/net/ei_sender.hpp"
#include "host_test_support.hpp"
#include "hub/ei/ei_codec.hpp"
#include "hub/ei/outbox_worker.hpp"
#include "tests/support/test_pki.hpp"

#include <catch2/catch.hpp>

#include <thread>

using namespace tidnav;
using namespace tidnav::adapters::host;
using namespace tidnav::adapters::host::test;

namespace {

const std::string tolvan = "191212121212";

ei_settings settings_for(const fake_hub& hub) {
  const auto& pki = tidnav::test::shared_test_pki();
  ei_settings s;
  s.url = hub.url();
  s.logical_address = platform_hsa_id;
  s.client = {pki.client.cert_file, pki.client.key_file, pki.ca.cert_file};
  s.source_system = source_system;
  s.data_controller = data_controller;
  s.timeout = std::chrono::seconds(5);
  return s;
}

ei::outbox_worker_config fast() {
  ei::outbox_worker_config c;
  c.operation = ei::ei_operation::update;
  c.backoff.initial = std::chrono::milliseconds(20);
  c.backoff.max = std::chrono::milliseconds(100);
  c.poll_interval = std::chrono::milliseconds(50);
  return c;
}

ei::engagement_transaction post(const std::string& booking, bool deleted = false) {
  ei::engagement_transaction t;
  t.delete_flag = deleted;
  t.record.registered_resident_identification = tolvan;
  t.record.service_domain = "riv:crm:scheduling";
  t.record.categorization = "NA";
  t.record.logical_address = "SE2321000016-ABC1";
  t.record.business_object_instance_identifier = booking;
  t.record.clinical_process_interest_id = "NA";
  if (!deleted) t.record.most_recent_content = "20310310093000";
  t.record.source_system = source_system;
  t.record.data_controller = data_controller;
  return t;
}

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool wait_until(const std::function<bool()>& done) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (std::chrono::steady_clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

}  // namespace

TEST_CASE("adapter-host: the outbox delivers Update to the hub over mutual TLS, in order", "[adapters][host][ei]") {
  fake_hub hub;
  const auto dir = scratch_dir("deliver");
  ei_outbox box((dir / "ei-outbox.db").string());
  const auto make = post("BK-1");
  const auto cancel = post("BK-1", true);
  box.append(tolvan, platform_hsa_id, hub.url(), std::span(&make, 1), now_ms());
  box.append(tolvan, platform_hsa_id, hub.url(), std::span(&cancel, 1), now_ms());

  ei_sender sender(settings_for(hub));
  ei::outbox_worker worker(box, sender, fast());
  worker.start();
  REQUIRE(hub.wait_accepted(2));
  auto got = hub.accepted();
  REQUIRE(got.size() == 2);
  CHECK(got[0].logical_address == platform_hsa_id);
  CHECK(got[0].consumer == tidnav::test::test_consumer_hsa_id);  // the adapter's client certificate
  CHECK(got[0].soap_action == "\"urn:riv:itintegration:engagementindex:UpdateResponder:1:Update\"");
  REQUIRE(got[0].transactions.size() == 1);
  CHECK(got[0].transactions[0] == make);
  REQUIRE(got[1].transactions.size() == 1);
  CHECK(got[1].transactions[0] == cancel);  // after the make: one person's queue is in order
  CHECK(wait_until([&] { return box.all().empty(); }));
  CHECK(box.outbox_stats().delivered == 2);
  worker.stop();
}

TEST_CASE("adapter-host: a failing hub is retried with back-off until it takes the Update", "[adapters][host][ei]") {
  fake_hub hub;
  hub.fail_next(3);
  const auto dir = scratch_dir("retry");
  ei_outbox box((dir / "ei-outbox.db").string());
  const auto make = post("BK-2");
  box.append(tolvan, platform_hsa_id, hub.url(), std::span(&make, 1), now_ms());

  ei_sender sender(settings_for(hub));
  ei::outbox_worker worker(box, sender, fast());
  worker.start();
  REQUIRE(hub.wait_accepted(1));
  CHECK(hub.calls() == 4);
  CHECK(hub.accepted()[0].transactions[0] == make);
  CHECK(wait_until([&] { return box.outbox_stats().delivered == 1; }));
  CHECK(box.outbox_stats().failed_attempts == 3);
  CHECK(box.all().empty());
  worker.stop();
}

TEST_CASE("adapter-host: a row written before a restart is delivered after it", "[adapters][host][ei]") {
  fake_hub hub;
  const auto dir = scratch_dir("restart");
  const auto path = (dir / "ei-outbox.db").string();
  const auto make = post("BK-3");
  {
    // The adapter wrote the row and died before delivering it (the hub was down).
    hub.fail_next(1000);
    ei_outbox box(path);
    box.append(tolvan, platform_hsa_id, hub.url(), std::span(&make, 1), now_ms());
    ei_sender sender(settings_for(hub));
    ei::outbox_worker worker(box, sender, fast());
    worker.start();
    // Until the refusal is recorded, not just sent: a send still in flight at stop() is forgotten.
    REQUIRE(wait_until([&] {
      const auto rows = box.all();
      return hub.calls() >= 1 && rows.size() == 1 && rows[0].attempts >= 1;
    }));
    worker.stop();
    CHECK(box.all().size() == 1);
  }
  hub.fail_next(0);
  ei_outbox reopened(path);
  REQUIRE(reopened.all().size() == 1);
  CHECK(reopened.all()[0].attempts >= 1);
  ei_sender sender(settings_for(hub));
  ei::outbox_worker worker(reopened, sender, fast());
  worker.start();
  REQUIRE(hub.wait_accepted(1));
  CHECK(hub.accepted()[0].transactions[0] == make);
  CHECK(wait_until([&] { return reopened.all().empty(); }));
  worker.stop();
}
