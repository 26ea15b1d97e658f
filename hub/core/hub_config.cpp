// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/hub_config.hpp"

#include <filesystem>

#include "hub/core/source_text.hpp"
#include "hub/core/yaml_reader.hpp"

namespace tidnav::core {
namespace {

using R = yaml_reader;

void read_limits(R& r, const YAML::Node& n, const std::string& path, listener_limits& out) {
  if (!r.map(n, path, {"header_bytes", "body_bytes", "header_timeout_ms", "read_timeout_ms", "idle_timeout_ms",
                       "max_connections"})) {
    return;
  }
  constexpr auto max_size = std::uint64_t{1} << 40;
  r.get_number(n, path, "header_bytes", max_size, out.header_bytes);
  r.get_number(n, path, "body_bytes", max_size, out.body_bytes);
  r.get(n, path, "header_timeout_ms", out.header_timeout);
  r.get(n, path, "read_timeout_ms", out.read_timeout);
  r.get(n, path, "idle_timeout_ms", out.idle_timeout);
  r.get_number(n, path, "max_connections", 1'000'000, out.max_connections);
}

void read_listener(R& r, const YAML::Node& n, const std::string& path, listener_config& out) {
  out.enabled = true;
  if (n.IsNull()) return;  // "admin:" alone means "on, with defaults"
  if (!r.map(n, path, {"address", "port", "cert", "key", "ca", "limits"})) return;
  r.get(n, path, "address", out.address);
  r.get_number(n, path, "port", 65535, out.port);
  r.get(n, path, "cert", out.cert);
  r.get(n, path, "key", out.key);
  r.get(n, path, "ca", out.ca);
  if (const YAML::Node l = n["limits"]; l.IsDefined() && !l.IsNull()) read_limits(r, l, R::join(path, "limits"), out.limits);
}

void read_listeners(R& r, const YAML::Node& n, hub_config& cfg) {
  if (!r.map(n, "listeners", {"https", "http", "admin"})) return;
  if (const YAML::Node l = n["https"]; l.IsDefined()) read_listener(r, l, "listeners.https", cfg.https);
  if (const YAML::Node l = n["http"]; l.IsDefined()) read_listener(r, l, "listeners.http", cfg.http);
  if (const YAML::Node l = n["admin"]; l.IsDefined()) read_listener(r, l, "listeners.admin", cfg.admin);
}

void read_routes(R& r, const YAML::Node& n, hub_config& cfg) {
  if (!r.sequence(n, "routes")) return;
  for (std::size_t i = 0; i < n.size(); ++i) {
    const std::string p = R::index("routes", i);
    const YAML::Node e = n[i];
    if (!r.map(e, p, {"contract", "logical_address", "url", "riv_profile", "valid_from", "valid_to"})) continue;
    route rt;
    rt.profile_name = "RIVTABP21";
    r.get(e, p, "contract", rt.contract);
    r.get(e, p, "logical_address", rt.logical_address);
    r.get(e, p, "url", rt.url);
    r.get(e, p, "riv_profile", rt.profile_name);
    rt.profile = parse_riv_profile(rt.profile_name);
    std::optional<xs_datetime> from, to;
    r.get(e, p, "valid_from", from);
    r.get(e, p, "valid_to", to);
    rt.valid = make_validity(from, to);
    rt.source = "config:" + std::to_string(R::line_of(e));
    cfg.routes.push_back(std::move(rt));
  }
}

void read_permissions(R& r, const YAML::Node& n, hub_config& cfg) {
  if (!r.sequence(n, "permissions")) return;
  for (std::size_t i = 0; i < n.size(); ++i) {
    const std::string p = R::index("permissions", i);
    const YAML::Node e = n[i];
    if (!r.map(e, p, {"consumer", "contract", "logical_address", "valid_from", "valid_to"})) continue;
    permission pm;
    r.get(e, p, "consumer", pm.consumer);
    r.get(e, p, "contract", pm.contract);
    r.get(e, p, "logical_address", pm.logical_address);
    std::optional<xs_datetime> from, to;
    r.get(e, p, "valid_from", from);
    r.get(e, p, "valid_to", to);
    pm.valid = make_validity(from, to);
    pm.source = "config:" + std::to_string(R::line_of(e));
    cfg.permissions.push_back(std::move(pm));
  }
}

void read_hsa_policy(R& r, const YAML::Node& n, const std::string& path, hsa_lookup_policy& out) {
  if (!r.map(n, path, {"default_enabled", "excepted_namespaces"})) return;
  r.get(n, path, "default_enabled", out.default_enabled);
  r.get(n, path, "excepted_namespaces", out.excepted_namespaces);
}

void read_routing_policy(R& r, const YAML::Node& root, hub_config& cfg) {
  if (const YAML::Node n = root["default_routing"]; n.IsDefined() && !n.IsNull()) {
    if (r.map(n, "default_routing", {"delimiter", "allowed_contracts", "allowed_senders"})) {
      r.get(n, "default_routing", "delimiter", cfg.routing.default_routing_delimiter);
      r.get(n, "default_routing", "allowed_contracts", cfg.routing.default_routing_allowed_contracts);
      r.get(n, "default_routing", "allowed_senders", cfg.routing.default_routing_allowed_senders);
    }
  }
  if (const YAML::Node n = root["hsa_lookup"]; n.IsDefined() && !n.IsNull()) {
    if (r.map(n, "hsa_lookup", {"routing", "authorization"})) {
      if (const YAML::Node p = n["routing"]; p.IsDefined()) read_hsa_policy(r, p, "hsa_lookup.routing", cfg.routing.hsa_routing);
      if (const YAML::Node p = n["authorization"]; p.IsDefined()) {
        read_hsa_policy(r, p, "hsa_lookup.authorization", cfg.routing.hsa_authorization);
      }
    }
  }
}

void read_producers(R& r, const YAML::Node& n, producer_settings& out) {
  const std::string path = "producers";
  if (!r.map(n, path, {"connect_timeout_ms", "default_timeout_ms", "timeouts", "tls", "tls_overrides"})) return;
  r.get(n, path, "connect_timeout_ms", out.connect_timeout);
  r.get(n, path, "default_timeout_ms", out.default_timeout);
  if (const YAML::Node t = n["timeouts"]; t.IsDefined() && !t.IsNull() && r.sequence(t, "producers.timeouts")) {
    for (std::size_t i = 0; i < t.size(); ++i) {
      const std::string p = R::index("producers.timeouts", i);
      if (!r.map(t[i], p, {"contract", "timeout_ms"})) continue;
      producer_timeout pt;
      r.get(t[i], p, "contract", pt.contract);
      r.get(t[i], p, "timeout_ms", pt.timeout);
      out.timeouts.push_back(std::move(pt));
    }
  }
  if (const YAML::Node t = n["tls"]; t.IsDefined() && !t.IsNull() && r.map(t, "producers.tls", {"ca", "cert", "key", "verify_hostname"})) {
    r.get(t, "producers.tls", "ca", out.tls.ca);
    r.get(t, "producers.tls", "cert", out.tls.cert);
    r.get(t, "producers.tls", "key", out.tls.key);
    r.get(t, "producers.tls", "verify_hostname", out.tls.verify_hostname);
  }
  if (const YAML::Node t = n["tls_overrides"]; t.IsDefined() && !t.IsNull() && r.sequence(t, "producers.tls_overrides")) {
    for (std::size_t i = 0; i < t.size(); ++i) {
      const std::string p = R::index("producers.tls_overrides", i);
      if (!r.map(t[i], p, {"host", "host_suffix", "port", "ca", "cert", "key", "sni", "verify_hostname"})) continue;
      producer_tls_override o;
      r.get(t[i], p, "host", o.host);
      r.get(t[i], p, "host_suffix", o.host_suffix);
      if (std::uint16_t port = 0; r.get_number(t[i], p, "port", 65535, port)) o.port = port;
      r.get(t[i], p, "ca", o.ca);
      r.get(t[i], p, "cert", o.cert);
      r.get(t[i], p, "key", o.key);
      r.get(t[i], p, "sni", o.sni);
      r.get(t[i], p, "verify_hostname", o.verify_hostname);
      out.tls_overrides.push_back(std::move(o));
    }
  }
}

void read_headers(R& r, const YAML::Node& n, header_rules& out) {
  const std::string path = "headers";
  if (!r.map(n, path, {"request_remove", "request_keep", "response_remove", "response_keep",
                       "propagate_correlation_id_for_https", "user_agent", "content_type", "forwarded_cert"})) {
    return;
  }
  r.get(n, path, "request_remove", out.request_remove);
  r.get(n, path, "request_keep", out.request_keep);
  r.get(n, path, "response_remove", out.response_remove);
  r.get(n, path, "response_keep", out.response_keep);
  r.get(n, path, "propagate_correlation_id_for_https", out.propagate_correlation_id_for_https);
  r.get(n, path, "user_agent", out.user_agent);
  r.get(n, path, "content_type", out.content_type);
  r.get(n, path, "forwarded_cert", out.forwarded_cert);
}

void read_engagement_index(R& r, const YAML::Node& n, engagement_index_config& out) {
  out.enabled = true;
  const std::string path = "engagement_index";
  if (n.IsNull()) return;
  if (!r.map(n, path, {"database", "alternative_hsa_ids", "reserved_hsa_ids", "subscribers"})) return;
  r.get(n, path, "database", out.database);
  r.get(n, path, "alternative_hsa_ids", out.alternative_hsa_ids);
  r.get(n, path, "reserved_hsa_ids", out.reserved_hsa_ids);
  if (const YAML::Node s = n["subscribers"]; s.IsDefined() && !s.IsNull() && r.sequence(s, path + ".subscribers")) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      const std::string p = R::index(path + ".subscribers", i);
      if (!r.map(s[i], p, {"logical_address", "url", "service_domain", "categorizations"})) continue;
      ei_subscriber_config sub;
      r.get(s[i], p, "logical_address", sub.logical_address);
      r.get(s[i], p, "url", sub.url);
      r.get(s[i], p, "service_domain", sub.service_domain);
      r.get(s[i], p, "categorizations", sub.categorizations);
      out.subscribers.push_back(std::move(sub));
    }
  }
}

