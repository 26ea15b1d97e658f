// SPDX-License-Identifier: GPL-2.0-or-later
// The change feed (adapters/host/change_poller.hpp) against the real
// Millennium and Cosmic simulators over TLS on loopback: bookings made, moved
// and cancelled directly in the system (the simulators' /_sim/direct door,
// never the adapter) become EI Update rows in the adapter's outbox; the
// watermark survives a restart; paging; a system that is down. Every wait is
// bounded.
#include "adapters/cosmic/cosmic_changes.hpp"
#include "adapters/cosmic/net/net_transport.hpp"
#include "adapters/cosmic/sim/cosmic_simulator.hpp"
#include "adapters/fhir/change_feed.hpp"
#include "adapters/host/change_poller.hpp"
#include "adapters/host/net/adapter_host.hpp"
#include "adapters/host/net/builtin_systems.hpp"
#include "adapters/millennium/millennium_changes.hpp"
#include "adapters/millennium/net/net_transport.hpp"
#include "adapters/millennium/sim/millennium_simulator.hpp"
#include "host_test_support.hpp"
#include "tests/support/test_pki.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <thread>

using namespace tidnav;
using namespace tidnav::adapters;
using namespace tidnav::adapters::host;
using namespace tidnav::adapters::host::test;
using json = nlohmann::json;

// A named namespace: the suite is a unity build, and other files have their own asa/tolvan.
namespace change_feed_test {

const std::string asa = "SE2321000016-ABC1";
const std::string tolvan = "191212121212";
const std::string lisa = "198112189876";

net::tls_context_ptr server_tls() {
  const auto& pki = tidnav::test::shared_test_pki();
  net::server_tls_options t;
  t.cert_chain_file = pki.server.cert_file;
  t.key_file = pki.server.key_file;
  t.ca_file = pki.ca.cert_file;
  t.require_client_cert = false;
  return net::make_server_tls_context(t);
}

net::client_options backend_client() {
  const auto& pki = tidnav::test::shared_test_pki();
  net::client_options o;
  net::client_tls_options t;
  t.ca_file = pki.ca.cert_file;
  o.tls = net::make_client_tls_context(t);
  o.io_threads = 1;
  o.request_timeout = std::chrono::seconds(5);
  o.connect_timeout = std::chrono::seconds(2);
  o.log = [](std::string_view) {};
  return o;
}

// One simulator, its change source over TLS, and an outbox + watermark in a scratch state dir.
struct feed_world {
  explicit feed_world(const std::string& system, std::size_t page_size = 100) : system(system) {
    const std::string fixtures = std::string(TIDNAV_SOURCE_DIR) + "/tests/fixtures/";
    transport = std::make_unique<fhir::net_transport>(backend_client());
    std::vector<std::string> errors;
    if (system == "millennium") {
      millennium::sim::simulator_options o;
      o.seed_file = fixtures + "millennium/seed.json";
      o.tls = server_tls();
      mil = millennium::sim::start_millennium_simulator(o);
      millennium::millennium_options mo;
      mo.base_url = mil->base_url();
      mo.token_url = mil->token_url();
      mo.client_id = "tidnav-test";
      mo.client_secret = "sim-secret";
      mo.max_pages = 20;
      source = std::make_unique<millennium::millennium_change_source>(mo, *transport);
      units = unit_table::build({{asa, "LOC-ASA", "Åsa"}}, errors);
    } else {
      cosmic::sim::simulator_options o;
      o.seed_file = fixtures + "cosmic/seed.json";
      o.tls = server_tls();
      cos = cosmic::sim::start_cosmic_simulator(o);
      cosmic::cosmic_options co;
      co.base_url = cos->base_url();
      co.token_url = cos->token_url();
      co.client_id = "tidnav-test";
      co.client_secret = "sim-secret";
      co.subscription_key = "sim-subscription-key";
      source = std::make_unique<cosmic::cosmic_change_source>(co, *transport);
      units = unit_table::build({{asa, asa, "Åsa"}}, errors);
    }
    REQUIRE(errors.empty());
    dir = scratch_dir("change-feed-" + system);
    outbox = std::make_unique<ei_outbox>((dir / "ei-outbox.db").string());
    settings.page_size = page_size;
    settings.overlap = std::chrono::seconds(5);
    settings.timeout = std::chrono::seconds(10);
    open_poller();
  }

