// SPDX-License-Identifier: GPL-2.0-or-later
// The adapter in production: the plain-HTTP admin listener (probes only, never
// a contract) and a reload that re-reads the TLS files without a restart,
// keeping the running configuration when the new one is broken.
#include "adapters/host/config_diff.hpp"
#include "adapters/host/net/adapter_host.hpp"
#include "adapters/host/net/builtin_systems.hpp"
#include "host_test_support.hpp"
#include "hub/net/http_client.hpp"
#include "tests/support/test_pki.hpp"
#include "tests/unit/adapters/core/adapter_test_support.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <mutex>

using namespace tidnav;
using namespace tidnav::adapters;
using namespace tidnav::adapters::host;
using namespace tidnav::adapters::host::test;
using adapters::test::first_text;

// Named (not anonymous): test suites may be compiled as one unity file.
namespace reload_test {

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// write_memory_config, with the server certificate and key copied into `dir`
// (adapter.crt, adapter.key) so a test can rotate them on disk.
std::filesystem::path write_rotatable_config(const std::filesystem::path& dir, const std::string& extra = "") {
  const auto& pki = tidnav::test::shared_test_pki();
  std::filesystem::copy_file(pki.server.cert_file, dir / "adapter.crt");
  std::filesystem::copy_file(pki.server.key_file, dir / "adapter.key");
  const auto path = write_memory_config(dir, "", "[scheduling-2.0, crm-scheduling-1.1]", extra);
  std::string yaml = read_all(path);
  for (const auto& [from, to] : {std::pair{pki.server.cert_file.string(), std::string("adapter.crt")},
                                 std::pair{pki.server.key_file.string(), std::string("adapter.key")}}) {
    const auto at = yaml.find(from);
    REQUIRE(at != std::string::npos);
    yaml.replace(at, from.size(), to);
  }
  write_file(path, yaml);
  return path;
}

config_ptr load(const std::filesystem::path& path) {
  auto cfg = load_adapter_config(path, builtin_systems());
  if (!cfg) {
    for (const auto& e : cfg.error()) UNSCOPED_INFO(e.to_string());
  }
  REQUIRE(cfg);
  return cfg.value();
}

struct running {
  explicit running(const std::filesystem::path& path) : config_path(path) {
    host = std::make_unique<adapter_host>(load(path), [this](const std::string& line) {
      std::lock_guard lock(mutex);
      log.push_back(line);
    });
    host->start();
  }
  std::vector<std::string> lines() {
    std::lock_guard lock(mutex);
    return log;
  }
  bool logged(const std::string& what) {
    for (const auto& l : lines()) {
      if (l.find(what) != std::string::npos) return true;
    }
    return false;
  }
  std::filesystem::path config_path;
  std::mutex mutex;
  std::vector<std::string> log;
  std::unique_ptr<adapter_host> host;
};

// A fresh client (so a fresh handshake) that checks the server's certificate
// against `server_name` ("" = the URL's 127.0.0.1). The test PKI's `server`
// certificate names localhost/127.0.0.1, `server_wrong_name` only producer.invalid.
net::client_result ping_over_tls(std::uint16_t port, const std::string& server_name) {
  net::client_options o;
  o.tls = net::make_client_tls_context(consumer_tls_options(server_name));
  o.io_threads = 1;
  o.request_timeout = std::chrono::seconds(10);
  o.retry_on_connect_failure = false;
  o.log = [](std::string_view) {};
  net::http_client c(o);
  net::client_request r;
  r.url = "https://127.0.0.1:" + std::to_string(port) + "/health/live";
  r.method = "GET";
  return c.request(r);
}

net::client_result plain(std::uint16_t port, const std::string& method, const std::string& path,
                         const std::string& body = "", net::header_list headers = {}) {
  net::client_options o;
  o.io_threads = 1;
  o.request_timeout = std::chrono::seconds(10);
  o.log = [](std::string_view) {};
  net::http_client c(o);
  net::client_request r;
  r.url = "http://127.0.0.1:" + std::to_string(port) + path;
  r.method = method;
  r.body = body;
  r.headers = std::move(headers);
  return c.request(r);
}

// 1.1 MakeBooking of a LAK30 time at Åsa in the memory fixture, for Tolvan.
std::string make_11(const std::string& start, const std::string& end) {
  return adapters::test::crm11_request("MakeBooking", {{"healthcare_facility_med", adapters::test::asa},
                                                       {"requestedTimeslot.startTimeInclusive", start},
                                                       {"requestedTimeslot.endTimeExclusive", end},
                                                       {"requestedTimeslot.healthcare_facility", adapters::test::asa},
                                                       {"requestedTimeslot.subject_of_care", adapters::test::tolvan},
                                                       {"requestedTimeslot.timeTypeID", "LAK30"}});
}

net::client_result post_over_tls(std::uint16_t port, const std::string& envelope) {
  net::client_options o;
  o.tls = consumer_tls();
  o.io_threads = 1;
  o.request_timeout = std::chrono::seconds(10);
  o.log = [](std::string_view) {};
  net::http_client c(o);
  return c.request(net::make_post("https://127.0.0.1:" + std::to_string(port) + "/", envelope,
                                  {{"Content-Type", "text/xml; charset=UTF-8"}}));
}

}  // namespace reload_test