void read_dashboard(R& r, const YAML::Node& n, dashboard_config& out) {
  if (!r.map(n, "dashboard", {"enabled", "operators"})) return;
  r.get(n, "dashboard", "enabled", out.enabled);
  if (const YAML::Node s = n["operators"]; s.IsDefined() && !s.IsNull() && r.sequence(s, "dashboard.operators")) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      const std::string p = R::index("dashboard.operators", i);
      if (!r.map(s[i], p, {"hsa_id", "token_sha256"})) continue;
      operator_config o;
      r.get(s[i], p, "hsa_id", o.hsa_id);
      r.get(s[i], p, "token_sha256", o.token_sha256);
      out.operators.push_back(std::move(o));
    }
  }
}

void read_root(R& r, const YAML::Node& root, hub_config& cfg) {
  if (!r.map(root, "", {"instance", "platform_hsa_id", "sender_id_pattern", "internal_callers", "listeners",
                        "tak_file", "hsa_files", "routes", "permissions", "default_routing", "hsa_lookup",
                        "producers", "headers", "io_threads", "drain_timeout_ms", "routing_history",
                        "original_consumer", "call_log", "wsdl_dir", "engagement_index", "aggregation", "audit",
                        "dashboard"})) {
    return;
  }
  if (const YAML::Node n = root["instance"]; n.IsDefined() && !n.IsNull() && r.map(n, "instance", {"name", "id"})) {
    r.get(n, "instance", "name", cfg.instance_name);
    r.get(n, "instance", "id", cfg.instance_id);
  }
  r.get(root, "", "platform_hsa_id", cfg.platform_hsa_id);
  r.get(root, "", "sender_id_pattern", cfg.sender_id_pattern);
  r.get(root, "", "internal_callers", cfg.internal_callers);
  if (const YAML::Node n = root["listeners"]; n.IsDefined() && !n.IsNull()) read_listeners(r, n, cfg);
  r.get(root, "", "tak_file", cfg.tak_file);
  r.get(root, "", "hsa_files", cfg.hsa_files);
  if (const YAML::Node n = root["routes"]; n.IsDefined() && !n.IsNull()) read_routes(r, n, cfg);
  if (const YAML::Node n = root["permissions"]; n.IsDefined() && !n.IsNull()) read_permissions(r, n, cfg);
  read_routing_policy(r, root, cfg);
  if (const YAML::Node n = root["producers"]; n.IsDefined() && !n.IsNull()) read_producers(r, n, cfg.producers);
  if (const YAML::Node n = root["headers"]; n.IsDefined() && !n.IsNull()) read_headers(r, n, cfg.headers);
  r.get_number(root, "", "io_threads", 1024, cfg.io_threads);
  r.get(root, "", "drain_timeout_ms", cfg.drain_timeout);
  r.get(root, "", "routing_history", cfg.routing_history);
  if (const YAML::Node n = root["original_consumer"];
      n.IsDefined() && !n.IsNull() && r.map(n, "original_consumer", {"allowed_senders", "reject"})) {
    r.get(n, "original_consumer", "allowed_senders", cfg.original_consumer.allowed_senders);
    r.get(n, "original_consumer", "reject", cfg.original_consumer.reject);
  }
  if (const YAML::Node n = root["call_log"];
      n.IsDefined() && !n.IsNull() && r.map(n, "call_log", {"path", "redact_personal_ids", "queue"})) {
    r.get(n, "call_log", "path", cfg.call_log.path);
    r.get(n, "call_log", "redact_personal_ids", cfg.call_log.redact_personal_ids);
    r.get_number(n, "call_log", "queue", std::uint64_t{1} << 24, cfg.call_log.queue);
  }
  r.get(root, "", "wsdl_dir", cfg.wsdl_dir);
  if (const YAML::Node n = root["engagement_index"]; n.IsDefined()) read_engagement_index(r, n, cfg.engagement_index);
  if (const YAML::Node n = root["aggregation"];
      n.IsDefined() && !n.IsNull() && r.map(n, "aggregation", {"unit_timeout_ms", "deadline_ms"})) {
    r.get(n, "aggregation", "unit_timeout_ms", cfg.aggregation.unit_timeout);
    r.get(n, "aggregation", "deadline_ms", cfg.aggregation.deadline);
  }
  if (const YAML::Node n = root["audit"]; n.IsDefined() && !n.IsNull() && r.map(n, "audit", {"path", "queue"})) {
    r.get(n, "audit", "path", cfg.audit.path);
    r.get_number(n, "audit", "queue", std::uint64_t{1} << 24, cfg.audit.queue);
  }
  if (const YAML::Node n = root["dashboard"]; n.IsDefined() && !n.IsNull()) read_dashboard(r, n, cfg.dashboard);
}

}  // namespace

