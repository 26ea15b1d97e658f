// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/app/hub_observer.hpp"

#include "hub/core/riv_profile.hpp"
#include "hub/obs/log_output.hpp"

namespace tidnav::app {
namespace {

std::unique_ptr<obs::call_log> make_call_log(const core::call_log_config& c) {
  if (c.path.empty()) return nullptr;
  std::unique_ptr<obs::log_output> out = c.path == "-" ? obs::stdout_output() : obs::file_output(c.path);
  obs::call_log_options o;
  o.capacity = c.queue;
  o.redact_personal_ids = c.redact_personal_ids;
  return std::make_unique<obs::call_log>(std::move(out), o);
}

std::string profile_name(core::riv_profile p) {
  switch (p) {
    case core::riv_profile::rivtabp20: return "RIVTABP20";
    case core::riv_profile::rivtabp21: return "RIVTABP21";
    default: return {};
  }
}

double value(const net::counter& c) { return static_cast<double>(c.load(std::memory_order_relaxed)); }

}  // namespace

hub_observer::hub_observer(const core::hub_config& cfg, net::log_sink events)
    : events_(std::move(events)), call_log_(make_call_log(cfg.call_log)), redact_(cfg.call_log.redact_personal_ids) {
  if (!cfg.audit.path.empty()) {
    audit_ = std::make_unique<call_audit>(cfg.audit, events_);
  } else {
    net::log_line("warn", "audit_disabled")
        .str("detail", "audit.path is empty: calls that read or change a person's data are not recorded")
        .emit(events_);
  }
  // The contract label is taken from routed calls only (see call_finished), and
  // capped, so request bytes cannot grow the series without bound.
  obs::family_options capped;
  capped.max_children = 2000;
  calls_ = &registry_.add_counter_family("tidnav_calls_total", "Routed calls by contract and outcome (ok, producer_fault, VPnnn)",
                                         {"contract", "outcome"}, capped);
  total_seconds_ = &registry_.add_histogram_family("tidnav_call_seconds",
                                                   "Request received to answer handed over, by outcome", {"outcome"});
  hub_seconds_ = &registry_.add_histogram("tidnav_hub_seconds", "Time spent in the hub itself (call minus producer)");
  producer_seconds_ = &registry_.add_histogram_family("tidnav_producer_seconds",
                                                      "Producer round trip (incl. a connect retry), by contract",
                                                      {"contract"}, obs::default_latency_buckets(), capped);
  reloads_ = &registry_.add_counter_family("tidnav_reloads_total", "Routing snapshot reloads by result", {"result"});
  warnings_ = &registry_.add_counter("tidnav_call_warnings_total",
                                     "Calls with a warning (e.g. original consumer header from a sender not allowed)");
  registry_.add_callback(obs::metric_type::gauge, "tidnav_snapshot_generation", "Generation of the routing snapshot in use",
                         [this] {
                           std::lock_guard lock(runtime_mutex_);
                           return scrape_runtime_ ? static_cast<double>(scrape_runtime_->generation) : 0.0;
                         });
  registry_.add_callback(obs::metric_type::gauge, "tidnav_snapshot_routes", "Routes (vägval) in the snapshot in use", [this] {
    std::lock_guard lock(runtime_mutex_);
    return scrape_runtime_ ? static_cast<double>(scrape_runtime_->routing.routes) : 0.0;
  });
  registry_.add_callback(obs::metric_type::gauge, "tidnav_snapshot_permissions",
                         "Permissions (anropsbehörigheter) in the snapshot in use", [this] {
                           std::lock_guard lock(runtime_mutex_);
                           return scrape_runtime_ ? static_cast<double>(scrape_runtime_->routing.permissions) : 0.0;
                         });
  if (call_log_) {
    auto* log = call_log_.get();
    registry_.add_callback(obs::metric_type::counter, "tidnav_call_log_dropped_total",
                           "Call log records dropped because the writer fell behind (each drop is also logged)",
                           [log] { return static_cast<double>(log->dropped()); });
    registry_.add_callback(obs::metric_type::counter, "tidnav_call_log_write_errors_total",
                           "Call log records the output refused", [log] { return static_cast<double>(log->write_errors()); });
  }
  if (audit_) {
    const audit::audit_log* a = &audit_->log();
    registry_.add_callback(obs::metric_type::counter, "tidnav_audit_records_total", "Audit records written durably",
                           [a] { return static_cast<double>(a->written()); });
    registry_.add_callback(obs::metric_type::counter, "tidnav_audit_dropped_total",
                           "Audit records dropped because the audit queue was full (each drop is also logged)",
                           [a] { return static_cast<double>(a->dropped()); });
    registry_.add_callback(obs::metric_type::counter, "tidnav_audit_write_errors_total",
                           "Failed audit writes (the records are kept and retried)",
                           [a] { return static_cast<double>(a->write_errors()); });
    registry_.add_callback(obs::metric_type::gauge, "tidnav_audit_queue", "Audit records waiting for the writer",
                           [a] { return static_cast<double>(a->queued()); });
  }
}

void hub_observer::call_planned(const net::request_context& req, call_facts& facts, std::string_view body) {
  if (audit_) audit_->planned(req, facts, body);
}

hub_observer::~hub_observer() = default;

void hub_observer::attach_server(const std::string& listener, const net::server_stats& s) {
  const std::string p = "tidnav_listener_" + listener + "_";
  registry_.add_callback(obs::metric_type::gauge, p + "connections_active", "Open connections on the " + listener + " listener",
                         [&s] { return value(s.connections_active); });
  registry_.add_callback(obs::metric_type::counter, p + "connections_total", "Accepted connections",
                         [&s] { return value(s.connections_accepted); });
  registry_.add_callback(obs::metric_type::counter, p + "tls_handshake_failures_total", "Failed TLS handshakes",
                         [&s] { return value(s.tls_handshake_failures); });
  registry_.add_callback_family(obs::metric_type::counter, p + "rejected_total",
                                "Requests and connections refused by the listener's limits", {"reason"},
                                [&s](std::vector<obs::callback_sample>& out) {
                                  out.push_back({{"over_max_connections"}, value(s.connections_refused)});
                                  out.push_back({{"header_timeout"}, value(s.header_timeouts)});
                                  out.push_back({{"body_timeout"}, value(s.body_timeouts)});
                                  out.push_back({{"header_too_large"}, value(s.header_too_large)});
                                  out.push_back({{"body_too_large"}, value(s.body_too_large)});
                                  out.push_back({{"bad_request"}, value(s.bad_requests)});
                                  out.push_back({{"handler_error"}, value(s.handler_errors)});
                                });
}

void hub_observer::attach_client(const net::client_stats& s) {
  registry_.add_callback(obs::metric_type::counter, "tidnav_producer_requests_total", "Producer calls started",
                         [&s] { return value(s.requests); });
  registry_.add_callback(obs::metric_type::counter, "tidnav_producer_connections_opened_total",
                         "New connections to producers", [&s] { return value(s.connections_opened); });
  registry_.add_callback(obs::metric_type::counter, "tidnav_producer_connections_reused_total",
                         "Producer calls on a pooled keep-alive connection", [&s] { return value(s.connections_reused); });
  registry_.add_callback(obs::metric_type::counter, "tidnav_producer_tls_handshakes_total", "TLS handshakes with producers",
                         [&s] { return value(s.tls_handshakes); });
  registry_.add_callback(obs::metric_type::counter, "tidnav_producer_retries_total",
                         "Calls retried because no request byte had been sent", [&s] { return value(s.retries); });
  registry_.add_callback_family(obs::metric_type::counter, "tidnav_producer_failures_total", "Failed producer attempts by kind",
                                {"kind"}, [&s](std::vector<obs::callback_sample>& out) {
                                  out.push_back({{"resolve"}, value(s.failures_resolve)});
                                  out.push_back({{"connect"}, value(s.failures_connect)});
                                  out.push_back({{"tls"}, value(s.failures_tls)});
                                  out.push_back({{"write"}, value(s.failures_write)});
                                  out.push_back({{"read"}, value(s.failures_read)});
                                  out.push_back({{"timeout"}, value(s.failures_timeout)});
                                  out.push_back({{"response_too_large"}, value(s.failures_response_too_large)});
                                  out.push_back({{"bad_response"}, value(s.failures_bad_response)});
                                });
}

void hub_observer::reload_done(bool ok) { reloads_->with_labels({ok ? "ok" : "failed"}).inc(); }

void hub_observer::call_finished(const net::request_context& req, const call_facts& f, const consumer_answer& a,
                                 const call_timing& t) {
  const std::string_view outcome = outcome_label(a);
  const bool routed = !f.producer_url.empty();
  const std::string_view contract = routed ? std::string_view(f.contract) : std::string_view("unrouted");
  calls_->with_labels({contract, outcome}).inc();
  if (audit_) audit_->finished(req, f, outcome);
  stats_.record(req, f, outcome, t);
  total_seconds_->with_labels({outcome}).observe(t.total);
  hub_seconds_->observe(t.total > t.producer ? t.total - t.producer : std::chrono::microseconds{0});
  if (t.attempts > 0) producer_seconds_->with_labels({contract}).observe(t.producer);
  if (!f.warnings.empty()) {
    warnings_->inc();
    for (const auto& w : f.warnings) {
      net::log_line("warn", "call_warning")
          .str("correlation_id", redact_ ? mask_personal(f.correlation_id) : f.correlation_id)
          .str("detail", w)
          .emit(events_);
    }
  }
  if (!call_log_) return;

  obs::call_record r;
  r.event = obs::call_event::call;
  r.timestamp = std::chrono::system_clock::now();
  // Header values the consumer chose are masked like the address (hub/obs masks
  // logical_address and detail itself): a personnummer as a correlation id is still one.
  r.correlation_id = redact_ ? mask_personal(f.correlation_id) : f.correlation_id;
  r.consumer = f.sender;
  r.original_consumer = redact_ ? mask_personal(f.original_consumer) : f.original_consumer;
  r.contract = f.contract;
  r.operation = f.operation;
  r.logical_address = f.logical_address;
  r.riv_profile_in = profile_name(f.profile_in);
  r.riv_profile_out = profile_name(f.profile_out);
  r.producer = f.producer_url;
  r.outcome = std::string(outcome);
  r.http_status = static_cast<int>(a.response.status);
  r.hub_us = (t.total - t.producer).count();
  if (t.attempts > 0) r.producer_us = t.producer.count();
  r.request_bytes = static_cast<std::int64_t>(t.request_bytes);
  r.response_bytes = static_cast<std::int64_t>(t.response_bytes);
  r.connection_id = req.connection_id;
  r.remote_ip = req.remote_ip;
  r.tls_protocol = req.tls_protocol;
  r.detail = a.detail;
  if (t.attempts > 0) {
    // The producer leg as its own line: what the hub sent where, and how it went.
    obs::call_record p;
    p.event = obs::call_event::producer_attempt;
    p.timestamp = r.timestamp;
    p.correlation_id = r.correlation_id;
    p.consumer = f.sender;
    p.contract = f.contract;
    p.logical_address = f.logical_address;
    p.riv_profile_out = r.riv_profile_out;
    p.producer = f.producer_url;
    p.outcome = r.outcome;
    p.producer_us = t.producer.count();
    p.attempts = static_cast<int>(t.attempts);
    p.detail = a.detail;
    call_log_->submit(std::move(p));
  }
  call_log_->submit(std::move(r));
}

std::string hub_observer::metrics_text(const runtime_ptr& rt) const {
  std::lock_guard scrape(scrape_mutex_);
  {
    std::lock_guard lock(runtime_mutex_);
    scrape_runtime_ = rt;
  }
  std::string out = registry_.render();
  std::lock_guard lock(runtime_mutex_);
  scrape_runtime_.reset();
  return out;
}

void hub_observer::flush() {
  if (call_log_) call_log_->flush();
  if (audit_ && !audit_->flush(std::chrono::seconds(10))) {
    net::log_line("error", "audit_flush_incomplete")
        .num("queued", static_cast<std::int64_t>(audit_->log().queued()))
        .str("detail", "audit records still waiting after 10 s; they are written or reported as lost at exit")
        .emit(events_);
  }
}

void hub_observer::reopen() {
  if (call_log_ && !call_log_->reopen()) {
    net::log_line("error", "call_log_reopen_failed").emit(events_);
  }
}

}  // namespace tidnav::app
