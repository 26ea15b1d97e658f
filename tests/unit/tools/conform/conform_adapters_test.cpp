// SPDX-License-Identifier: GPL-2.0-or-later
// The kit against the real adapters: Millennium and Cosmic, each behind both
// contract front-ends, talking FHIR to its in-process simulator over TLS. The
// simulators' free times lie in March 2031, so the kit searches there.
#include "adapters/cosmic/cosmic_booking_system.hpp"
#include "adapters/cosmic/net/net_transport.hpp"
#include "adapters/cosmic/sim/cosmic_simulator.hpp"
#include "adapters/millennium/millennium_booking_system.hpp"
#include "adapters/millennium/net/net_transport.hpp"
#include "adapters/millennium/sim/millennium_simulator.hpp"
#include "conform_test_support.hpp"
#include "tests/unit/hub/net/net_test_util.hpp"

#include <catch2/catch.hpp>

using namespace tidnav;
using namespace tidnav::conform;
using namespace tidnav::conform::test;

namespace {

namespace mil = adapters::millennium;
namespace cos = adapters::cosmic;

std::string source(const std::string& relative) { return std::string(TIDNAV_SOURCE_DIR) + "/" + relative; }

net::client_options backend_client() {
  net::client_options co;
  co.tls = tidnav::test::client_ctx();
  co.io_threads = 1;
  co.log = [](std::string_view) {};
  return co;
}

conform_options march_2031(const std::string& url, contract_family family) {
  auto o = options_for(url, family);
  o.from = "20310310";
  o.days = 4;
  return o;
}

// The Millennium tenant of tests/fixtures/millennium/seed.json, as tools/ would configure it.
struct millennium_world {
  millennium_world() {
    mil::sim::simulator_options so;
    so.seed_file = source("tests/fixtures/millennium/seed.json");
    so.tls = tidnav::test::server_ctx();
    so.io_threads = 1;
    sim = mil::sim::start_millennium_simulator(so);
    transport = std::make_unique<mil::net_transport>(backend_client());
    mil::millennium_options o;
    o.base_url = sim->base_url();
    o.token_url = sim->token_url();
    o.client_id = "tidnav-test";
    o.client_secret = "sim-secret";
    const std::string code_set = "https://fhir.cerner.com/ec2458f2-1e24-41c8-b71b-0e701af7583d/codeSet/14249";
    o.locations = {{"LOC-ASA",
                    {{"2572307", code_set, "Läkarbesök 30 min", true, true},
                     {"2572311", code_set, "Sjuksköterskebesök 20 min", true, true}}}};
    o.practitioners = {{"SE2321000016-DOC1", "PR-1", "Doris", "Doktorsson", "Läkare"},
                       {"SE2321000016-DOC2", "PR-2", "Dan", "Doktorsson", "Läkare"}};
    system = std::make_unique<mil::millennium_booking_system>(o, *transport);
    units = single_unit(unit_hsa, "LOC-ASA");
  }
  std::unique_ptr<mil::sim::millennium_simulator> sim;
  std::unique_ptr<mil::net_transport> transport;
  std::unique_ptr<mil::millennium_booking_system> system;
  adapters::unit_table units;
};

struct cosmic_world {
  cosmic_world() {
    cos::sim::simulator_options so;
    so.seed_file = source("tests/fixtures/cosmic/seed.json");
    so.tls = tidnav::test::server_ctx();
    so.io_threads = 1;
    sim = cos::sim::start_cosmic_simulator(so);
    transport = std::make_unique<cos::net_transport>(backend_client());
    cos::cosmic_options o;
    o.base_url = sim->base_url();
    o.token_url = sim->token_url();
    o.client_id = "tidnav-test";
    o.client_secret = "sim-secret";
    o.subscription_key = "sim-subscription-key";
    o.parallel_searches = 2;
    system = std::make_unique<cos::cosmic_booking_system>(o, *transport);
    units = single_unit(unit_hsa, unit_hsa);  // Cosmic knows units by HSA-id
  }
  std::unique_ptr<cos::sim::cosmic_simulator> sim;
  std::unique_ptr<cos::net_transport> transport;
  std::unique_ptr<cos::cosmic_booking_system> system;
  adapters::unit_table units;
};

void expect_clean(const run_report& report) {
  INFO(summary_of(report));
  CHECK(report.errors.empty());
  CHECK(failed_ids(report).empty());
  for (const char* id : {"make.slot-taken", "make.in-list", "make.read-back", "make.double-booking",
                         "cancel.frees-slot", "cancel.twice", "errors.business-not-fault", "kit.cleanup"}) {
    INFO(id);
    CHECK(verdict_of(report, id) == verdict::pass);
  }
}

}  // namespace

TEST_CASE("conform: Millennium adapter through its simulator passes (2.0 and 1.1)", "[conform][millennium]") {
  for (auto family : {contract_family::sched2, contract_family::crm11}) {
    millennium_world w;
    test_producer producer(*w.system, w.units, family);
    expect_clean(run_kit(march_2031(producer.url(), family)));
  }
}

TEST_CASE("conform: Cosmic adapter through its simulator passes (2.0 and 1.1)", "[conform][cosmic]") {
  for (auto family : {contract_family::sched2, contract_family::crm11}) {
    cosmic_world w;
    test_producer producer(*w.system, w.units, family);
    expect_clean(run_kit(march_2031(producer.url(), family)));
  }
}
