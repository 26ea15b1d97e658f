// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/host/net/adapter_host.hpp"

#include "adapters/core/id_directory.hpp"
#include "adapters/core/idempotency_store.hpp"
#include "adapters/host/blocking_pool.hpp"
#include "adapters/host/change_poller.hpp"
#include "adapters/host/config_diff.hpp"
#include "adapters/host/ei_outbox.hpp"
#include "adapters/host/ei_posting_system.hpp"
#include "adapters/host/net/adapter_metrics.hpp"
#include "adapters/host/net/ei_sender.hpp"
#include "adapters/host/soap_service.hpp"
#include "contracts/soap_fault.hpp"
#include "hub/ei/timestamp.hpp"
#include "hub/net/http_server.hpp"
#include "hub/obs/exposition.hpp"

#include <nlohmann/json.hpp>

#include <atomic>
#include <fstream>
#include <iostream>
#include <mutex>
#include <stdexcept>

namespace tidnav::adapters::host {
namespace {

net::tls_context_ptr server_tls(const tls_files& f) {
  net::server_tls_options t;
  t.ca_file = f.ca;
  t.cert_chain_file = f.cert;
  t.key_file = f.key;
  return net::make_server_tls_context(t);
}

void write_port_file(const std::filesystem::path& file, std::uint16_t port) {
  if (!file.empty()) std::ofstream(file) << port << "\n";
}

}  // namespace

struct adapter_host::impl {
  config_ptr config;
  log_line log;
  std::unique_ptr<idempotency_store> writes;
  id_directory ids;
  std::unique_ptr<booking_system> backend;
  std::unique_ptr<ei_outbox> outbox;
  std::unique_ptr<ei_posting_system> posting;
  std::unique_ptr<ei_sender> sender;
  std::unique_ptr<ei::outbox_worker> worker;
  std::unique_ptr<change_watermark> watermark;  // the change feed's; null when off
  std::unique_ptr<change_poller> poller;
  std::unique_ptr<soap_service> service;
  std::unique_ptr<blocking_pool> pool;
  std::unique_ptr<adapter_metrics> metrics;  // null when metrics.enabled is false
  std::unique_ptr<net::http_server> server;
  std::unique_ptr<net::http_server> admin;  // plain HTTP; null without `admin:`
  std::atomic<bool> ready{false};           // started and not stopping: /health/ready
  std::mutex reload_mutex;
  bool stopped = false;

  booking_system& front() { return posting ? static_cast<booking_system&>(*posting) : *backend; }

