// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// The running hub: listeners, the producer client, the current runtime, the
// status page, call log and metrics, and reload. `tidnav hub` is a thin shell
// around this class; integration tests drive it in-process.

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "hub/app/hub_service.hpp"
#include "hub/app/local_producer.hpp"
#include "hub/app/runtime.hpp"
#include "hub/app/status_page.hpp"
#include "hub/net/log.hpp"

namespace tidnav::net {
class http_server;
class http_client;
class io_threads;
}  // namespace tidnav::net

namespace tidnav::app {

class hub_observer;
class ei_producer;
class aggregator;
class dashboard;

struct hub_app_options {
  std::string config_path;
  net::log_sink log = net::stderr_log_sink();  ///< events (start, reload, warnings); not the call log
  local_producer_map locals;                   ///< in-process producers ("local:<name>")
};

class hub_app {
 public:
  /// Loads the configuration and everything it names; throws std::runtime_error
  /// listing every error when that fails (nothing is started then).
  explicit hub_app(hub_app_options options);
  ~hub_app();
  hub_app(const hub_app&) = delete;
  hub_app& operator=(const hub_app&) = delete;

  /// Binds every configured listener and starts serving.
  void start();

  /// Graceful stop: listeners close, calls in flight finish (up to the
  /// configured drain time), the call log is flushed. Idempotent.
  void stop();

  /// Re-reads the configuration, TAK and HSA files and certificates off the
  /// request path, then swaps the runtime in one step. On any error the old
  /// runtime stays and the report lists every problem.
  reload_report reload();

  /// Reopens the call log file (after logrotate moved it).
  void reopen_logs();

  std::uint16_t https_port() const;
  std::uint16_t http_port() const;
  std::uint16_t admin_port() const;

  runtime_ptr current() const { return runtime_.get(); }
  std::string metrics_text() const;
  const status_page& status() const { return status_; }
  net::http_client& client();
  /// The engagement index (its stats() for status pages), or null when none is configured.
  ei_producer* engagement_index() const { return ei_.get(); }

 private:
  void handle_admin(net::request_context req, net::responder respond);
  void in_background(std::function<void()> job);
  void log_reload(const reload_report& r);

  hub_app_options options_;
  runtime_holder runtime_;
  status_page status_;
  std::mutex reload_mutex_;
  std::uint64_t generation_ = 1;
  std::shared_ptr<net::io_threads> io_;
  std::unique_ptr<net::http_client> client_;
  std::unique_ptr<hub_observer> observer_;
  std::shared_ptr<ei_producer> ei_;  ///< when engagement_index is configured
  std::shared_ptr<aggregator> aggregator_;
  std::unique_ptr<hub_service> service_;
  std::unique_ptr<dashboard> dashboard_;
  std::unique_ptr<net::http_server> consumer_server_;
  std::unique_ptr<net::http_server> plain_server_;
  std::unique_ptr<net::http_server> admin_server_;
  bool stopped_ = false;
  std::mutex background_mutex_;
  std::vector<std::thread> background_;  ///< admin reloads; joined by stop()
};

}  // namespace tidnav::app
