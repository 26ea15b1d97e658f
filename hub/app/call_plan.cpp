// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/app/call_plan.hpp"

#include <random>

#include "hub/app/header_names.hpp"
#include "hub/app/header_policy.hpp"
#include "hub/core/envelope_sniffer.hpp"
#include "hub/core/hsa_id.hpp"
#include "hub/core/riv_rewrite.hpp"
#include "hub/net/peer_identity.hpp"

namespace tidnav::app {
namespace {

using core::fail;
using core::make_fault;
using core::vp_code;

std::string header_value(const net::header_list& h, std::string_view name) {
  const std::string* v = net::find_header(h, name);
  return v ? *v : std::string();
}

// nginx forwards $ssl_client_escaped_cert: the PEM, URL-encoded. Not
// core::percent_decode: that reads '+' as a space, and base64 is full of '+'.
std::string url_decoded(std::string_view v) {
  std::string out;
  out.reserve(v.size());
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '%' && i + 2 < v.size() && hex(v[i + 1]) >= 0 && hex(v[i + 2]) >= 0) {
      out += static_cast<char>(hex(v[i + 1]) * 16 + hex(v[i + 2]));
      i += 2;
    } else {
      out += v[i];
    }
  }
  return out;
}

bool has_instance(std::string_view history, std::string_view instance) {
  std::size_t pos = 0;
  while (pos <= history.size()) {
    const std::size_t hash = history.find('#', pos);
    const std::string_view part = history.substr(pos, hash == std::string_view::npos ? std::string_view::npos : hash - pos);
    if (core::trim_ascii(part) == instance) return true;
    if (hash == std::string_view::npos) break;
    pos = hash + 1;
  }
  return false;
}

// Sender ids are looked up once per distinct subject per thread: the regex is
// the costliest step of a call, and a keep-alive consumer repeats its subject.
std::optional<std::string> sender_from_subject(const runtime& rt, const std::string& subject) {
  struct memo {
    std::uint64_t generation = ~std::uint64_t{0};
    const runtime* owner = nullptr;
    std::unordered_map<std::string, std::optional<std::string>> ids;
  };
  thread_local memo m;
  if (m.generation != rt.generation || m.owner != &rt) {
    m.ids.clear();
    m.generation = rt.generation;
    m.owner = &rt;
  }
  if (auto it = m.ids.find(subject); it != m.ids.end()) return it->second;
  auto id = rt.sender_ids.extract(subject);
  if (m.ids.size() < 1024) m.ids.emplace(subject, id);
  return id;
}

// Step 0: who is calling (0a: TLS peer; 0b: plain listener behind a proxy).
std::optional<core::vp_fault> identify_caller(const runtime& rt, const net::request_context& req, call_facts& f) {
  const auto& cfg = rt.config;
  if (req.tls) {
    if (!req.peer.present()) return make_fault(vp_code::vp002, "No client certificate in the TLS session.");
    auto id = sender_from_subject(rt, req.peer.subject);
    if (!id) return make_fault(vp_code::vp002, "No senderId found in Certificate: " + req.peer.subject);
    f.sender = std::move(*id);
    return std::nullopt;
  }
  if (!rt.internal_callers.contains(std::string_view(req.remote_ip))) {
    return make_fault(vp_code::vp011, "Caller IP " + req.remote_ip + " is not on the list of internal callers.");
  }
  const std::string instance = header_value(req.headers, headers::instance_id);
  const std::string claimed = std::string(core::trim_ascii(header_value(req.headers, headers::sender_id)));
  if (!claimed.empty() && instance == cfg.instance_id) {
    // An internal platform call: the forwarding hop must be allow-listed too.
    const std::string xff = header_value(req.headers, headers::forwarded_for);
    if (!xff.empty()) {
      const std::string first(core::trim_ascii(std::string_view(xff).substr(0, xff.find(','))));
      if (!rt.internal_callers.contains(std::string_view(first))) {
        return make_fault(vp_code::vp011, "X-Forwarded-For " + first + " is not on the list of internal callers.");
      }
    }
    f.internal_call = true;
    f.sender = claimed;
    return std::nullopt;
  }
  const std::string cert = header_value(req.headers, cfg.headers.forwarded_cert);
  if (cert.empty()) {
    return make_fault(vp_code::vp002, "No certificate found in httpheader " + cfg.headers.forwarded_cert);
  }
  auto peer = net::peer_identity_from_pem(cert.find('%') != std::string::npos ? url_decoded(cert) : cert);
  if (!peer) return make_fault(vp_code::vp002, "Certificate in httpheader " + cfg.headers.forwarded_cert + " could not be read.");
  auto id = sender_from_subject(rt, peer->subject);
  if (!id) return make_fault(vp_code::vp002, "No senderId found in Certificate: " + peer->subject);
  f.sender = std::move(*id);
  return std::nullopt;
}