  // A fresh poller over the same files, as after a restart.
  void open_poller() {
    poller.reset();
    watermark = std::make_unique<change_watermark>((dir / "change-feed.db").string());
    change_poller::hooks h;
    h.log = [this](const std::string& event, const std::string& detail) {
      std::lock_guard lock(log_mutex);
      log.push_back(event + ": " + detail);
    };
    poller = std::make_unique<change_poller>(*source, units,
                                             ei_post_settings{source_system, data_controller, true, true},
                                             ei_destination{platform_hsa_id, "https://127.0.0.1:1/"}, *outbox,
                                             *watermark, settings, std::move(h));
  }

  // POST /_sim/direct/<action>: a change made by staff directly in the system.
  json direct(const std::string& action, const json& body) {
    net::client_options o = backend_client();
    net::http_client client(o);
    const std::string origin = mil ? mil->origin() : cos->origin();
    auto r = client.request(net::make_post(origin + "/_sim/direct/" + action, body.dump(),
                                           {{"Content-Type", "application/json"}}));
    INFO(r.detail);
    REQUIRE(r.ok());
    INFO(r.body);
    REQUIRE(r.status / 100 == 2);
    return json::parse(r.body);
  }
  std::string book(const std::string& slot, const std::string& person) {
    return direct("book", {{"slot", slot}, {"patient", person}}).at("id").get<std::string>();
  }

  // The transactions of every outbox row, oldest first.
  std::vector<ei::engagement_transaction> posted() {
    std::vector<ei::engagement_transaction> out;
    for (const auto& row : outbox->all()) {
      for (const auto& t : row.transactions) out.push_back(t);
    }
    return out;
  }
  // The crm:scheduling posts (business id = the native booking id) of `id`.
  std::vector<ei::engagement_transaction> crm_posts(const std::string& id) {
    std::vector<ei::engagement_transaction> out;
    for (const auto& t : posted()) {
      if (t.record.service_domain == "riv:crm:scheduling" && t.record.business_object_instance_identifier == id) {
        out.push_back(t);
      }
    }
    return out;
  }

  std::string system;
  std::unique_ptr<millennium::sim::millennium_simulator> mil;
  std::unique_ptr<cosmic::sim::cosmic_simulator> cos;
  std::unique_ptr<fhir::net_transport> transport;
  std::unique_ptr<change_source> source;
  unit_table units;
  std::filesystem::path dir;
  std::unique_ptr<ei_outbox> outbox;
  change_feed_settings settings;
  std::unique_ptr<change_watermark> watermark;
  std::unique_ptr<change_poller> poller;
  std::mutex log_mutex;
  std::vector<std::string> log;
};

}  // namespace change_feed_test

namespace cft = change_feed_test;

TEST_CASE("change feed: a booking made directly in the system becomes an EI upsert within one poll",
          "[adapter_host][change_feed]") {
  for (const std::string system : {"millennium", "cosmic"}) {
    SECTION(system) {
      cft::feed_world w(system);
      auto first = w.poller->poll_once();  // sets the watermark at now; the seed is older news
      INFO(first.error);
      REQUIRE(first.ok);
      const std::size_t before = w.posted().size();
      const std::string id = w.book("S-103", cft::tolvan);
      const auto r = w.poller->poll_once();
      INFO(r.error);
      REQUIRE(r.ok);
      CHECK(r.posted >= 1);
      const auto crm = w.crm_posts(id);
      REQUIRE(crm.size() == 1);
      CHECK_FALSE(crm[0].delete_flag);
      CHECK(crm[0].record.registered_resident_identification == cft::tolvan);
      CHECK(crm[0].record.logical_address == cft::asa);
      CHECK(crm[0].record.source_system == source_system);
      CHECK(crm[0].record.most_recent_content == std::optional<std::string>("20310311083000"));  // start, Swedish time
      // ... and the 2.0 post of the same booking
      CHECK(w.posted().size() == before + 2);
      const auto rows = w.outbox->all();
      REQUIRE_FALSE(rows.empty());
      CHECK(rows.back().logical_address == platform_hsa_id);
      // Nothing new: the next poll posts nothing (the overlap is deduplicated).
      const auto again = w.poller->poll_once();
      CHECK(again.ok);
      CHECK(again.posted == 0);
      CHECK(w.posted().size() == before + 2);
    }
  }
}

