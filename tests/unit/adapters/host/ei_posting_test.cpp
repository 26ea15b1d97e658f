// SPDX-License-Identifier: GPL-2.0-or-later
// The EI decorator: each successful make/update/cancel/confirm leaves exactly
// one durable outbox row with the right fields; failed writes leave none.
#include "adapters/core/name_uuid.hpp"
#include "adapters/core/swedish_time.hpp"
#include "adapters/host/adapter_config.hpp"
#include "adapters/host/ei_posting_system.hpp"
#include "host_test_support.hpp"
#include "tests/unit/adapters/core/adapter_test_support.hpp"

#include <catch2/catch.hpp>

using namespace tidnav;
using namespace tidnav::adapters;
using namespace tidnav::adapters::host;
using namespace tidnav::adapters::host::test;
using adapters::test::asa;
using adapters::test::berga;
using adapters::test::tolvan;

namespace {

const instant change_time = *ts_to_instant("20310301121500");
const std::string hub_url = "https://hub.example:8443/";

struct ei_world {
  explicit ei_world(ei_post_settings settings = {source_system, data_controller, true, true})
      : system(adapters::test::fixture_seed()),
        units(adapters::test::fixture_units()),
        dir(scratch_dir("ei")),
        outbox(std::make_unique<ei_outbox>((dir / "ei-outbox.db").string())),
        posting(std::make_unique<ei_posting_system>(system, units, settings,
                                                    ei_destination{platform_hsa_id, hub_url}, *outbox,
                                                    ei_posting_system::hooks{[] { return change_time; },
                                                                             [this] { ++enqueued; },
                                                                             [this](const std::string& p) {
                                                                               problems.push_back(p);
                                                                             }})) {}

  make_request at(const std::string& slot) const {
    make_request m;
    m.person = who();
    m.slot = slot;
    return m;
  }
  deadline soon() const { return std::chrono::steady_clock::now() + std::chrono::seconds(5); }
  person_id who(const std::string& pnr = tolvan) const { return {person_number_kind::personnummer, pnr}; }

  memory_booking_system system;
  unit_table units;
  std::filesystem::path dir;
  std::unique_ptr<ei_outbox> outbox;
  int enqueued = 0;
  std::vector<std::string> problems;
  std::unique_ptr<ei_posting_system> posting;
};

void check_common(const ei::engagement_transaction& t, const std::string& unit_hsa) {
  CHECK(t.record.registered_resident_identification == tolvan);
  CHECK(t.record.categorization == "NA");
  CHECK(t.record.clinical_process_interest_id == "NA");
  CHECK(t.record.logical_address == unit_hsa);
  CHECK(t.record.source_system == source_system);
  CHECK(t.record.data_controller == data_controller);
  CHECK_FALSE(t.record.owner);          // set by the index, never sent
  CHECK_FALSE(t.record.creation_time);  // ditto
  CHECK_FALSE(t.record.update_time);
}

}  // namespace

TEST_CASE("adapter-host: make, update and cancel each leave exactly one outbox row with the EI fields",
          "[adapters][host][ei]") {
  ei_world w;
  // make
  auto made = w.posting->make("VC-ASA", w.at("S-100"), w.soon());
  REQUIRE(made);
  const std::string id = made.value().appointment;
  auto rows = w.outbox->all();
  REQUIRE(rows.size() == 1);
  CHECK(w.enqueued == 1);
  CHECK(rows[0].logical_address == platform_hsa_id);
  CHECK(rows[0].target == hub_url);
  REQUIRE(rows[0].transactions.size() == 2);
  const auto& s2 = rows[0].transactions[0];
  const auto& c11 = rows[0].transactions[1];
  check_common(s2, asa);
  check_common(c11, asa);
  CHECK_FALSE(s2.delete_flag);
  CHECK(s2.record.service_domain == "riv:supportprocess:logistics:scheduling");
  CHECK(s2.record.business_object_instance_identifier == contract_id(native_id_kind::appointment, "VC-ASA", id));
  CHECK(s2.record.most_recent_content == "20310301121500");  // 2.0: when the post changed
  CHECK(c11.record.service_domain == "riv:crm:scheduling");
  CHECK(c11.record.business_object_instance_identifier == id);  // 1.1: the bookingId
  CHECK(c11.record.most_recent_content == "20310310093000");    // 1.1: the booking's start

  // update keeping the id: one row, an upsert with the new start
  update_request u;
  u.appointment = id;
  u.person = w.who();
  u.slot = "S-101";
  REQUIRE(w.posting->update("VC-ASA", u, w.soon()));
  rows = w.outbox->all();
  REQUIRE(rows.size() == 2);
  REQUIRE(rows[1].transactions.size() == 2);
  CHECK_FALSE(rows[1].transactions[0].delete_flag);
  CHECK(rows[1].transactions[1].record.business_object_instance_identifier == id);
  CHECK(rows[1].transactions[1].record.most_recent_content == "20310310100000");

  // cancel: one row, deleteFlag and no mostRecentContent
  cancel_request c;
  c.appointment = id;
  c.person = w.who();
  REQUIRE(w.posting->cancel("VC-ASA", c, w.soon()));
  rows = w.outbox->all();
  REQUIRE(rows.size() == 3);
  REQUIRE(rows[2].transactions.size() == 2);
  for (const auto& t : rows[2].transactions) {
    CHECK(t.delete_flag);
    CHECK_FALSE(t.record.most_recent_content);
    check_common(t, asa);
  }
  CHECK(rows[2].transactions[0].record.business_object_instance_identifier ==
        s2.record.business_object_instance_identifier);
  CHECK(rows[2].transactions[1].record.business_object_instance_identifier == id);
  CHECK(w.problems.empty());
}