int hub_config::line_of(std::string_view path) const {
  std::string p(path);
  while (true) {
    if (const auto it = lines.find(p); it != lines.end()) return it->second;
    const auto cut = p.find_last_of(".[");
    if (cut == std::string::npos) return 0;
    p.resize(cut);
  }
}

std::string config_error::to_string() const {
  std::string s = source;
  if (line > 0) s += ":" + std::to_string(line);
  s += ": ";
  if (!path.empty()) s += path + ": ";
  s += message;
  return s;
}

result<hub_config, std::vector<config_error>> parse_hub_config(std::string_view yaml, std::string_view source_name) {
  hub_config cfg;
  cfg.source = std::string(source_name);
  std::vector<config_error> errors;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    errors.push_back({cfg.source, e.mark.line >= 0 ? e.mark.line + 1 : 0, "", "YAML syntax error: " + e.msg});
    return fail(std::move(errors));
  }
  if (root.IsNull()) {
    errors.push_back({cfg.source, 0, "", "the configuration is empty"});
    return fail(std::move(errors));
  }
  try {
    yaml_reader reader(cfg, errors);
    read_root(reader, root, cfg);
  } catch (const YAML::Exception& e) {
    // The reader guards every access; this only catches what slips through.
    errors.push_back({cfg.source, e.mark.line >= 0 ? e.mark.line + 1 : 0, "", "YAML error: " + e.msg});
  }
  auto semantic = validate(cfg);
  errors.insert(errors.end(), semantic.begin(), semantic.end());
  if (!errors.empty()) return fail(std::move(errors));
  return cfg;
}

