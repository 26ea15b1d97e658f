// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/app/dashboard_stats.hpp"

#include "hub/obs/privacy.hpp"

namespace tidnav::app {
namespace {

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// The producer URL is configuration; a local name or URL never needs 200 bytes.
constexpr std::size_t max_producers = 4096;

}  // namespace

std::string mask_personal(std::string_view text) {
  return obs::contains_personnummer(text) ? obs::redact_personal_ids(text) : std::string(text);
}

dashboard_stats::dashboard_stats(std::size_t recent_capacity) : capacity_(recent_capacity) {}

void dashboard_stats::record(const net::request_context& req, const call_facts& f, std::string_view outcome,
                             const call_timing& t) {
  const std::int64_t at = now_ms();
  recent_call c;
  c.at_ms = at;
  c.correlation_id = mask_personal(f.correlation_id);
  c.consumer = mask_personal(f.sender);
  c.contract = mask_personal(f.contract);
  c.operation = mask_personal(f.operation);
  c.logical_address = mask_personal(f.logical_address);
  c.producer = f.producer_url;
  c.outcome = std::string(outcome);
  c.total_us = t.total.count();
  c.producer_us = t.attempts > 0 ? t.producer.count() : 0;
  c.in_process = req.remote_ip == "in-process";
  const bool ok = outcome == "ok";
  const bool forwarded = t.attempts > 0;

  std::lock_guard lock(mutex_);
  ++total_;
  second& s = seconds_[static_cast<std::size_t>(at / 1000) % ring_seconds];
  if (s.at_s != at / 1000) s = second{at / 1000};
  ++s.calls;
  if (!ok) ++s.failures;
  s.total_us += c.total_us;
  s.hub_us += c.total_us - c.producer_us;
  if (forwarded) {
    ++s.forwarded;
    s.producer_us += c.producer_us;
  }
  if (!f.producer_url.empty() && (producers_.size() < max_producers || producers_.count(f.producer_url))) {
    producer_health& p = producers_[f.producer_url];
    p.url = f.producer_url;
    ++p.calls;
    p.last_at_ms = at;
    p.last_outcome = std::string(outcome);
    // A producer fault is an answer: the producer is up. VP codes after routing mean it was not reachable.
    if (ok || outcome == "producer_fault") {
      p.last_ok_ms = at;
    } else {
      ++p.failures;
      p.last_failure_ms = at;
    }
    if (forwarded) {
      p.mean_producer_us = p.mean_producer_us == 0 ? static_cast<double>(c.producer_us)
                                                   : p.mean_producer_us * 0.95 + static_cast<double>(c.producer_us) * 0.05;
    }
  }
  recent_.push_front(std::move(c));
  if (recent_.size() > capacity_) recent_.pop_back();
}

std::vector<recent_call> dashboard_stats::recent(std::size_t max) const {
  std::lock_guard lock(mutex_);
  const std::size_t n = std::min(max, recent_.size());
  return {recent_.begin(), recent_.begin() + static_cast<std::ptrdiff_t>(n)};
}

std::vector<producer_health> dashboard_stats::producers() const {
  std::lock_guard lock(mutex_);
  std::vector<producer_health> out;
  out.reserve(producers_.size());
  for (const auto& [url, p] : producers_) out.push_back(p);
  return out;
}

std::uint64_t dashboard_stats::total_calls() const {
  std::lock_guard lock(mutex_);
  return total_;
}

traffic_window dashboard_stats::window(int seconds) const {
  seconds = std::clamp(seconds, 1, 60);
  const std::int64_t now_s = now_ms() / 1000;
  traffic_window w;
  w.seconds = seconds;
  std::uint64_t forwarded = 0;
  std::int64_t total_us = 0, hub_us = 0, producer_us = 0;
  std::lock_guard lock(mutex_);
  // The current second is still filling: the window is the `seconds` before it, plus it.
  for (const second& s : seconds_) {
    if (s.calls == 0 || s.at_s > now_s || s.at_s < now_s - seconds) continue;
    w.calls += s.calls;
    w.failures += s.failures;
    forwarded += s.forwarded;
    total_us += s.total_us;
    hub_us += s.hub_us;
    producer_us += s.producer_us;
  }
  if (w.calls > 0) {
    w.mean_total_us = static_cast<double>(total_us) / static_cast<double>(w.calls);
    w.mean_hub_us = static_cast<double>(hub_us) / static_cast<double>(w.calls);
  }
  if (forwarded > 0) w.mean_producer_us = static_cast<double>(producer_us) / static_cast<double>(forwarded);
  return w;
}

}  // namespace tidnav::app