TEST_CASE("adapter-host: failed writes leave no outbox row", "[adapters][host][ei]") {
  ei_world w;
  CHECK_FALSE(w.posting->make("VC-ASA", w.at("S-199"), w.soon()));  // in the past
  CHECK_FALSE(w.posting->make("VC-ASA", w.at("S-NOPE"), w.soon()));
  cancel_request inside_notice;
  inside_notice.appointment = "BK-901";
  inside_notice.person = w.who();
  CHECK_FALSE(w.posting->cancel("VC-ASA", inside_notice, w.soon()));
  update_request u;
  u.appointment = "BK-901";
  u.person = w.who();
  u.slot = "S-101";
  CHECK_FALSE(w.posting->update("VC-ASA", u, w.soon()));
  w.system.fail_with(technical_code::backend_down);
  CHECK_FALSE(w.posting->make("VC-ASA", w.at("S-100"), w.soon()));
  CHECK_FALSE(w.posting->confirm("VC-ASA", confirm_request{"BK-903", w.who()}, w.soon()));
  CHECK(w.outbox->all().empty());
  CHECK(w.enqueued == 0);
}

TEST_CASE("adapter-host: confirm posts, a booking at another unit of the group carries that unit",
          "[adapters][host][ei]") {
  ei_world w;
  REQUIRE(w.posting->confirm("VC-ASA", confirm_request{"BK-903", w.who()}, w.soon()));
  auto made = w.posting->make("VC-ASA", w.at("S-300"), w.soon());  // S-300 is VC-BERGA's
  REQUIRE(made);
  auto rows = w.outbox->all();
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].transactions[1].record.business_object_instance_identifier == "BK-903");
  CHECK(rows[0].transactions[1].record.most_recent_content == "20310307100000");
  for (const auto& t : rows[1].transactions) CHECK(t.record.logical_address == berga);
  CHECK(rows[1].transactions[0].record.business_object_instance_identifier ==
        contract_id(native_id_kind::appointment, "VC-BERGA", made.value().appointment));
}

TEST_CASE("adapter-host: only the configured domains are posted", "[adapters][host][ei]") {
  ei_world w({source_system, data_controller, false, true});
  REQUIRE(w.posting->make("VC-ASA", w.at("S-100"), w.soon()));
  auto rows = w.outbox->all();
  REQUIRE(rows.size() == 1);
  REQUIRE(rows[0].transactions.size() == 1);
  CHECK(rows[0].transactions[0].record.service_domain == "riv:crm:scheduling");
}

TEST_CASE("adapter-host: outbox rows survive closing and reopening the file", "[adapters][host][ei]") {
  const auto dir = scratch_dir("reopen");
  const auto path = (dir / "ei-outbox.db").string();
  ei::engagement_transaction t;
  t.record.registered_resident_identification = tolvan;
  t.record.service_domain = "riv:crm:scheduling";
  t.record.categorization = "NA";
  t.record.logical_address = asa;
  t.record.business_object_instance_identifier = "BK-1";
  t.record.clinical_process_interest_id = "NA";
  t.record.source_system = source_system;
  t.record.data_controller = data_controller;
  {
    ei_outbox box(path);
    box.append(tolvan, platform_hsa_id, hub_url, std::span(&t, 1), 1000);
    box.append(tolvan, platform_hsa_id, hub_url, std::span(&t, 1), 1000);
    box.append("190101019801", platform_hsa_id, hub_url, std::span(&t, 1), 1000);
  }
  ei_outbox box(path);
  auto rows = box.all();
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].transactions.front() == t);
  // Only queue heads are due: the second row of tolvan's queue waits for the first.
  auto due = box.due_notifications(2000, 10, {});
  REQUIRE(due.size() == 2);
  CHECK(due[0].id == rows[0].id);
  CHECK(due[1].id == rows[2].id);
  CHECK(box.due_notifications(999, 10, {}).empty());  // not yet due
  box.mark_failed(rows[0].id, 5000, "down", false);
  CHECK(box.next_due_ms() == 1000);  // the other queue's head
  box.mark_delivered(rows[2].id);
  CHECK(box.next_due_ms() == 5000);
  auto stats = box.outbox_stats();
  CHECK(stats.pending == 2);
  CHECK(stats.delivered == 1);
  CHECK(stats.failed_attempts == 1);
}
