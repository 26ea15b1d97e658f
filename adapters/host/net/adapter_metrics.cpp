// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/host/net/adapter_metrics.hpp"

namespace tidnav::adapters::host {
namespace {

// Operation names come from the request's SOAPAction: bound what a caller can add.
obs::family_options bounded() {
  obs::family_options o;
  o.max_children = 500;
  o.max_label_value_bytes = 64;
  return o;
}

// The text of the answer's resultCode element (any prefix), if it has one.
// Both families carry exactly one per answer that has a result at all.
std::optional<std::string_view> result_code(std::string_view body) {
  static constexpr std::string_view tag = "resultCode>";
  for (std::size_t at = body.find(tag); at != std::string_view::npos; at = body.find(tag, at + 1)) {
    // An opening tag: "<resultCode>" or "<p:resultCode>", not "</...resultCode>".
    const std::size_t lt = body.rfind('<', at);
    if (lt == std::string_view::npos || body.substr(lt, 2) == "</") continue;
    const std::size_t start = at + tag.size();
    const std::size_t end = body.find('<', start);
    if (end == std::string_view::npos) return std::nullopt;
    std::string_view v = body.substr(start, end - start);
    while (!v.empty() && (v.front() == ' ' || v.front() == '\n' || v.front() == '\t' || v.front() == '\r'))
      v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\n' || v.back() == '\t' || v.back() == '\r'))
      v.remove_suffix(1);
    return v;
  }
  return std::nullopt;
}

}  // namespace

std::string_view call_outcome(const producer_reply& reply) {
  if (reply.http_status != 200) return "fault";
  const auto code = result_code(reply.body);
  if (!code || *code == "OK" || *code == "INFO") return "ok";
  return "business_error";
}

adapter_metrics::adapter_metrics()
    : calls_(registry_.add_counter_family("tidnav_adapter_calls_total",
                                          "Contract calls answered, by family, operation and outcome "
                                          "(ok, business_error, fault)",
                                          {"family", "operation", "outcome"}, bounded())),
      latency_(registry_.add_histogram_family("tidnav_adapter_call_duration_seconds",
                                              "Time from the request's last byte to the answer, by family",
                                              {"family"}, obs::default_latency_buckets(), bounded())) {}

void adapter_metrics::record_call(std::string_view family, std::string_view operation, const producer_reply& reply,
                                  std::chrono::steady_clock::duration took) {
  const std::string_view f = family.empty() ? std::string_view("unrouted") : family;
  calls_.with_labels({f, operation, call_outcome(reply)}).inc();
  latency_.with_labels({f}).observe(took);
}

void adapter_metrics::watch_outbox(std::function<std::optional<ei::outbox_metrics>()> read) {
  registry_.add_callback_family(
      obs::metric_type::gauge, "tidnav_adapter_ei_outbox",
      "EI outbox rows: pending (waiting for delivery), delivered and failed attempts since the outbox was "
      "created, in flight",
      {"state"}, [read = std::move(read)](std::vector<obs::callback_sample>& out) {
        const auto m = read();
        if (!m) return;
        out.push_back({{"pending"}, static_cast<double>(m->stored.pending)});
        out.push_back({{"delivered"}, static_cast<double>(m->stored.delivered)});
        out.push_back({{"failed"}, static_cast<double>(m->stored.failed_attempts)});
        out.push_back({{"dead"}, static_cast<double>(m->stored.dead)});
        out.push_back({{"in_flight"}, static_cast<double>(m->in_flight)});
      });
}

void adapter_metrics::watch_violations(const bridge::violation_source& source) {
  registry_.add_callback_family(
      obs::metric_type::counter, "tidnav_adapter_producer_violations_total",
      "Answers of the booking system's own producer that broke its contract and were read leniently, by kind",
      {"producer", "kind"}, [&source](std::vector<obs::callback_sample>& out) {
        for (const auto& v : source.violation_counts()) {
          out.push_back({{v.producer, std::string(bridge::to_string(v.kind))}, static_cast<double>(v.count)});
        }
      });
}

}  // namespace tidnav::adapters::host
