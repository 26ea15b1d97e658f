// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// The real hub between a real client and real producers over real TLS on
// loopback: a hub.yaml and TAK file in a temp dir, the hub_app running
// in-process on port 0, producers that record what reached them, and a
// consumer client with the test PKI's certificate.

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "hub/app/hub_app.hpp"
#include "hub/net/http_client.hpp"
#include "hub/net/http_server.hpp"
#include "tests/support/test_pki.hpp"
#include "tests/unit/hub/net/net_test_util.hpp"

namespace tidnav::test {

inline constexpr const char* crm_ns = "urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1";

/// A producer on 127.0.0.1:0 (mutual TLS or plain) that answers with `reply`
/// and remembers every request it received.
class recording_producer {
 public:
  using reply_fn = std::function<void(const net::request_context&, net::responder)>;
  explicit recording_producer(bool tls, reply_fn reply = {});
  ~recording_producer();

  std::string url(const std::string& path = "/producer") const;
  std::vector<net::request_context> requests() const;
  std::size_t count() const;

 private:
  bool tls_;
  capture_log log_;
  mutable std::mutex mutex_;
  std::vector<net::request_context> seen_;
  reply_fn reply_;
  std::unique_ptr<net::http_server> server_;
};

/// "<ok from NAME/>" inside a SOAP envelope, HTTP 200.
recording_producer::reply_fn answer_ok(std::string name);

struct hub_world_options {
  std::string tak;          ///< TAK persistent-cache XML
  std::string extra_yaml;   ///< appended to the generated hub.yaml
  std::string internal_callers = "[127.0.0.1/32]";
  /// (name, text) written next to hub.yaml before the hub starts (HSA files, ...).
  std::vector<std::pair<std::string, std::string>> files = {};
};

class hub_world {
 public:
  explicit hub_world(hub_world_options o);
  ~hub_world();

  app::hub_app& hub() { return *hub_; }
  const std::filesystem::path& dir() const { return dir_; }

  std::string https_url(const std::string& path = "/vp") const;
  std::string http_url(const std::string& path = "/vp") const;
  std::string admin_url(const std::string& path) const;

  /// Calls the hub's TLS listener as the test consumer (or with `ctx`).
  net::client_result call(const std::string& body, net::header_list headers = {}, net::tls_context_ptr ctx = nullptr);
  net::client_result call_plain(const std::string& body, net::header_list headers = {});
  net::client_result admin(const std::string& method, const std::string& path);

  /// Rewrites the TAK file (then reload through the admin listener).
  void write_tak(const std::string& tak);
  void write_config_text(const std::string& yaml);
  std::string config_text() const;

  std::vector<std::string> log_lines() const;

 private:
  std::filesystem::path dir_;
  std::unique_ptr<app::hub_app> hub_;
  std::unique_ptr<net::http_client> client_;
  std::unique_ptr<net::http_client> plain_client_;
  mutable std::mutex log_mutex_;
  std::vector<std::string> log_;
};

/// TAK helpers.
std::string tak_route(const std::string& id, const std::string& address, const std::string& url,
                      const std::string& profile = "RIVTABP21", const std::string& contract = crm_ns);
std::string tak_permission(const std::string& id, const std::string& address,
                           const std::string& consumer = test_consumer_hsa_id, const std::string& contract = crm_ns);
std::string tak_file(const std::string& entries);

/// A file under tests/fixtures/ ("crm-scheduling-1.1/…-response.xml"), "" when missing.
std::string fixture_text(const std::string& path);

/// An EI Update at the platform address with one engagement (riv:crm:scheduling)
/// of `person` per unit, booking ids B-0, B-1, …
std::string ei_update_for(const std::string& person, const std::vector<std::string>& units);

std::string envelope21(const std::string& address, const std::string& ns = crm_ns);
std::string envelope20(const std::string& address, const std::string& ns = crm_ns);

/// The faultstring's code ("VP004") of a VP fault body, or "".
std::string vp_code_of(const std::string& body);

}  // namespace tidnav::test