using namespace reload_test;

TEST_CASE("adapter-host: admin keys are read, and every admin problem is reported with the others",
          "[adapters][host][config][admin]") {
  const auto dir = scratch_dir("admin-config");
  SECTION("absent: no admin listener") {
    const auto cfg = load(write_memory_config(dir, ""));
    CHECK_FALSE(cfg->admin);
  }
  SECTION("address, port and port_file") {
    const auto cfg = load(write_memory_config(dir, "", "[scheduling-2.0]",
                                              "admin: { address: '::1', port: 9464, port_file: admin.port }\n"));
    REQUIRE(cfg->admin);
    CHECK(cfg->admin->address == "::1");
    CHECK(cfg->admin->port == 9464);
    CHECK(cfg->admin->port_file == dir / "admin.port");
  }
  SECTION("admin: alone is on, loopback, any port") {
    const auto cfg = load(write_memory_config(dir, "", "[scheduling-2.0]", "admin:\n"));
    REQUIRE(cfg->admin);
    CHECK(cfg->admin->address == "127.0.0.1");
    CHECK(cfg->admin->port == 0);
  }
  SECTION("bad values, an unknown key and another error, all at once") {
    const auto path = write_memory_config(dir, "", "[scheduling-2.0]",
                                          "metrics: { enabled: maybe }\n"
                                          "admin: { address: localhost-ish, port: 70000, scrape: yes }\n");
    auto cfg = load_adapter_config(path, builtin_systems());
    REQUIRE_FALSE(cfg);
    std::string all;
    for (const auto& e : cfg.error()) all += e.to_string() + "\n";
    INFO(all);
    CHECK(all.find("metrics.enabled") != std::string::npos);
    CHECK(all.find("scrape") != std::string::npos);
    // An unknown key stops the mapping's other checks; a second file checks the values.
    const auto path2 = write_memory_config(dir, "", "[scheduling-2.0]",
                                           "admin: { address: localhost-ish, port: 70000 }\n");
    auto cfg2 = load_adapter_config(path2, builtin_systems());
    REQUIRE_FALSE(cfg2);
    std::string all2;
    for (const auto& e : cfg2.error()) all2 += e.to_string() + "\n";
    INFO(all2);
    CHECK(all2.find("admin.address") != std::string::npos);
    CHECK(all2.find("admin.port") != std::string::npos);
  }
  SECTION("the contract listener's port is refused") {
    const auto path = write_memory_config(dir, "", "[scheduling-2.0]", "admin: { port: 8443 }\n");
    std::string yaml = read_all(path);
    yaml.replace(yaml.find("port: 0,"), 8, "port: 8443,");
    write_file(path, yaml);
    auto cfg = load_adapter_config(path, builtin_systems());
    REQUIRE_FALSE(cfg);
    CHECK(cfg.error().front().to_string().find("admin.port") != std::string::npos);
  }
}

TEST_CASE("adapter-host: a reload names the keys that take a restart", "[adapters][host][config][reload]") {
  const auto dir = scratch_dir("config-diff");
  const auto a = load(write_memory_config(dir, ""));
  CHECK(restart_only_changes(*a, *load(write_memory_config(dir, ""))).empty());
  const auto b = load(write_memory_config(dir, "", "[scheduling-2.0]", "metrics: { enabled: false }\nadmin: {}\n"));
  const auto changed = restart_only_changes(*a, *b);
  CHECK(changed == std::vector<std::string>{"families", "metrics", "admin"});
  // engagement_index: its client certificate is re-read, the rest (also the change feed) waits.
  const auto e1 = load(write_memory_config(dir, "https://127.0.0.1:1/"));
  const auto e2 = load(write_memory_config(dir, "https://127.0.0.1:1/", "[scheduling-2.0, crm-scheduling-1.1]",
                                           "  change_feed: { interval_ms: 1000 }\n"));
  CHECK(restart_only_changes(*e1, *e2) == std::vector<std::string>{"engagement_index.change_feed"});
  CHECK(restart_only_changes(*a, *e1) == std::vector<std::string>{"engagement_index"});
}

