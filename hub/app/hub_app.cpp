// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/app/hub_app.hpp"

#include <stdexcept>

#include "hub/app/aggregator.hpp"
#include "hub/app/dashboard.hpp"
#include "hub/app/ei_producer.hpp"
#include "hub/app/header_policy.hpp"
#include "hub/app/hub_observer.hpp"
#include "hub/net/http_client.hpp"
#include "hub/net/http_server.hpp"
#include "hub/net/io_threads.hpp"

namespace tidnav::app {
namespace {

net::server_limits limits_of(const core::listener_limits& l, std::chrono::milliseconds drain) {
  net::server_limits s;
  s.header_limit = l.header_bytes;
  s.body_limit = l.body_bytes;
  s.header_timeout = l.header_timeout;
  s.body_timeout = l.read_timeout;
  s.idle_timeout = l.idle_timeout;
  s.max_connections = l.max_connections;
  s.drain_timeout = drain;
  return s;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += "\n  " + l;
  return s;
}

}  // namespace

hub_app::hub_app(hub_app_options options) : options_(std::move(options)), status_(runtime_) {
  auto loaded = load_runtime(options_.config_path, generation_);
  if (!loaded) {
    throw std::runtime_error("configuration " + options_.config_path + " has errors:" + join_lines(loaded.error()));
  }
  runtime_ptr rt = std::move(loaded.value());
  reload_report first{std::chrono::system_clock::now(), true,
                      {"Init TAK cache loaded number of virtualizations: " + std::to_string(rt->routing.routes),
                       "Init TAK cache loaded number of permissions: " + std::to_string(rt->routing.permissions),
                       "HSA units: " + std::to_string(rt->routing.hsa_units)}};
  for (const auto& w : rt->routing.warnings) first.lines.push_back("warning: " + w);
  const auto& cfg = rt->config;

  io_ = std::make_shared<net::io_threads>(cfg.io_threads);
  net::client_options co;
  co.connect_timeout = cfg.producers.connect_timeout;
  co.request_timeout = cfg.producers.default_timeout;
  co.user_agent = cfg.headers.user_agent;
  co.max_idle_per_endpoint = 256;
  co.response_body_limit = cfg.https.enabled ? cfg.https.limits.body_bytes : cfg.http.limits.body_bytes;
  co.log = options_.log;
  client_ = std::make_unique<net::http_client>(std::move(co), io_);
  observer_ = std::make_unique<hub_observer>(cfg, options_.log);
  observer_->attach_client(client_->stats());
  runtime_.set(rt);
  if (cfg.engagement_index.enabled) {
    try {
      ei_ = std::make_shared<ei_producer>(cfg, runtime_, *client_);
    } catch (const std::exception& e) {
      throw std::runtime_error("engagement index " + cfg.engagement_index.database + ": " + e.what());
    }
    options_.locals["ei"] = ei_;
  }
  status_.record_reload(first);
  log_reload(first);
  service_ = std::make_unique<hub_service>(runtime_, *client_, options_.locals, observer_.get(), &status_);
  std::function<void(std::function<void()>)> off_io;
  if (ei_) off_io = [ei = ei_.get()](std::function<void()> job) { ei->run_blocking(std::move(job)); };
  engagement_finder find;
  if (ei_) find = [ei = ei_.get()](const ei::find_query& q) { return ei->find(q); };
  aggregator_ = std::make_shared<aggregator>(runtime_, *service_, std::move(find), std::move(off_io));
  service_->add_local("aggregate", aggregator_);
  dashboard_ = std::make_unique<dashboard>(
      dashboard_sources{&runtime_, &status_, observer_.get(), ei_.get(), service_.get(), options_.log});
}

hub_app::~hub_app() { stop(); }

void hub_app::start() {
  const runtime_ptr rt = runtime_.get();
  const auto& cfg = rt->config;
  auto handler = [this](net::request_context req, net::responder respond) {
    service_->handle(std::move(req), std::move(respond));
  };
  if (cfg.https.enabled) {
    net::server_options o;
    o.listen = {net::listen_endpoint{cfg.https.address, cfg.https.port, true}};
    o.tls = rt->server_tls;
    o.limits = limits_of(cfg.https.limits, cfg.drain_timeout);
    o.log = options_.log;
    consumer_server_ = std::make_unique<net::http_server>(std::move(o), handler, io_);
    consumer_server_->start();
    observer_->attach_server("https", consumer_server_->stats());
  }
  if (cfg.http.enabled) {
    net::server_options o;
    o.listen = {net::listen_endpoint{cfg.http.address, cfg.http.port, false}};
    o.limits = limits_of(cfg.http.limits, cfg.drain_timeout);
    o.log = options_.log;
    plain_server_ = std::make_unique<net::http_server>(std::move(o), handler, io_);
    plain_server_->start();
    observer_->attach_server("http", plain_server_->stats());
  }
  if (cfg.admin.enabled) {
    net::server_options o;
    o.listen = {net::listen_endpoint{cfg.admin.address, cfg.admin.port, false}};
    o.limits = limits_of(cfg.admin.limits, cfg.drain_timeout);
    o.log = options_.log;
    admin_server_ = std::make_unique<net::http_server>(
        std::move(o), [this](net::request_context req, net::responder respond) { handle_admin(std::move(req), std::move(respond)); },
        io_);
    admin_server_->start();
  }
  std::vector<std::string> endpoints;
  if (cfg.https.enabled) endpoints.push_back("https://" + cfg.https.address + ":" + std::to_string(https_port()));
  if (cfg.http.enabled) endpoints.push_back("http://" + cfg.http.address + ":" + std::to_string(http_port()));
  status_.set_endpoints(std::move(endpoints));
  net::log_line("info", "hub_started")
      .str("instance", cfg.instance_name)
      .num("https_port", https_port())
      .num("http_port", http_port())
      .num("admin_port", admin_port())
      .num("io_threads", static_cast<std::int64_t>(io_->size()))
      .emit(options_.log);
}

void hub_app::in_background(std::function<void()> job) {
  std::lock_guard lock(background_mutex_);
  if (stopped_) return;
  background_.emplace_back(std::move(job));
}

void hub_app::stop() {
  {
    std::lock_guard lock(background_mutex_);
    if (stopped_) return;
    stopped_ = true;
  }
  for (auto& t : background_) t.join();
  background_.clear();
  const runtime_ptr rt = runtime_.get();
  const auto drain = rt ? rt->config.drain_timeout : std::chrono::milliseconds{10'000};
  // Consumers first (their calls in flight still need the client), admin last.
  if (consumer_server_) consumer_server_->stop(drain);
  if (plain_server_) plain_server_->stop(drain);
  if (admin_server_) admin_server_->stop(std::chrono::milliseconds{1'000});
  if (aggregator_) aggregator_->stop();
  if (ei_) ei_->stop();
  if (client_) client_->close_idle();
  if (observer_) observer_->flush();
  if (io_) io_->stop();
}

reload_report hub_app::reload() {
  std::lock_guard lock(reload_mutex_);
  reload_report report;
  report.at = std::chrono::system_clock::now();
  auto loaded = load_runtime(options_.config_path, ++generation_);
  if (!loaded) {
    report.ok = false;
    report.lines.push_back("Reload failed; the previous routing snapshot stays in use.");
    for (auto& e : loaded.error()) report.lines.push_back(std::move(e));
  } else {
    runtime_ptr next = std::move(loaded.value());
    const runtime_ptr prev = runtime_.get();
    if (prev) {
      auto same = [](const core::listener_config& a, const core::listener_config& b) {
        return a.enabled == b.enabled && a.address == b.address && a.port == b.port;
      };
      const auto& a = prev->config;
      const auto& b = next->config;
      if (!same(a.https, b.https) || !same(a.http, b.http) || !same(a.admin, b.admin) || a.io_threads != b.io_threads) {
        report.lines.push_back("warning: listener addresses, ports and io_threads change only on restart");
      }
    }
    if (consumer_server_ && next->server_tls) consumer_server_->set_tls_context(next->server_tls);
    report.ok = true;
    report.lines.push_back("Init TAK cache loaded number of virtualizations: " + std::to_string(next->routing.routes));
    report.lines.push_back("Init TAK cache loaded number of permissions: " + std::to_string(next->routing.permissions));
    report.lines.push_back("HSA units: " + std::to_string(next->routing.hsa_units));
    for (const auto& w : next->routing.warnings) report.lines.push_back("warning: " + w);
    report.lines.push_back("Init done, was successful: true");
    runtime_.set(std::move(next));
    // Pooled connections were made with the old client certificates.
    client_->close_idle();
  }
  status_.record_reload(report);
  log_reload(report);
  if (observer_) observer_->reload_done(report.ok);
  return report;
}

void hub_app::log_reload(const reload_report& r) {
  net::log_line line(r.ok ? "info" : "error", r.ok ? "snapshot_loaded" : "reload_failed");
  const runtime_ptr rt = runtime_.get();
  if (rt) line.num("generation", static_cast<std::int64_t>(rt->generation)).num("routes", static_cast<std::int64_t>(rt->routing.routes));
  std::string all;
  for (const auto& l : r.lines) all += (all.empty() ? "" : " | ") + l;
  line.str("detail", all).emit(options_.log);
}

void hub_app::reopen_logs() {
  if (observer_) observer_->reopen();
}

std::uint16_t hub_app::https_port() const { return consumer_server_ ? consumer_server_->port() : 0; }
std::uint16_t hub_app::http_port() const { return plain_server_ ? plain_server_->port() : 0; }
std::uint16_t hub_app::admin_port() const { return admin_server_ ? admin_server_->port() : 0; }
net::http_client& hub_app::client() { return *client_; }

std::string hub_app::metrics_text() const {
  std::string text = observer_->metrics_text(runtime_.get());
  if (ei_) text += ei_->metrics_text();
  return text;
}

void hub_app::handle_admin(net::request_context req, net::responder respond) {
  const auto [path, query] = split_target(req.target);
  // Reload runs the file reading and parsing on a thread of its own, never on
  // an io thread: a large TAK file must not stall other connections.
  auto run_reload = [this, respond](bool html) {
    in_background([this, respond, html] {
      const reload_report r = reload();
      std::string body;
      for (const auto& l : r.lines) body += html ? "<br>" + l + "\n" : l + "\n";
      respond(text_response(r.ok ? 200 : 500, std::move(body), html ? "text/html;" : "text/plain; charset=UTF-8"));
    });
  };
  if (path == "/admin/reload") {
    if (req.method != "POST") {
      respond(text_response(405, "Use POST /admin/reload\n"));
      return;
    }
    run_reload(false);
    return;
  }
  if (path == "/resetcache" && req.method == "GET") {
    run_reload(true);
    return;
  }
  if (path == "/resethsacache" && req.method == "GET") {
    in_background([this, respond] {
      const std::size_t before = runtime_.get() ? runtime_.get()->routing.hsa_units : 0;
      const reload_report r = reload();
      const std::size_t after = runtime_.get() ? runtime_.get()->routing.hsa_units : 0;
      std::string body = r.ok ? "Successfully reset HSA cache. HSA cache size was: " + std::to_string(before) +
                                    " HSA cache now is: " + std::to_string(after) + ".\n"
                              : "Reset HSA cache failed.\n";
      if (!r.ok) {
        for (const auto& l : r.lines) body += l + "\n";
      }
      respond(text_response(r.ok ? 200 : 500, std::move(body)));
    });
    return;
  }
  if (dashboard_ && dashboard_->answer(req, path, query, respond)) return;
  if (path == "/metrics" && req.method == "GET") {
    respond(text_response(200, metrics_text(), "text/plain; version=0.0.4; charset=utf-8"));
    return;
  }
  if (auto r = status_.answer(path, query)) {
    respond(std::move(*r));
    return;
  }
  respond(text_response(404, "admin endpoints: POST /admin/reload, GET /resetcache, GET /resethsacache, GET /metrics, "
                     "GET /status, GET /health/live, GET /health/ready, GET /dashboard\n"));
}

}  // namespace tidnav::app