TEST_CASE("change feed: a direct cancel posts deleteFlag, a direct move posts the new time",
          "[adapter_host][change_feed]") {
  for (const std::string system : {"millennium", "cosmic"}) {
    SECTION(system) {
      cft::feed_world w(system);
      REQUIRE(w.poller->poll_once().ok);
      const std::string id = w.book("S-104", cft::tolvan);
      REQUIRE(w.poller->poll_once().ok);
      w.direct("move", {{"id", id}, {"slot", "S-107"}});
      REQUIRE(w.poller->poll_once().ok);
      w.direct("cancel", {{"id", id}});
      const auto r = w.poller->poll_once();
      INFO(r.error);
      REQUIRE(r.ok);
      const auto crm = w.crm_posts(id);
      REQUIRE(crm.size() == 3);
      CHECK(crm[0].record.most_recent_content == std::optional<std::string>("20310311090000"));
      CHECK_FALSE(crm[1].delete_flag);
      CHECK(crm[1].record.most_recent_content == std::optional<std::string>("20310312090000"));
      CHECK(crm[2].delete_flag);
      CHECK_FALSE(crm[2].record.most_recent_content);
      CHECK(crm[2].record.registered_resident_identification == cft::tolvan);
    }
  }
}

TEST_CASE("change feed: a restarted poller resumes from the persisted watermark", "[adapter_host][change_feed]") {
  cft::feed_world w("millennium");
  REQUIRE(w.poller->poll_once().ok);
  const std::string one = w.book("S-105", cft::tolvan);
  REQUIRE(w.poller->poll_once().ok);
  REQUIRE(w.crm_posts(one).size() == 1);
  const auto mark = w.watermark->watermark();
  REQUIRE(mark);

  // Changed while the adapter was down.
  w.poller.reset();
  w.watermark.reset();
  const std::string two = w.book("S-106", cft::lisa);
  w.open_poller();
  CHECK(w.watermark->watermark() == mark);
  const auto r = w.poller->poll_once();
  INFO(r.error);
  REQUIRE(r.ok);
  CHECK(r.posted == 1);  // the new one only; the first is inside the overlap but already posted
  CHECK(w.crm_posts(one).size() == 1);
  REQUIRE(w.crm_posts(two).size() == 1);
  CHECK(w.crm_posts(two)[0].record.registered_resident_identification == cft::lisa);
  CHECK(*w.watermark->watermark() > *mark);
}

TEST_CASE("change feed: more changes than a page are read over several pages", "[adapter_host][change_feed]") {
  for (const std::string system : {"millennium", "cosmic"}) {
    SECTION(system) {
      cft::feed_world w(system, 2);
      REQUIRE(w.poller->poll_once().ok);
      std::vector<std::string> ids;
      // Different days: Cosmic refuses one person two bookings at one time.
      for (const char* slot : {"S-100", "S-103", "S-106", "S-101", "S-104"}) ids.push_back(w.book(slot, cft::tolvan));
      const auto r = w.poller->poll_once();
      INFO(r.error);
      REQUIRE(r.ok);
      CHECK(r.pages >= 3);
      CHECK(r.posted == 5);
      for (const auto& id : ids) CHECK(w.crm_posts(id).size() == 1);
    }
  }
}

TEST_CASE("change feed: a booking at a unit this adapter does not serve is skipped", "[adapter_host][change_feed]") {
  cft::feed_world w("millennium");
  REQUIRE(w.poller->poll_once().ok);
  const std::string id = w.book("S-200", cft::tolvan);  // LOC-BRG
  const auto r = w.poller->poll_once();
  REQUIRE(r.ok);
  CHECK(r.skipped == 1);
  CHECK(w.crm_posts(id).empty());
}