TEST_CASE("adapter-host: the admin listener serves probes and metrics over plain HTTP, never a contract",
          "[adapters][host][served][admin]") {
  const auto dir = scratch_dir("admin-served");
  running a(write_memory_config(dir, "", "[scheduling-2.0, crm-scheduling-1.1]",
                                "admin: { address: 127.0.0.1, port: 0, port_file: admin.port }\n"));
  const std::uint16_t port = a.host->admin_port();
  REQUIRE(port != 0);
  CHECK(port != a.host->port());
  int written = 0;
  std::ifstream(dir / "admin.port") >> written;
  CHECK(written == port);

  auto live = plain(port, "GET", "/health/live");
  REQUIRE(live.ok());
  CHECK(live.status == 200);
  auto ready = plain(port, "GET", "/health/ready");
  REQUIRE(ready.ok());
  CHECK(ready.status == 200);
  CHECK(ready.body == "ready\n");
  auto metrics = plain(port, "GET", "/metrics?x=1");
  REQUIRE(metrics.ok());
  CHECK(metrics.status == 200);
  const std::string* type = net::find_header(metrics.headers, "Content-Type");
  REQUIRE(type);
  CHECK(type->find("text/plain; version=0.0.4") == 0);

  // A booking contract posted to the admin port is not served, at any path.
  const std::string envelope = adapters::test::sched2_request(
      "GetAppointments", adapters::test::concat({adapters::test::actor(), adapters::test::person()}));
  const net::header_list soap{{"Content-Type", "text/xml; charset=UTF-8"},
                              {"SOAPAction",
                               "\"urn:riv:supportprocess:logistics:scheduling:GetAppointmentsResponder:2:GetAppointments\""}};
  auto contract = plain(port, "POST", "/", envelope, soap);
  REQUIRE(contract.ok());
  CHECK(contract.status == 404);
  CHECK(contract.body.find("appointment") == std::string::npos);
  auto at_metrics = plain(port, "POST", "/metrics", envelope, soap);
  REQUIRE(at_metrics.ok());
  CHECK(at_metrics.status == 405);
  const auto calls = a.lines();
  CHECK(std::none_of(calls.begin(), calls.end(),
                     [](const std::string& l) { return l.find("\"event\":\"call\"") != std::string::npos; }));

  // The mutual-TLS listener keeps its probes (compatibility) and now /health/ready too.
  auto over_tls = ping_over_tls(a.host->port(), "");
  REQUIRE(over_tls.ok());
  CHECK(over_tls.status == 200);
  // A call counted on the contract listener shows on the admin one.
  {
      net::client_options o;
    o.tls = consumer_tls();
    o.io_threads = 1;
    o.log = [](std::string_view) {};
    net::http_client c(o);
    auto answered = c.request(net::make_post("https://127.0.0.1:" + std::to_string(a.host->port()) + "/", envelope, soap));
    REQUIRE(answered.ok());
    CHECK(answered.status == 200);
  }
  auto counted = plain(port, "GET", "/metrics");
  REQUIRE(counted.ok());
  CHECK(counted.body.find("tidnav_adapter_calls_total{family=\"scheduling-2.0\",operation=\"GetAppointments\",outcome=\"ok\"} 1") !=
        std::string::npos);

  a.host->stop();
  auto after = plain(port, "GET", "/health/live");
  CHECK_FALSE(after.ok());  // the listener is closed
}

TEST_CASE("adapter-host: without admin: no plain listener is opened", "[adapters][host][served][admin]") {
  const auto dir = scratch_dir("admin-absent");
  running a(write_memory_config(dir, ""));
  CHECK(a.host->admin_port() == 0);
}

TEST_CASE("adapter-host: a reload uses a rotated server certificate for new handshakes",
          "[adapters][host][served][reload]") {
  const auto& pki = tidnav::test::shared_test_pki();
  const auto dir = scratch_dir("reload-rotate");
  running a(write_rotatable_config(dir));
  const std::uint16_t port = a.host->port();
  REQUIRE(ping_over_tls(port, "").ok());
  REQUIRE_FALSE(ping_over_tls(port, "producer.invalid").ok());  // test: can fail

  // The operator rotates the files in place (a new certificate and key) and sends SIGHUP.
  std::filesystem::copy_file(pki.server_wrong_name.cert_file, dir / "adapter.crt",
                             std::filesystem::copy_options::overwrite_existing);
  std::filesystem::copy_file(pki.server_wrong_name.key_file, dir / "adapter.key",
                             std::filesystem::copy_options::overwrite_existing);
  // Files on disk alone change nothing until the reload.
  CHECK(ping_over_tls(port, "").ok());

  const reload_report r = a.host->reload(load(a.config_path));
  INFO(r.lines.front());
  CHECK(r.ok);
  CHECK(a.logged("\"event\":\"reloaded\""));
  auto rotated = ping_over_tls(port, "producer.invalid");
  INFO(rotated.detail);
  CHECK(rotated.ok());
  CHECK_FALSE(ping_over_tls(port, "").ok());  // the old certificate is no longer presented
  CHECK(a.host->port() == port);              // same listener, no restart
}

