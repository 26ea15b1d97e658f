// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/app/header_policy.hpp"

#include <unordered_map>

namespace tidnav::app {
namespace {

// Per-thread memo of regex verdicts. Header names come from callers, so the
// memo stops growing at a fixed size instead of letting them fill memory.
class verdict_cache {
 public:
  bool drops(const runtime& rt, const header_filter& f, std::string_view name) {
    if (generation_ != rt.generation || owner_ != &rt) {
      verdicts_.clear();
      generation_ = rt.generation;
      owner_ = &rt;
    }
    std::string key(name);
    for (char& c : key) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    if (auto it = verdicts_.find(key); it != verdicts_.end()) return it->second;
    const bool v = f.drops(name);
    if (verdicts_.size() < max_entries) verdicts_.emplace(std::move(key), v);
    return v;
  }

 private:
  static constexpr std::size_t max_entries = 4096;
  std::unordered_map<std::string, bool> verdicts_;
  std::uint64_t generation_ = ~std::uint64_t{0};
  const runtime* owner_ = nullptr;
};

thread_local verdict_cache request_cache;
thread_local verdict_cache response_cache;

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  for (auto n : names) {
    if (net::iequals(name, n)) return true;
  }
  return false;
}

}  // namespace

bool drops_request_header(const runtime& rt, std::string_view name) {
  return request_cache.drops(rt, rt.request_headers, name);
}

bool drops_response_header(const runtime& rt, std::string_view name) {
  return response_cache.drops(rt, rt.response_headers, name);
}

net::header_list producer_request_headers(const runtime& rt, const net::header_list& inbound,
                                          const producer_header_values& v) {
  const auto& cfg = rt.config.headers;
  net::header_list out;
  out.reserve(inbound.size() + 6);
  for (const auto& h : inbound) {
    if (net::is_framing_header(h.name)) continue;
    // Set below from our own values; a consumer cannot choose them.
    if (is_one_of(h.name, {headers::host, headers::content_type, headers::user_agent, headers::correlation_id,
                           headers::original_consumer, headers::sender_id, headers::instance_id})) {
      continue;
    }
    if (!v.routing_history.empty() && net::iequals(h.name, headers::routing_history)) continue;
    // The consumer's certificate never travels further, whatever the filters say.
    if (net::iequals(h.name, cfg.forwarded_cert)) continue;
    if (drops_request_header(rt, h.name)) continue;
    out.push_back(h);
  }
  out.push_back({std::string(headers::original_consumer), std::string(v.original_consumer)});
  if (v.http_producer || cfg.propagate_correlation_id_for_https) {
    out.push_back({std::string(headers::correlation_id), std::string(v.correlation_id)});
  }
  if (v.http_producer) {
    out.push_back({std::string(headers::sender_id), std::string(v.sender)});
    out.push_back({std::string(headers::instance_id), rt.config.instance_id});
  }
  if (!v.routing_history.empty()) out.push_back({std::string(headers::routing_history), std::string(v.routing_history)});
  if (!cfg.user_agent.empty()) out.push_back({std::string(headers::user_agent), cfg.user_agent});
  out.push_back({std::string(headers::content_type), cfg.content_type});
  return out;
}

net::header_list consumer_response_headers(const runtime& rt, const net::header_list& producer,
                                           std::string_view correlation_id, std::chrono::microseconds producer_time) {
  net::header_list out;
  out.reserve(producer.size() + 3);
  for (const auto& h : producer) {
    if (net::is_framing_header(h.name)) continue;
    if (is_one_of(h.name, {headers::content_type, headers::correlation_id, headers::producer_round_trip})) continue;
    if (drops_response_header(rt, h.name)) continue;
    out.push_back(h);
  }
  out.push_back({std::string(headers::content_type), std::string(headers::consumer_content_type)});
  out.push_back({std::string(headers::correlation_id), std::string(correlation_id)});
  out.push_back({std::string(headers::producer_round_trip), std::to_string(producer_time.count() / 1000)});
  return out;
}

net::response text_response(unsigned status, std::string body, std::string_view content_type) {
  net::response r;
  r.status = status;
  r.headers.push_back({std::string(headers::content_type), std::string(content_type)});
  r.body = std::move(body);
  return r;
}

net::header_list minimal_response_headers(std::string_view correlation_id, std::string_view content_type) {
  net::header_list out;
  out.push_back({std::string(headers::content_type), std::string(content_type)});
  if (!correlation_id.empty()) out.push_back({std::string(headers::correlation_id), std::string(correlation_id)});
  return out;
}

}  // namespace tidnav::app