TEST_CASE("change feed: the system down is logged, retried next poll, and nothing is lost",
          "[adapter_host][change_feed]") {
  for (const std::string system : {"millennium", "cosmic"}) {
    SECTION(system) {
      cft::feed_world w(system);
      REQUIRE(w.poller->poll_once().ok);
      const std::string id = w.book("S-107", cft::tolvan);
      fhir::sim::injected_fault down;
      down.status = 503;
      if (w.mil) w.mil->inject(down);
      if (w.cos) w.cos->inject(down);
      const auto mark = w.watermark->watermark();
      const auto failed = w.poller->poll_once();
      CHECK_FALSE(failed.ok);
      CHECK_FALSE(failed.error.empty());
      CHECK(w.watermark->watermark() == mark);
      CHECK(w.crm_posts(id).empty());
      {
        std::lock_guard lock(w.log_mutex);
        REQUIRE_FALSE(w.log.empty());
        CHECK(w.log.back().rfind("change_feed_failed", 0) == 0);
      }
      if (w.mil) w.mil->clear_fault();
      if (w.cos) w.cos->clear_fault();
      const auto r = w.poller->poll_once();
      INFO(r.error);
      REQUIRE(r.ok);
      CHECK(w.crm_posts(id).size() == 1);
    }
  }
}