// NTP-833's loop guard: each platform appends its instance id; seeing our own
// id again means the call has come round.
core::result<std::string, core::vp_fault> routing_history(const runtime& rt, const net::request_context& req,
                                                          const call_facts& f) {
  if (!rt.config.routing_history || f.internal_call) return std::string();
  const std::string h(core::trim_ascii(header_value(req.headers, headers::routing_history)));
  if (h.empty()) return f.sender + "#" + rt.config.instance_id;
  if (has_instance(h, rt.config.instance_id)) return fail(make_fault(vp_code::vp014));
  return h + "#" + rt.config.instance_id;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && core::iequals(s.substr(0, prefix.size()), prefix);
}

}  // namespace

std::string random_uuid() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  const std::uint64_t a = rng(), b = rng();
  unsigned char bytes[16];
  for (int i = 0; i < 8; ++i) {
    bytes[i] = static_cast<unsigned char>(a >> (8 * i));
    bytes[8 + i] = static_cast<unsigned char>(b >> (8 * i));
  }
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0f) | 0x40);
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3f) | 0x80);
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += hex[bytes[i] >> 4];
    out += hex[bytes[i] & 0x0f];
  }
  return out;
}

std::string correlation_id_of(const net::header_list& h) {
  const std::string v(core::trim_ascii(header_value(h, headers::correlation_id)));
  return v.empty() ? random_uuid() : v;
}

core::result<forward_plan, core::vp_fault> plan_call(const runtime& rt, net::request_context& req, core::instant now,
                                                     call_facts& f) {
  if (f.correlation_id.empty()) f.correlation_id = correlation_id_of(req.headers);

  // An in-process service calling on a consumer's behalf has set the sender already.
  const bool preset = f.internal_call && !f.sender.empty();
  if (!preset) {
    if (auto fault = identify_caller(rt, req, f)) return fail(std::move(*fault));
  }
  auto history = routing_history(rt, req, f);
  if (!history) return fail(std::move(history.error()));

  auto sniffed = core::sniff_envelope(req.body);
  if (!sniffed) return fail(core::to_vp_fault(sniffed.error()));
  core::envelope_info& info = sniffed.value();
  f.contract = info.contract_namespace.value_or("");
  f.operation = info.operation;
  f.logical_address = info.logical_address.value_or("");
  f.profile_in = info.profile;

  std::string original(core::trim_ascii(header_value(req.headers, headers::original_consumer)));
  if (!original.empty() && !f.internal_call && !rt.original_consumer_allowed_for(f.sender)) {
    if (rt.config.original_consumer.reject) return fail(make_fault(vp_code::vp013));
    f.warnings.push_back("sender " + f.sender + " is not approved to set " + std::string(headers::original_consumer));
  }
  f.original_consumer = original.empty() ? f.sender : original;

  core::call_identity call;
  call.consumer = std::string_view(f.sender);
  if (info.contract_namespace) call.contract = std::string_view(*info.contract_namespace);
  if (info.logical_address) call.logical_address = std::string_view(*info.logical_address);
  auto chosen = core::decide_route(*rt.routing.snapshot, call, now);
  if (!chosen) return fail(std::move(chosen.error()));
  const core::route& route = *chosen.value();
  f.producer_url = route.url;

  forward_plan plan;
  plan.url = route.url;
  plan.local = starts_with_ci(route.url, "local:");
  plan.http_producer = starts_with_ci(route.url, "http://");
  plan.timeout = rt.config.producers.timeout_for(f.contract);
  if (f.timeout_cap && *f.timeout_cap < plan.timeout) plan.timeout = *f.timeout_cap;

  f.profile_out = route.profile;
  const bool known_in = info.profile == core::riv_profile::rivtabp20 || info.profile == core::riv_profile::rivtabp21;
  if (!known_in) return fail(make_fault(vp_code::vp001));
  if (route.profile != core::riv_profile::rivtabp20 && route.profile != core::riv_profile::rivtabp21) {
    return fail(make_fault(vp_code::vp005, "serviceNamespace: " + f.contract + ", receiverId: " + f.logical_address +
                                               ", rivProfile: " + route.profile_name));
  }
  if (route.profile == info.profile) {
    plan.body = std::move(req.body);
  } else {
    auto rewritten = core::rewrite_riv_profile(req.body, info.profile, route.profile);
    if (!rewritten) return fail(std::move(rewritten.error()));
    plan.body = std::move(rewritten.value());
  }

  producer_header_values v;
  v.sender = f.sender;
  v.original_consumer = f.original_consumer;
  v.correlation_id = f.correlation_id;
  v.routing_history = history.value();
  v.http_producer = plan.http_producer;
  plan.headers = producer_request_headers(rt, req.headers, v);
  return plan;
}

}  // namespace tidnav::app
