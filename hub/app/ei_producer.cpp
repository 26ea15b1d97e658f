// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/app/ei_producer.hpp"

#include "hub/ei/ei_codec.hpp"
#include "hub/net/url.hpp"

namespace tidnav::app {

class ei_producer::sender final : public ei::notification_sender {
 public:
  sender(const runtime_holder& rt, net::http_client& client) : runtime_(rt), client_(client) {}

  void send(const ei::outbound_notification& n, std::function<void(bool, std::string)> done) override {
    net::client_request r = net::make_post(n.target, n.envelope,
                                           {{"Content-Type", "text/xml; charset=UTF-8"}, {"SOAPAction", "\"" + n.soap_action + "\""}});
    const runtime_ptr rt = runtime_.get();
    if (auto u = net::parse_url(n.target); u && u->tls && rt) {
      try {
        r.tls = rt->producer_tls(u->host, u->port);
      } catch (const std::exception& e) {
        done(false, e.what());
        return;
      }
    }
    client_.async_request(std::move(r), [done = std::move(done)](net::client_result res) {
      if (!res.ok()) {
        done(false, res.error.message() + (res.detail.empty() ? "" : ": " + res.detail));
        return;
      }
      std::string detail;
      const bool ok = ei::notification_accepted(static_cast<int>(res.status), res.body, detail);
      done(ok, std::move(detail));
    });
  }

 private:
  const runtime_holder& runtime_;
  net::http_client& client_;
};

namespace {

ei::ei_host_options host_options(const core::hub_config& cfg) {
  ei::ei_host_options o;
  o.service.alternative_hsa_ids = cfg.engagement_index.alternative_hsa_ids;
  o.service.reserved_hsa_ids = cfg.engagement_index.reserved_hsa_ids;
  for (const auto& s : cfg.engagement_index.subscribers) {
    ei::subscriber sub;
    sub.logical_address = s.logical_address;
    sub.target = s.url;
    sub.service_domain = s.service_domain;
    sub.categorizations = s.categorizations;
    o.service.subscribers.push_back(std::move(sub));
  }
  return o;
}

std::string header_value(const net::header_list& h, std::string_view name) {
  const std::string* v = net::find_header(h, name);
  if (!v) return {};
  std::string s = *v;
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  return s;
}

}  // namespace

ei_producer::ei_producer(const core::hub_config& cfg, const runtime_holder& runtime, net::http_client& client)
    : platform_hsa_id_(cfg.platform_hsa_id),
      sender_(std::make_unique<sender>(runtime, client)),
      host_(std::make_unique<ei::ei_host>(cfg.engagement_index.database, *sender_, host_options(cfg))),
      // SQLite has one writer; two threads let a FindContent run beside an Update.
      pool_(2),
      metrics_(std::make_unique<obs::registry>()) {
  using obs::metric_type;
  auto posts = [this](std::vector<obs::callback_sample>& out) {
    const ei::ei_counts c = host_->service().counters().snapshot();
    out.push_back({{"inserted"}, static_cast<double>(c.inserted)});
    out.push_back({{"updated"}, static_cast<double>(c.updated)});
    out.push_back({{"deleted"}, static_cast<double>(c.deleted)});
    out.push_back({{"unchanged"}, static_cast<double>(c.unchanged)});
  };
  metrics_->add_callback_family(metric_type::counter, "tidnav_ei_posts_total",
                                "Engagement posts by what a committed Update or ProcessNotification did to them",
                                {"change"}, posts);
  auto requests = [this](std::vector<obs::callback_sample>& out) {
    const ei::ei_counts c = host_->service().counters().snapshot();
    out.push_back({{"Update", "ok"}, static_cast<double>(c.updates)});
    out.push_back({{"ProcessNotification", "ok"}, static_cast<double>(c.notifications)});
    out.push_back({{"FindContent", "ok"}, static_cast<double>(c.find_contents)});
    out.push_back({{"any", "fault"}, static_cast<double>(c.refused)});
  };
  metrics_->add_callback_family(metric_type::counter, "tidnav_ei_requests_total",
                                "Engagement index requests by operation, and those answered with a SOAP fault",
                                {"operation", "result"}, requests);
  metrics_->add_callback(metric_type::counter, "tidnav_ei_aggregator_finds_total",
                         "Engagement index lookups by the hub's aggregating services", [this] {
                           return static_cast<double>(host_->service().counters().snapshot().aggregator_finds);
                         });
  metrics_->add_callback(metric_type::gauge, "tidnav_ei_outbox_pending", "Notifications waiting for (re)delivery",
                         [this] { return static_cast<double>(stats().outbox.pending); });
  metrics_->add_callback(metric_type::gauge, "tidnav_ei_outbox_in_flight", "Notifications sent, no answer yet",
                         [this] { return static_cast<double>(stats().outbox_in_flight); });
  metrics_->add_callback(metric_type::counter, "tidnav_ei_outbox_delivered_total",
                         "Notifications delivered (since the database was created)",
                         [this] { return static_cast<double>(stats().outbox.delivered); });
  metrics_->add_callback(metric_type::counter, "tidnav_ei_outbox_failed_attempts_total",
                         "Failed notification attempts (since the database was created)",
                         [this] { return static_cast<double>(stats().outbox.failed_attempts); });
  metrics_->add_callback(metric_type::gauge, "tidnav_ei_outbox_dead",
                         "Notifications given up after the configured number of attempts",
                         [this] { return static_cast<double>(stats().outbox.dead); });
}

ei_producer::~ei_producer() { stop(); }

void ei_producer::stop() {
  pool_.stop();
  if (host_) host_->worker().stop();
}

ei::engagement_store& ei_producer::store() { return host_->store(); }
ei::outbox_worker& ei_producer::outbox() { return host_->worker(); }

std::vector<ei::engagement> ei_producer::find(const ei::find_query& q) {
  host_->service().counters().aggregator_find();
  return host_->store().find(q);
}

ei_stats ei_producer::stats() {
  ei_stats s;
  s.posts_and_requests = host_->service().counters().snapshot();
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(stats_mutex_);
  if (outbox_read_at_ == std::chrono::steady_clock::time_point{} || now - outbox_read_at_ >= std::chrono::seconds(1)) {
    try {
      outbox_cache_ = host_->worker().metrics();
      outbox_read_at_ = now;
    } catch (const std::exception&) {
      // A store that cannot be read keeps its last figures; the next ask retries.
    }
  }
  s.outbox = outbox_cache_.stored;
  s.outbox_in_flight = outbox_cache_.in_flight;
  return s;
}

std::string ei_producer::metrics_text() { return metrics_->render(); }

void ei_producer::call(local_call c, std::function<void(net::client_result)> done) {
  pool_.post([this, c = std::move(c), done = std::move(done)] {
    const auto started = std::chrono::steady_clock::now();
    ei::call_context ctx;
    ctx.consumer_hsa_id = c.sender;
    ctx.logical_address = c.logical_address;
    ctx.platform_hsa_id = platform_hsa_id_;
    net::client_result r;
    r.attempts = 1;
    try {
      ei::producer_reply reply = host_->handle(header_value(c.headers, "SOAPAction"), c.body, ctx);
      r.status = static_cast<unsigned>(reply.http_status);
      r.body = std::move(reply.body);
      r.headers.push_back({"Content-Type", "text/xml; charset=UTF-8"});
    } catch (const std::exception& e) {
      r.error = net::client_errc::bad_response;
      r.detail = std::string("engagement index failed: ") + e.what();
    }
    r.elapsed = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
    done(std::move(r));
  });
}

}  // namespace tidnav::app
