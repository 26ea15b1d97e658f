// SPDX-License-Identifier: GPL-2.0-or-later
// For the adapter-host tests: a fake hub that takes EI Update calls over
// mutual TLS on loopback (answering OK, or failing on request), scratch
// directories, and an adapter.yaml around the memory fixture.
#pragma once

#include "hub/ei/engagement.hpp"
#include "hub/net/http_server.hpp"
#include "hub/net/tls_context.hpp"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace tidnav::adapters::host::test {

inline const std::string platform_hsa_id = "5565594230";
inline const std::string source_system = "SE2321000016-SRC1";
inline const std::string data_controller = "SE2321000016-DC01";

struct received_update {
  std::string logical_address;  // header
  std::string soap_action;
  std::string consumer;         // the client certificate's SERIALNUMBER
  std::vector<ei::engagement_transaction> transactions;
};

// The hub's EI as far as an adapter can tell: Update over mTLS, answered OK
// unless told to fail the next N calls (HTTP 500 fault).
class fake_hub {
 public:
  fake_hub();
  ~fake_hub();
  std::string url() const;
  void fail_next(int calls) { fail_next_ = calls; }
  int calls() const { return calls_.load(); }
  std::vector<received_update> accepted();
  // Waits (bounded) until `n` Updates were accepted.
  bool wait_accepted(std::size_t n, std::chrono::milliseconds limit = std::chrono::seconds(15));

 private:
  std::unique_ptr<net::http_server> server_;
  std::atomic<int> fail_next_{0};
  std::atomic<int> calls_{0};
  std::mutex mutex_;
  std::vector<received_update> accepted_;
};

// The test PKI's consumer (1177) certificate, trusting the test CA: what a
// client of the adapter presents. `server_name` checks the adapter's name.
net::client_tls_options consumer_tls_options(const std::string& server_name = {});
net::tls_context_ptr consumer_tls();

// A fresh, empty directory under the build tree.
std::filesystem::path scratch_dir(const std::string& name);
void write_file(const std::filesystem::path& path, const std::string& text);

// An adapter.yaml (written into `dir`) for the memory fixture, served over
// the test PKI; `ei_url` empty: no engagement_index. `extra` is appended.
std::filesystem::path write_memory_config(const std::filesystem::path& dir, const std::string& ei_url,
                                          const std::string& families = "[scheduling-2.0, crm-scheduling-1.1]",
                                          const std::string& extra = "");

}  // namespace tidnav::adapters::host::test