result<hub_config, std::vector<config_error>> load_hub_config(const std::string& path) {
  auto text = read_text_file(path);
  if (!text) return fail(std::vector<config_error>{{path, 0, "", text.error()}});
  auto parsed = parse_hub_config(*text, path);
  if (!parsed) return parsed;
  hub_config& cfg = parsed.value();

  namespace fs = std::filesystem;
  const fs::path base = fs::path(path).parent_path();
  std::vector<config_error> errors;
  auto resolve = [&](std::string& file, const std::string& where) {
    if (file.empty()) return;
    fs::path p(file);
    if (p.is_relative()) p = base / p;
    file = p.lexically_normal().string();
    std::error_code ec;
    if (!fs::exists(p, ec)) errors.push_back({cfg.source, cfg.line_of(where), where, "file not found: " + file});
  };
  for (auto* l : {&cfg.https, &cfg.http, &cfg.admin}) {
    const std::string name = l == &cfg.https ? "listeners.https" : l == &cfg.http ? "listeners.http" : "listeners.admin";
    resolve(l->cert, name + ".cert");
    resolve(l->key, name + ".key");
    resolve(l->ca, name + ".ca");
  }
  resolve(cfg.tak_file, "tak_file");
  resolve(cfg.wsdl_dir, "wsdl_dir");
  if (cfg.engagement_index.enabled && fs::path(cfg.engagement_index.database).is_relative()) {
    cfg.engagement_index.database = (base / cfg.engagement_index.database).lexically_normal().string();
  }
  if (!cfg.audit.path.empty() && fs::path(cfg.audit.path).is_relative()) {
    cfg.audit.path = (base / cfg.audit.path).lexically_normal().string();
  }
  if (!cfg.call_log.path.empty() && cfg.call_log.path != "-" && fs::path(cfg.call_log.path).is_relative()) {
    cfg.call_log.path = (base / cfg.call_log.path).lexically_normal().string();
  }
  for (std::size_t i = 0; i < cfg.hsa_files.size(); ++i) resolve(cfg.hsa_files[i], yaml_reader::index("hsa_files", i));
  resolve(cfg.producers.tls.ca, "producers.tls.ca");
  resolve(cfg.producers.tls.cert, "producers.tls.cert");
  resolve(cfg.producers.tls.key, "producers.tls.key");
  for (std::size_t i = 0; i < cfg.producers.tls_overrides.size(); ++i) {
    auto& o = cfg.producers.tls_overrides[i];
    const std::string p = yaml_reader::index("producers.tls_overrides", i);
    for (auto [field, name] : {std::pair{&o.ca, ".ca"}, std::pair{&o.cert, ".cert"}, std::pair{&o.key, ".key"}}) {
      if (*field) resolve(**field, p + name);
    }
  }
  if (!errors.empty()) return fail(std::move(errors));
  return parsed;
}

}  // namespace tidnav::core