TEST_CASE("change feed: the whole adapter posts a direct Millennium booking to the EI", "[adapter_host][change_feed]") {
  const auto& pki = tidnav::test::shared_test_pki();
  fake_hub hub;
  millennium::sim::simulator_options o;
  o.seed_file = std::string(TIDNAV_SOURCE_DIR) + "/tests/fixtures/millennium/seed.json";
  o.tls = cft::server_tls();
  auto mil = millennium::sim::start_millennium_simulator(o);
  const auto dir = scratch_dir("change-feed-host");
  const std::string code_set = "https://fhir.cerner.com/ec2458f2-1e24-41c8-b71b-0e701af7583d/codeSet/14249";
  const std::string yaml =
      "system: millennium\n"
      "tls: { cert: '" + pki.server.cert_file.string() + "', key: '" + pki.server.key_file.string() + "', ca: '" +
      pki.ca.cert_file.string() + "' }\n"
      "state_dir: state\nworkers: 2\n"
      "units:\n  - { hsa_id: " + cft::asa + ", native_id: LOC-ASA, name: Åsa }\n"
      "time_types:\n  - { unit: " + cft::asa + ", code: '2572307', system: '" + code_set + "', name: Läkarbesök }\n"
      "backend: { base_url: '" + mil->base_url() + "', token_url: '" + mil->token_url() +
      "', client_id: tidnav-test, client_secret: sim-secret, ca: '" + pki.ca.cert_file.string() + "' }\n"
      "engagement_index:\n"
      "  url: '" + hub.url() + "'\n"
      "  logical_address: '" + platform_hsa_id + "'\n"
      "  client: { cert: '" + pki.client.cert_file.string() + "', key: '" + pki.client.key_file.string() + "' }\n"
      "  source_system: " + source_system + "\n"
      "  data_controller: " + data_controller + "\n"
      "  retry: { initial_ms: 20, max_ms: 100 }\n"
      "  change_feed: { interval_ms: 200, overlap_ms: 2000 }\n";
  write_file(dir / "adapter.yaml", yaml);
  auto cfg = load_adapter_config(dir / "adapter.yaml", builtin_systems());
  if (!cfg) {
    for (const auto& e : cfg.error()) UNSCOPED_INFO(e.to_string());
  }
  REQUIRE(cfg);
  CHECK(cfg.value()->engagement_index->change_feed.interval == std::chrono::milliseconds(200));
  adapter_host host(cfg.value(), [](const std::string&) {});
  host.start();
  // Wait (bounded) until the first poll has set the watermark, so the booking is news.
  const auto feed_db = dir / "state" / "change-feed.db";
  for (int i = 0; i < 100 && !std::filesystem::exists(feed_db); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  std::this_thread::sleep_for(std::chrono::milliseconds(400));

  net::http_client client(cft::backend_client());
  auto r = client.request(net::make_post(mil->origin() + "/_sim/direct/book",
                                         json{{"slot", "S-108"}, {"patient", cft::tolvan}}.dump(),
                                         {{"Content-Type", "application/json"}}));
  INFO(r.detail);
    REQUIRE(r.ok());
  REQUIRE(r.status == 201);
  const std::string id = json::parse(r.body).at("id");

  bool seen = false;
  const auto stop = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (!seen && std::chrono::steady_clock::now() < stop) {
    for (const auto& u : hub.accepted()) {
      for (const auto& t : u.transactions) {
        if (t.record.business_object_instance_identifier == id && !t.delete_flag) seen = true;
      }
    }
    if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  host.stop();
  CHECK(seen);
}

TEST_CASE("change feed: engagement_index.change_feed is read, checked and defaulted", "[adapter_host][change_feed]") {
  const auto dir = scratch_dir("change-feed-config");
  {
    auto r = load_adapter_config(write_memory_config(dir, "https://127.0.0.1:9/"), builtin_systems());
    REQUIRE(r);
    const auto& f = r.value()->engagement_index->change_feed;
    CHECK_FALSE(f.enabled);  // unset: the host decides by system
    CHECK(f.interval == std::chrono::seconds(30));
    CHECK(f.overlap == std::chrono::seconds(5));
    CHECK(f.page_size == 100);
  }
  {
    // write_memory_config appends `extra` after engagement_index's last key, so it nests there.
    auto r = load_adapter_config(
        write_memory_config(dir, "https://127.0.0.1:9/", "[scheduling-2.0, crm-scheduling-1.1]",
                            "  change_feed: { enabled: false, interval_ms: 1500, overlap_ms: 0, page_size: 7 }\n"),
        builtin_systems());
    if (!r) {
      for (const auto& e : r.error()) UNSCOPED_INFO(e.to_string());
    }
    REQUIRE(r);
    const auto& f = r.value()->engagement_index->change_feed;
    CHECK(f.enabled == std::optional<bool>(false));
    CHECK(f.interval == std::chrono::milliseconds(1500));
    CHECK(f.overlap == std::chrono::milliseconds(0));
    CHECK(f.page_size == 7);
  }
  {
    auto r = load_adapter_config(
        write_memory_config(dir, "https://127.0.0.1:9/", "[scheduling-2.0, crm-scheduling-1.1]",
                            "  change_feed: { intervall_ms: 1500, page_size: 0 }\n"),
        builtin_systems());
    REQUIRE_FALSE(r);
    std::string all;
    for (const auto& e : r.error()) all += e.to_string() + "\n";
    INFO(all);
    CHECK(all.find("engagement_index.change_feed") != std::string::npos);
    CHECK(all.find("intervall_ms") != std::string::npos);
    CHECK(all.find("page_size") != std::string::npos);
  }
}

TEST_CASE("change feed: lastUpdated instants keep their milliseconds", "[adapter_host][change_feed]") {
  using fhir::fhir_instant_ms;
  using fhir::parse_fhir_instant_ms;
  const auto t = parse_fhir_instant_ms("2026-12-06T22:53:49.123Z");
  REQUIRE(t);
  CHECK(fhir_instant_ms(*t) == "2026-12-06T22:53:49.123Z");
  CHECK(parse_fhir_instant_ms("2026-12-06T23:53:49.5+01:00") == *t + std::chrono::milliseconds(377));
  CHECK(parse_fhir_instant_ms("2026-12-06T22:53:49Z") == *t - std::chrono::milliseconds(123));
  CHECK_FALSE(parse_fhir_instant_ms("yesterday"));
  CHECK(fhir::change_query(*t, 50) == "_lastUpdated=gt2026-12-06T22:53:49.123Z&_sort=_lastUpdated&_count=50");
}

TEST_CASE("change feed: a changed Appointment is read by change_of; no lastUpdated is a bad answer",
          "[adapter_host][change_feed]") {
  const auto c = fhir::change_of(
      json{{"id", "A-1"}, {"status", "cancelled"}, {"meta", {{"lastUpdated", "2026-12-06T22:53:49.123Z"}}}});
  REQUIRE(c);
  CHECK(c.value().id == "A-1");
  CHECK(c.value().status == "cancelled");
  CHECK(c.value().removed);
  CHECK(c.value().last_updated == *fhir::parse_fhir_instant_ms("2026-12-06T22:53:49.123Z"));
  const auto booked =
      fhir::change_of(json{{"id", "A-2"}, {"status", "booked"}, {"meta", {{"lastUpdated", "2026-12-06T22:53:49Z"}}}});
  REQUIRE(booked);
  CHECK_FALSE(booked.value().removed);
  const json no_meta{{"id", "A-3"}, {"status", "booked"}};
  const json not_an_instant{{"id", "A-4"}, {"meta", {{"lastUpdated", "soon"}}}};
  for (const json& bad : {no_meta, not_an_instant}) {
    const auto r = fhir::change_of(bad);
    REQUIRE_FALSE(r);
    CHECK(r.error().technical == technical_code::bad_backend_answer);
    CHECK(r.error().detail.find("without meta.lastUpdated") != std::string::npos);
  }
}

namespace change_feed_test {

// A system whose change search answers pages that are NOT in lastUpdated
// order, and can fail after its first page: what a real one might do.
class scripted_source final : public change_source {
 public:
  std::vector<std::vector<booking_change>> pages;
  bool fail_after_first = false;
  std::vector<change_time> asked;

  booking_result<std::size_t> changes_since(change_time since, std::size_t,
                                            const std::function<bool(std::vector<booking_change>&)>& on_page,
                                            deadline) override {
    asked.push_back(since);
    std::size_t n = 0;
    for (auto page : pages) {
      std::erase_if(page, [&](const booking_change& c) { return c.last_updated <= since; });
      ++n;
      if (!on_page(page)) return n;
      if (fail_after_first) return fail(technical_code::backend_down, "connection reset");
    }
    return n;
  }
};

booking_change booked(const std::string& id, change_time t) {
  booking_change c;
  c.unit = "LOC-ASA";
  c.id = id;
  c.person = tolvan;
  c.status = "booked";
  c.active = true;
  c.start = std::chrono::floor<std::chrono::seconds>(t) + std::chrono::hours(24);
  c.last_updated = t;
  return c;
}

}  // namespace change_feed_test

TEST_CASE("change feed: pages out of lastUpdated order and a failure mid-poll lose and repeat nothing",
          "[adapter_host][change_feed]") {
  using cft::booked;
  std::vector<std::string> errors;
  const auto units = unit_table::build({{cft::asa, "LOC-ASA", "Åsa"}}, errors);
  const auto dir = scratch_dir("change-feed-order");
  ei_outbox outbox((dir / "ei-outbox.db").string());
  change_watermark mark((dir / "change-feed.db").string());
  const change_time t0 = std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
  cft::scripted_source source;
  change_feed_settings settings;
  settings.overlap = std::chrono::seconds(1);
  change_poller::hooks h;
  h.clock = [t0] { return t0; };
  change_poller poller(source, units, ei_post_settings{source_system, data_controller, false, true},
                       ei_destination{platform_hsa_id, "https://127.0.0.1:1/"}, outbox, mark, settings, h);
  REQUIRE(poller.poll_once().ok);  // watermark = t0
  // Page 1 holds the newer change, page 2 an older one; the system fails after page 1.
  source.pages = {{booked("NEW", t0 + std::chrono::seconds(60))}, {booked("OLD", t0 + std::chrono::seconds(10))}};
  source.fail_after_first = true;
  CHECK_FALSE(poller.poll_once().ok);
  CHECK(mark.watermark() == t0);  // not moved past OLD, which was never read
  source.fail_after_first = false;
  const auto r = poller.poll_once();
  REQUIRE(r.ok);
  CHECK(r.duplicates == 1);  // NEW was posted by the failed poll
  CHECK(r.posted == 1);      // OLD now
  CHECK(mark.watermark() == t0 + std::chrono::seconds(60));
  std::vector<std::string> ids;
  for (const auto& row : outbox.all()) {
    for (const auto& t : row.transactions) ids.push_back(t.record.business_object_instance_identifier);
  }
  CHECK(ids == std::vector<std::string>{"NEW", "OLD"});
  CHECK(source.asked.back() == t0 - std::chrono::seconds(1));  // watermark minus the overlap
}
