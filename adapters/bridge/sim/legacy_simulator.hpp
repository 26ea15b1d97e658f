// SPDX-License-Identifier: GPL-2.0-or-later
// A legacy crm:scheduling producer for tests and `tidnav sim crm10|crm11`:
// the shared schedule model (memory_booking_system seeded from JSON, unit ids
// being the units' HSA-ids) served over mutual TLS as a crm:scheduling 1.1
// producer (RIVTABP21, through adapters/core's handle_crm11) or a 1.0 producer
// (RIVTABP20: wsa:To, no Actor, nine contracts; requests and answers converted
// with the generated bindings). Like a real legacy producer it has no
// protection against repeated writes. Defect switches reproduce what real
// producers send; faults can be injected to test timeouts and errors.
#pragma once

#include "adapters/bridge/sim/defects.hpp"
#include "adapters/core/memory_booking_system.hpp"
#include "adapters/core/unit_table.hpp"
#include "hub/net/tls_context.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace tidnav::adapters::bridge::sim {

enum class sim_version { crm10, crm11 };

struct legacy_sim_options {
  sim_version version = sim_version::crm11;
  std::string seed_file;     // memory_fixture.hpp shape; unit ids are HSA-ids
  net::tls_context_ptr tls;  // server context; null: plain HTTP
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;    // 0: the kernel picks
  std::size_t io_threads = 2;
  defect_set defects;
};

// What every call answers until cleared.
struct injected_fault {
  std::string server_fault;             // non-empty: a SOAP Server fault with this text (HTTP 500)
  std::string client_fault;             // non-empty: a SOAP Client fault with this text (HTTP 500)
  unsigned http_status = 0;             // non-zero: this status with an HTML body
  std::chrono::milliseconds delay{0};   // answer this much later (the write is still carried out)
  bool garbage = false;                 // 200 with a body that is not XML
};

class legacy_simulator {
 public:
  virtual ~legacy_simulator() = default;
  virtual std::uint16_t port() const = 0;
  // https://127.0.0.1:<port>/ (http:// without TLS); every contract on one path.
  virtual std::string url() const = 0;
  virtual void inject(injected_fault fault) = 0;
  virtual void clear_fault() = 0;
  virtual void set_defects(defect_set defects) = 0;
  virtual memory_booking_system& system() = 0;
  // Calls answered per contract name, and the last request body (tests check headers).
  virtual std::size_t calls(const std::string& contract) const = 0;
  virtual std::string last_request() const = 0;
};

// Loads the seed and starts listening; throws std::runtime_error on a bad
// seed and std::system_error when it cannot bind.
std::unique_ptr<legacy_simulator> start_legacy_simulator(legacy_sim_options options);

// The answer of the simulated producer to one request, without a network
// (what the listener does per request). `now` is the producer's clock.
std::string answer_crm11(memory_booking_system& system, const unit_table& units, std::string_view envelope,
                         int& http_status, instant now);
std::string answer_crm10(memory_booking_system& system, const unit_table& units, std::string_view envelope,
                         int& http_status, instant now);

}  // namespace tidnav::adapters::bridge::sim