TEST_CASE("adapter-host: a broken configuration or unusable TLS files on reload keep the adapter serving",
          "[adapters][host][served][reload]") {
  const auto dir = scratch_dir("reload-broken");
  running a(write_rotatable_config(dir));
  const std::uint16_t port = a.host->port();

  SECTION("configuration errors: all logged, nothing applied") {
    const std::string good = read_all(a.config_path);
    write_file(a.config_path, good + "workers: 0\nsurprise: 1\n");
    auto next = load_adapter_config(a.config_path, builtin_systems());
    REQUIRE_FALSE(next);
    std::vector<std::string> errors;
    for (const auto& e : next.error()) errors.push_back(e.to_string());
    a.host->reload_failed(errors);
    CHECK(a.logged("\"event\":\"reload_failed\""));
    CHECK(a.logged("surprise"));
  }
  SECTION("a certificate file that is not PEM: reload refused, the old context stays") {
    write_file(dir / "adapter.crt", "not a certificate\n");
    const reload_report r = a.host->reload(load(a.config_path));
    CHECK_FALSE(r.ok);
    REQUIRE(r.lines.size() >= 2);
    CHECK(r.lines[1].find("tls:") == 0);
    CHECK(a.logged("\"event\":\"reload_failed\""));
  }
  SECTION("a key that does not match the certificate") {
    const auto& pki = tidnav::test::shared_test_pki();
    std::filesystem::copy_file(pki.client.key_file, dir / "adapter.key", std::filesystem::copy_options::overwrite_existing);
    const reload_report r = a.host->reload(load(a.config_path));
    CHECK_FALSE(r.ok);
  }
  SECTION("a restart-only change is applied on restart, and said so") {
    const std::string good = read_all(a.config_path);
    write_file(a.config_path, good + "admin: {}\n");
    const reload_report r = a.host->reload(load(a.config_path));
    CHECK(r.ok);
    CHECK(std::find(r.lines.begin(), r.lines.end(), "warning: admin changed; it takes effect on restart") !=
          r.lines.end());
    CHECK(a.host->admin_port() == 0);
  }
  auto still = ping_over_tls(port, "");
  INFO(still.detail);
  CHECK(still.ok());
  CHECK(still.status == 200);
}

TEST_CASE("adapter-host: a reload rotates the EI client certificate; the next Update presents it",
          "[adapters][host][served][reload]") {
  const auto& pki = tidnav::test::shared_test_pki();
  fake_hub hub;
  const auto dir = scratch_dir("reload-ei-client");
  std::filesystem::copy_file(pki.client.cert_file, dir / "ei.crt");
  std::filesystem::copy_file(pki.client.key_file, dir / "ei.key");
  const auto path = write_memory_config(dir, hub.url());
  std::string yaml = read_all(path);
  for (const auto& [from, to] : {std::pair{pki.client.cert_file.string(), std::string("ei.crt")},
                                 std::pair{pki.client.key_file.string(), std::string("ei.key")}}) {
    const auto at = yaml.find(from);
    REQUIRE(at != std::string::npos);
    yaml.replace(at, from.size(), to);
  }
  write_file(path, yaml);
  running a(path);

  auto first = post_over_tls(a.host->port(), make_11("20310310100000", "20310310103000"));  // S-101
  REQUIRE(first.ok());
  INFO(first.body);
  REQUIRE(first_text(first.body, "resultCode") == "OK");
  REQUIRE(hub.wait_accepted(1));
  CHECK(hub.accepted()[0].consumer == tidnav::test::test_consumer_hsa_id);

  std::filesystem::copy_file(pki.client_rsa.cert_file, dir / "ei.crt", std::filesystem::copy_options::overwrite_existing);
  std::filesystem::copy_file(pki.client_rsa.key_file, dir / "ei.key", std::filesystem::copy_options::overwrite_existing);
  const reload_report r = a.host->reload(load(path));
  INFO(r.lines.front());
  REQUIRE(r.ok);
  CHECK(r.lines.front().find("engagement_index.client re-read") != std::string::npos);

  auto second = post_over_tls(a.host->port(), make_11("20310312080000", "20310312083000"));  // S-103
  REQUIRE(second.ok());
  INFO(second.body);
  REQUIRE(first_text(second.body, "resultCode") == "OK");
  REQUIRE(hub.wait_accepted(2));
  CHECK(hub.accepted()[1].consumer == "SE2321000016-0002");  // client_rsa's serialNumber
}
