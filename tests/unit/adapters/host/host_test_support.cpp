// SPDX-License-Identifier: GPL-2.0-or-later
#include "host_test_support.hpp"

#include "hub/ei/ei_codec.hpp"
#include "tests/support/test_pki.hpp"

#include <fstream>
#include <thread>

#include <unistd.h>

namespace tidnav::adapters::host::test {

fake_hub::fake_hub() {
  const auto& pki = tidnav::test::shared_test_pki();
  net::server_options o;
  o.listen = {net::listen_endpoint{"127.0.0.1", 0, true}};
  o.tls = net::make_server_tls_context({pki.ca.cert_file, pki.server.cert_file, pki.server.key_file});
  o.io_threads = 1;
  o.log = [](std::string_view) {};
  server_ = std::make_unique<net::http_server>(std::move(o), [this](net::request_context req, net::responder respond) {
    ++calls_;
    const net::header_list xml{{"Content-Type", "text/xml; charset=UTF-8"}};
    std::string error;
    if (fail_next_.load() > 0) {
      --fail_next_;
      respond(500, xml, "<fault>the index is down for the test</fault>");
      return;
    }
    ei::decoded_transactions d;
    if (std::string problem = ei::read_update(req.body, d); !problem.empty()) {
      respond(500, xml, "<fault>" + problem + "</fault>");
      return;
    }
    received_update u;
    u.logical_address = d.logical_address.value_or("");
    const std::string* action = net::find_header(req.headers, "SOAPAction");
    u.soap_action = action ? *action : "";
    u.consumer = req.peer.serial_numbers.empty() ? "" : req.peer.serial_numbers.front();
    u.transactions = std::move(d.transactions);
    {
      std::lock_guard lock(mutex_);
      accepted_.push_back(std::move(u));
    }
    respond(200, xml, ei::write_update_response(ei::result_code::ok, std::nullopt, error));
  });
  server_->start();
}

fake_hub::~fake_hub() { server_->stop(std::chrono::milliseconds(500)); }

std::string fake_hub::url() const { return "https://127.0.0.1:" + std::to_string(server_->port()) + "/"; }

std::vector<received_update> fake_hub::accepted() {
  std::lock_guard lock(mutex_);
  return accepted_;
}

bool fake_hub::wait_accepted(std::size_t n, std::chrono::milliseconds limit) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    {
      std::lock_guard lock(mutex_);
      if (accepted_.size() >= n) return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

net::client_tls_options consumer_tls_options(const std::string& server_name) {
  const auto& pki = tidnav::test::shared_test_pki();
  net::client_tls_options t;
  t.ca_file = pki.ca.cert_file;
  t.cert_file = pki.client.cert_file;
  t.key_file = pki.client.key_file;
  t.server_name = server_name;
  return t;
}

net::tls_context_ptr consumer_tls() { return net::make_client_tls_context(consumer_tls_options()); }

std::filesystem::path scratch_dir(const std::string& name) {
  static std::atomic<int> counter{0};
  const auto dir = std::filesystem::path(TIDNAV_BINARY_DIR) / "test-scratch" / "adapter-host" /
                   (name + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

void write_file(const std::filesystem::path& path, const std::string& text) { std::ofstream(path) << text; }

std::filesystem::path write_memory_config(const std::filesystem::path& dir, const std::string& ei_url,
                                          const std::string& families, const std::string& extra) {
  const auto& pki = tidnav::test::shared_test_pki();
  std::string yaml = "system: memory\nname: test adapter\n"
                     "listen: { address: 127.0.0.1, port: 0, port_file: adapter.port }\n"
                     "tls: { cert: '" + pki.server.cert_file.string() + "', key: '" + pki.server.key_file.string() +
                     "', ca: '" + pki.ca.cert_file.string() + "' }\n"
                     "families: " + families + "\n"
                     "state_dir: state\n"
                     "workers: 2\n"
                     "timeouts: { backend_ms: 2500 }\n"
                     "units:\n"
                     "  - { hsa_id: SE2321000016-ABC1, native_id: VC-ASA, name: Vårdcentralen Åsa }\n"
                     "  - { hsa_id: SE2321000016-BRG2, native_id: VC-BERGA }\n"
                     "backend: { seed: '" + std::string(TIDNAV_SOURCE_DIR) +
                     "/tests/fixtures/adapters/memory-booking-system.json' }\n";
  if (!ei_url.empty()) {
    yaml += "engagement_index:\n"
            "  url: '" + ei_url + "'\n"
            "  logical_address: '" + platform_hsa_id + "'\n"
            "  client: { cert: '" + pki.client.cert_file.string() + "', key: '" + pki.client.key_file.string() +
            "' }\n"
            "  source_system: " + source_system + "\n"
            "  data_controller: " + data_controller + "\n"
            "  retry: { initial_ms: 20, max_ms: 100 }\n";
  }
  yaml += extra;
  const auto path = dir / "adapter.yaml";
  write_file(path, yaml);
  return path;
}

}  // namespace tidnav::adapters::host::test