  void write(nlohmann::json line) {
    line["ts"] = ei::stockholm_ts(std::chrono::system_clock::now());
    line["adapter"] = config->name;
    log(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }

  static std::string path_of(const net::request_context& req) { return req.target.substr(0, req.target.find('?')); }

  bool is_probe(const std::string& path) const {
    return path == "/health/live" || path == "/health/ready" || (path == "/metrics" && metrics);
  }

  // GET /health/live, /health/ready and /metrics: cheap, answered on the io
  // thread without touching the booking system. False: not one of them.
  bool probe(const net::request_context& req, const net::responder& respond) {
    const std::string path = path_of(req);
    if (req.method != "GET" || !is_probe(path)) return false;
    const std::string text = "text/plain; charset=utf-8";
    if (path == "/health/live") {
      respond(200, {{"Content-Type", text}}, "ok\n");
    } else if (path == "/health/ready") {
      const bool up = ready.load();
      respond(up ? 200 : 503, {{"Content-Type", text}}, up ? "ready\n" : "not ready\n");
    } else {
      respond(200, {{"Content-Type", std::string(obs::exposition_content_type)}}, metrics->render());
    }
    return true;
  }

  // The admin listener: probes only. Never a contract, whatever is posted.
  void serve_admin(const net::request_context& req, const net::responder& respond) {
    if (probe(req, respond)) return;
    if (is_probe(path_of(req))) {
      respond(405, {{"Allow", "GET"}, {"Content-Type", "text/plain; charset=utf-8"}}, "Use GET\n");
      return;
    }
    respond(404, {{"Content-Type", "text/plain; charset=utf-8"}},
            std::string("admin endpoints: GET /health/live, GET /health/ready") + (metrics ? ", GET /metrics" : "") +
                " (contracts are served on the mutual-TLS listener only)\n");
  }

  void serve(net::request_context req, net::responder respond) {
    const std::string* action = net::find_header(req.headers, "SOAPAction");
    const std::string consumer = req.peer.serial_numbers.empty() ? std::string() : req.peer.serial_numbers.front();
    const auto until = req.received_at + config->backend_timeout;
    const service_reply out = service->handle(action ? *action : std::string(), req.body, consumer, until);
    const auto took = std::chrono::steady_clock::now() - req.received_at;
    // Counted before the answer leaves, so a scrape after the answer sees the call.
    if (metrics) metrics->record_call(out.family, out.operation, out.reply, took);
    respond(static_cast<unsigned>(out.reply.http_status), {{"Content-Type", "text/xml; charset=UTF-8"}},
            out.reply.body);
    write({{"event", "call"},
           {"family", out.family},
           {"operation", out.operation},
           {"consumer", consumer},
           {"status", out.reply.http_status},
           {"ms", std::chrono::duration_cast<std::chrono::milliseconds>(took).count()}});
  }
};

adapter_host::adapter_host(config_ptr config, log_line log) : impl_(std::make_unique<impl>()) {
  impl_->config = std::move(config);
  impl_->log = log ? std::move(log) : [](const std::string& line) {
    static std::mutex m;
    std::lock_guard lock(m);
    std::cerr << line << std::endl;
  };
}

adapter_host::~adapter_host() { stop(); }

void adapter_host::start() {
  impl& s = *impl_;
  const adapter_config& c = *s.config;
  std::error_code ec;
  std::filesystem::create_directories(c.state_dir, ec);
  if (ec) throw std::runtime_error("state_dir " + c.state_dir.string() + ": " + ec.message());

  std::string error;
  s.writes = idempotency_store::open((c.state_dir / "idempotency.db").string(), {}, error);
  if (!s.writes) throw std::runtime_error("idempotency store: " + error);
  if (!c.build_system) throw std::runtime_error("no booking system was configured");
  s.backend = c.build_system();

  if (c.engagement_index) {
    const ei_settings& e = *c.engagement_index;
    s.outbox = std::make_unique<ei_outbox>((c.state_dir / "ei-outbox.db").string());
    s.sender = std::make_unique<ei_sender>(e);
    ei::outbox_worker_config wc;
    wc.operation = ei::ei_operation::update;
    wc.backoff.initial = e.retry_initial;
    wc.backoff.max = e.retry_max;
    wc.send_timeout = e.timeout + std::chrono::seconds(5);
    s.worker = std::make_unique<ei::outbox_worker>(*s.outbox, *s.sender, wc);
    ei_posting_system::hooks h;
    h.enqueued = [w = s.worker.get()] { w->wake(); };
    h.on_problem = [p = &s](const std::string& what) { p->write({{"event", "ei_problem"}, {"detail", what}}); };
    s.posting = std::make_unique<ei_posting_system>(
        *s.backend, c.units, ei_post_settings{e.source_system, e.data_controller, e.post_sched2, e.post_crm11},
        ei_destination{e.logical_address, e.url}, *s.outbox, std::move(h));
    s.worker->start();
    // Changes made directly in the booking system (not through us): on by default where the system has a feed.
    auto* feed = dynamic_cast<change_source*>(s.backend.get());
    if (feed && e.change_feed.enabled.value_or(true)) {
      s.watermark = std::make_unique<change_watermark>((c.state_dir / "change-feed.db").string());
      change_poller::hooks ph;
      ph.enqueued = [w = s.worker.get()] { w->wake(); };
      ph.log = [p = &s](const std::string& event, const std::string& detail) {
        p->write({{"event", event}, {"detail", detail}});
      };
      s.poller = std::make_unique<change_poller>(
          *feed, c.units, ei_post_settings{e.source_system, e.data_controller, e.post_sched2, e.post_crm11},
          ei_destination{e.logical_address, e.url}, *s.outbox, *s.watermark, e.change_feed, std::move(ph));
      s.poller->start();
    } else if (!feed && e.change_feed.enabled.value_or(false)) {
      s.write({{"event", "ei_problem"},
               {"detail", "engagement_index.change_feed: system " + c.system + " has no change feed; ignored"}});
    }
  }

  service_options so;
  so.sched2 = c.serve_sched2;
  so.crm11 = c.serve_crm11;
  so.name = c.name;
  so.system = c.system;
  s.service = std::make_unique<soap_service>(s.front(), c.units, so, s.writes.get(), &s.ids);
  s.pool = std::make_unique<blocking_pool>(c.workers);
  if (c.metrics_enabled) {
    s.metrics = std::make_unique<adapter_metrics>();
    if (s.worker) s.metrics->watch_outbox([w = s.worker.get()] { return std::optional(w->metrics()); });
    // A bridge (pasis, pmo) counts what its producer sends against its own contract.
    if (const auto* v = dynamic_cast<const bridge::violation_source*>(s.backend.get())) s.metrics->watch_violations(*v);
  }

  net::server_options o;
  o.listen = {net::listen_endpoint{c.listen.address, c.listen.port, true}};
  o.tls = server_tls(c.tls);
  o.io_threads = 1;
  impl* p = &s;
  s.server = std::make_unique<net::http_server>(std::move(o), [p](net::request_context req, net::responder respond) {
    // The probes stay here too (behind the mutual TLS) for scrapers configured before `admin:` existed.
    if (p->probe(req, respond)) return;
    if (req.method != "POST") {
      respond(405, {{"Allow", "POST"}}, "");
      return;
    }
    // The booking system blocks: leave the io thread at once.
    auto job = [p, req = std::move(req), respond]() mutable { p->serve(std::move(req), respond); };
    if (!p->pool->post(std::move(job))) {
      respond(503, {{"Content-Type", "text/xml; charset=UTF-8"}},
              contracts::make_soap_fault(false, "The adapter is shutting down"));
    }
  });
  s.server->start();
  if (c.admin) {
    net::server_options ao;
    ao.listen = {net::listen_endpoint{c.admin->address, c.admin->port, false}};
    ao.io_threads = 1;
    s.admin = std::make_unique<net::http_server>(
        std::move(ao), [p](net::request_context req, net::responder respond) { p->serve_admin(req, respond); });
    s.admin->start();
    write_port_file(c.admin->port_file, s.admin->port());
  }
  write_port_file(c.listen.port_file, s.server->port());
  s.ready = true;
  s.write({{"event", "started"},
           {"system", c.system},
           {"port", s.server->port()},
           {"admin_port", s.admin ? s.admin->port() : 0},
           {"units", c.units.entries().size()},
           {"engagement_index", c.engagement_index ? c.engagement_index->url : std::string()}});
}

void adapter_host::stop() {
  impl& s = *impl_;
  if (s.stopped) return;
  s.stopped = true;
  s.ready = false;
  if (s.server) s.server->stop();  // answers what is in flight
  if (s.pool) s.pool->stop();
  if (s.poller) s.poller->stop();  // before the worker: its rows are the worker's
  if (s.worker) s.worker->stop();  // undelivered rows stay in the outbox for the next start
  if (s.admin) s.admin->stop(std::chrono::milliseconds(1'000));  // last: a probe sees the drain
}

reload_report adapter_host::reload(const config_ptr& next) {
  impl& s = *impl_;
  const std::lock_guard lock(s.reload_mutex);
  reload_report r;
  if (!s.server || s.stopped) {
    r.lines.emplace_back("the adapter is not running");
    return r;
  }
  // Build everything first, swap after: a bad file changes nothing.
  net::tls_context_ptr server_ctx, ei_ctx;
  try {
    server_ctx = server_tls(next->tls);
  } catch (const std::exception& e) {
    r.lines.emplace_back(std::string("tls: ") + e.what());
  }
  if (s.sender && next->engagement_index) {
    try {
      ei_ctx = ei_sender::make_tls(*next->engagement_index);
    } catch (const std::exception& e) {
      r.lines.emplace_back(std::string("engagement_index.client: ") + e.what());
    }
  }
  if (!r.lines.empty()) {
    r.lines.insert(r.lines.begin(), "reload failed; the running configuration stays in use");
  } else {
    const bool ei_reread = ei_ctx != nullptr;
    s.server->set_tls_context(std::move(server_ctx));
    if (ei_reread) s.sender->set_tls(std::move(ei_ctx));
    r.ok = true;
    r.lines.emplace_back(std::string("tls re-read") + (ei_reread ? ", engagement_index.client re-read" : ""));
    for (const auto& k : restart_only_changes(*s.config, *next)) {
      r.lines.push_back("warning: " + k + " changed; it takes effect on restart");
    }
  }
  nlohmann::json detail = r.lines;
  s.write({{"event", r.ok ? "reloaded" : "reload_failed"}, {"detail", detail}});
  return r;
}

void adapter_host::reload_failed(const std::vector<std::string>& errors) {
  nlohmann::json detail = errors;
  impl_->write({{"event", "reload_failed"},
                {"reason", "the configuration has errors; the running configuration stays in use"},
                {"errors", detail}});
}

std::uint16_t adapter_host::admin_port() const { return impl_->admin ? impl_->admin->port() : 0; }

std::uint16_t adapter_host::port() const { return impl_->server ? impl_->server->port() : 0; }

booking_system& adapter_host::system() { return impl_->front(); }

std::optional<ei::outbox_metrics> adapter_host::ei_metrics() {
  if (!impl_->worker) return std::nullopt;
  return impl_->worker->metrics();
}

}  // namespace tidnav::adapters::host
