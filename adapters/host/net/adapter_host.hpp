// SPDX-License-Identifier: GPL-2.0-or-later
// The running adapter: the booking system built from the configuration,
// wrapped in the EI decorator when an engagement index is configured, the
// idempotency store and id directory, served over mutual TLS by hub/net's
// http_server. Booking-system calls run on a blocking_pool, never on an io
// thread. One log line per call (JSON) goes to `log`.
#pragma once

#include "adapters/core/booking_system.hpp"
#include "adapters/host/adapter_config.hpp"
#include "hub/ei/outbox_worker.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tidnav::adapters::host {

using log_line = std::function<void(const std::string&)>;

// What a reload did: ok = the new TLS material is in use; lines say what
// changed, what waits for a restart, or (not ok) every error.
struct reload_report {
  bool ok = false;
  std::vector<std::string> lines;
};

class adapter_host {
 public:
  // Nothing is opened until start(). `log` default: stderr.
  explicit adapter_host(config_ptr config, log_line log = {});
  ~adapter_host();  // stop()
  adapter_host(const adapter_host&) = delete;
  adapter_host& operator=(const adapter_host&) = delete;

  // Opens the state, builds the system, binds, writes listen.port_file.
  // Throws std::exception with an operator-readable message.
  void start();
  // Drains requests in flight, then stops the workers. Idempotent.
  void stop();

  // A configuration read and checked again (load_adapter_config), applied to
  // the running adapter: the contract listener's certificate, key and CA and
  // the EI client certificate are re-read from disk (new connections use
  // them); every other key takes a restart and is reported as a warning.
  // Unusable TLS files: nothing changes, ok = false. Logged as one line.
  reload_report reload(const config_ptr& next);
  // Logs every error of a configuration that did not load; the adapter keeps
  // serving with what it has.
  void reload_failed(const std::vector<std::string>& errors);

  std::uint16_t port() const;
  // The plain-HTTP admin listener's port; 0 without `admin:`.
  std::uint16_t admin_port() const;
  // The system the front-ends call (the EI decorator when configured).
  booking_system& system();
  // Outbox delivery state; nullopt without an engagement index.
  std::optional<ei::outbox_metrics> ei_metrics();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace tidnav::adapters::host
