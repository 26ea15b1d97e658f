// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/app/runtime.hpp"

#include "hub/core/java_regex.hpp"

namespace tidnav::app {
namespace {

std::optional<std::regex> compile_optional(const std::string& pattern, const char* where,
                                           std::vector<std::string>& errors) {
  if (pattern.empty()) return std::nullopt;
  auto re = core::compile_java_regex(pattern);
  if (!re) {
    errors.push_back(std::string(where) + ": " + re.error());
    return std::nullopt;
  }
  return std::move(re.value());
}

net::client_tls_options client_options_for(const core::producer_tls& t) {
  net::client_tls_options o;
  o.ca_file = t.ca;
  o.cert_file = t.cert;
  o.key_file = t.key;
  o.server_name = t.sni;
  o.verify_hostname = t.verify_hostname;
  return o;
}

std::string setting_key(const core::producer_tls& t) {
  return t.ca + '\n' + t.cert + '\n' + t.key + '\n' + t.sni + '\n' + (t.verify_hostname ? "1" : "0");
}

}  // namespace

bool header_filter::drops(std::string_view name) const {
  if (!remove || !core::java_matches(*remove, name)) return false;
  return !(keep && core::java_matches(*keep, name));
}

bool runtime::original_consumer_allowed_for(std::string_view sender) const {
  if (original_consumer_allowed.empty()) return true;
  const std::string s = core::normalize_hsa_id(sender);
  for (const auto& a : original_consumer_allowed) {
    if (a == s) return true;
  }
  return false;
}

net::tls_context_ptr runtime::producer_tls(std::string_view host, std::uint16_t port) const {
  std::string target(host);
  target += ':';
  target += std::to_string(port);
  std::lock_guard lock(tls_mutex_);
  if (auto it = tls_by_target_.find(target); it != tls_by_target_.end()) return it->second;
  const core::producer_tls t = config.producers.tls_for(host, port);
  const std::string key = setting_key(t);
  net::tls_context_ptr ctx;
  if (auto it = tls_by_setting_.find(key); it != tls_by_setting_.end()) {
    ctx = it->second;
  } else {
    ctx = net::make_client_tls_context(client_options_for(t));
    tls_by_setting_.emplace(key, ctx);
  }
  // Bounded by the number of distinct producer host:port pairs in this runtime.
  tls_by_target_.emplace(std::move(target), ctx);
  return ctx;
}

core::result<runtime_ptr, std::vector<std::string>> build_runtime(core::hub_config cfg, std::uint64_t generation) {
  std::vector<std::string> errors;
  auto extractor = core::sender_id_extractor::create(cfg.sender_id_pattern);
  if (!extractor) return core::fail(std::vector<std::string>{"sender_id_pattern: " + extractor.error()});
  auto rt = std::make_shared<runtime>(std::move(extractor.value()));
  rt->generation = generation;
  rt->loaded_at = std::chrono::system_clock::now();

  if (auto cidrs = core::cidr_list::parse(cfg.internal_callers)) {
    rt->internal_callers = std::move(cidrs.value());
  } else {
    for (auto& e : cidrs.error()) errors.push_back("internal_callers: " + e);
  }
  rt->request_headers.remove = compile_optional(cfg.headers.request_remove, "headers.request_remove", errors);
  rt->request_headers.keep = compile_optional(cfg.headers.request_keep, "headers.request_keep", errors);
  rt->response_headers.remove = compile_optional(cfg.headers.response_remove, "headers.response_remove", errors);
  rt->response_headers.keep = compile_optional(cfg.headers.response_keep, "headers.response_keep", errors);
  for (const auto& s : cfg.original_consumer.allowed_senders) {
    rt->original_consumer_allowed.push_back(core::normalize_hsa_id(s));
  }

  if (auto snap = core::load_routing_snapshot(cfg)) {
    rt->routing = std::move(snap.value());
  } else {
    for (auto& e : snap.error()) errors.push_back(std::move(e));
  }

  if (!cfg.wsdl_dir.empty()) {
    if (auto cat = core::wsdl_catalog::load(cfg.wsdl_dir)) {
      rt->wsdl = std::make_shared<const core::wsdl_catalog>(std::move(cat.value()));
    } else {
      for (auto& e : cat.error()) errors.push_back("wsdl_dir: " + e);
    }
  }

  // Certificates are loaded now so that a bad file fails the reload, not a call.
  try {
    if (cfg.https.enabled) {
      net::server_tls_options o;
      o.ca_file = cfg.https.ca;
      o.cert_chain_file = cfg.https.cert;
      o.key_file = cfg.https.key;
      rt->server_tls = net::make_server_tls_context(o);
    }
  } catch (const net::tls_error& e) {
    errors.push_back(std::string("listeners.https: ") + e.what());
  }
  try {
    net::make_client_tls_context(client_options_for(cfg.producers.tls));
    for (const auto& o : cfg.producers.tls_overrides) {
      core::producer_tls t = cfg.producers.tls;
      if (o.ca) t.ca = *o.ca;
      if (o.cert) t.cert = *o.cert;
      if (o.key) t.key = *o.key;
      net::make_client_tls_context(client_options_for(t));
    }
  } catch (const net::tls_error& e) {
    errors.push_back(std::string("producers.tls: ") + e.what());
  }

  if (!errors.empty()) return core::fail(std::move(errors));
  rt->config = std::move(cfg);
  return runtime_ptr(std::move(rt));
}

core::result<runtime_ptr, std::vector<std::string>> load_runtime(const std::string& config_path,
                                                                 std::uint64_t generation) {
  auto cfg = core::load_hub_config(config_path);
  if (!cfg) {
    std::vector<std::string> errors;
    for (const auto& e : cfg.error()) errors.push_back(e.to_string());
    return core::fail(std::move(errors));
  }
  return build_runtime(std::move(cfg.value()), generation);
}

}  // namespace tidnav::app
