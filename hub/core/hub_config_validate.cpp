// SPDX-License-Identifier: GPL-2.0-or-later
// validate(hub_config): every semantic rule of the configuration in one place.
#include <set>
#include <tuple>

#include "hub/core/cidr.hpp"
#include "hub/core/hub_config.hpp"
#include "hub/core/java_regex.hpp"

namespace tidnav::core {
namespace {

class checker {
 public:
  explicit checker(const hub_config& cfg) : cfg_(cfg) {}

  void error(const std::string& path, std::string message) {
    errors_.push_back({cfg_.source, cfg_.line_of(path), path, std::move(message)});
  }
  void require(bool ok, const std::string& path, std::string message) {
    if (!ok) error(path, std::move(message));
  }
  void regex(const std::string& value, const std::string& path) {
    if (value.empty()) return;
    if (auto re = compile_java_regex(value); !re) error(path, re.error());
  }
  std::vector<config_error> take() { return std::move(errors_); }

 private:
  const hub_config& cfg_;
  std::vector<config_error> errors_;
};

bool is_http_url(std::string_view url) {
  return istarts_with(url, "http://") ? url.size() > 7 : istarts_with(url, "https://") && url.size() > 8;
}

void check_identity(checker& c, const hub_config& cfg) {
  c.require(!trim_ascii(cfg.instance_name).empty(), "instance.name", "must not be empty");
  c.require(!trim_ascii(cfg.instance_id).empty(), "instance.id", "must not be empty");
  // x-rivta-routing-history joins instance ids with '#'.
  c.require(cfg.instance_id.find('#') == std::string::npos, "instance.id", "must not contain '#'");
  c.require(!trim_ascii(cfg.platform_hsa_id).empty(), "platform_hsa_id", "must not be empty");
  if (auto x = sender_id_extractor::create(cfg.sender_id_pattern); !x) c.error("sender_id_pattern", x.error());
  for (std::size_t i = 0; i < cfg.internal_callers.size(); ++i) {
    if (auto b = parse_cidr(cfg.internal_callers[i]); !b) c.error("internal_callers[" + std::to_string(i) + "]", b.error());
  }
}

void check_listener(checker& c, const listener_config& l, const std::string& path, bool tls) {
  if (!l.enabled) return;
  c.require(parse_ip_address(l.address).has_value(), path + ".address",
            "must be an IPv4 or IPv6 address, got '" + l.address + "'");
  if (tls) {
    c.require(!l.cert.empty(), path + ".cert", "is required (server certificate)");
    c.require(!l.key.empty(), path + ".key", "is required (server private key)");
    c.require(!l.ca.empty(), path + ".ca", "is required (CA for client certificates; mutual TLS is mandatory)");
  } else {
    c.require(l.cert.empty() && l.key.empty() && l.ca.empty(), path, "cert/key/ca only apply to the https listener");
  }
  const std::string lp = path + ".limits";
  c.require(l.limits.header_bytes >= 1024, lp + ".header_bytes", "must be at least 1024");
  c.require(l.limits.body_bytes >= 1, lp + ".body_bytes", "must be at least 1");
  c.require(l.limits.header_timeout.count() > 0, lp + ".header_timeout_ms", "must be positive");
  c.require(l.limits.read_timeout.count() > 0, lp + ".read_timeout_ms", "must be positive");
  c.require(l.limits.idle_timeout.count() > 0, lp + ".idle_timeout_ms", "must be positive");
  c.require(l.limits.max_connections >= 1, lp + ".max_connections", "must be at least 1");
}

void check_listeners(checker& c, const hub_config& cfg) {
  c.require(cfg.https.enabled || cfg.http.enabled, "listeners", "configure an https or an http listener");
  check_listener(c, cfg.https, "listeners.https", true);
  check_listener(c, cfg.http, "listeners.http", false);
  check_listener(c, cfg.admin, "listeners.admin", false);
  std::set<std::pair<std::string, std::uint16_t>> used;
  for (auto [l, name] : {std::pair{&cfg.https, "https"}, std::pair{&cfg.http, "http"}, std::pair{&cfg.admin, "admin"}}) {
    if (!l->enabled || l->port == 0) continue;
    if (!used.emplace(l->address, l->port).second) {
      c.error(std::string("listeners.") + name + ".port", "port " + std::to_string(l->port) + " is already used by another listener");
    }
  }
}

void check_routes(checker& c, const hub_config& cfg) {
  for (std::size_t i = 0; i < cfg.routes.size(); ++i) {
    const route& r = cfg.routes[i];
    const std::string p = "routes[" + std::to_string(i) + "]";
    c.require(!trim_ascii(r.contract).empty(), p + ".contract", "is required");
    c.require(!trim_ascii(r.logical_address).empty(), p + ".logical_address", "is required");
    if (istarts_with(r.url, "local:")) {
      // In-process producers exist only when their section is configured.
      const std::string_view name = std::string_view(r.url).substr(6);
      if (name == "ei") {
        c.require(cfg.engagement_index.enabled, p + ".url", "local:ei needs an engagement_index section");
      } else {
        c.require(name == "aggregate", p + ".url", "unknown in-process producer '" + r.url + "' (local:ei, local:aggregate)");
      }
    } else {
      c.require(is_http_url(r.url), p + ".url", "must be an http:// or https:// URL, got '" + r.url + "'");
    }
    c.require(r.profile == riv_profile::rivtabp20 || r.profile == riv_profile::rivtabp21, p + ".riv_profile",
              "must be RIVTABP20 or RIVTABP21, got '" + r.profile_name + "'");
    c.require(!r.valid.empty(), p + ".valid_to", "is before valid_from");
    // Two routes for one (contract, address) valid at the same time answer VP006.
    for (std::size_t j = 0; j < i; ++j) {
      const route& o = cfg.routes[j];
      if (iequals(o.contract, r.contract) && iequals(o.logical_address, r.logical_address) &&
          o.valid.from <= r.valid.to && r.valid.from <= o.valid.to) {
        c.error(p, "overlaps routes[" + std::to_string(j) + "] for the same contract and address (calls would get VP006)");
      }
    }
  }
  for (std::size_t i = 0; i < cfg.permissions.size(); ++i) {
    const permission& pm = cfg.permissions[i];
    const std::string p = "permissions[" + std::to_string(i) + "]";
    c.require(!trim_ascii(pm.consumer).empty(), p + ".consumer", "is required");
    c.require(!trim_ascii(pm.contract).empty(), p + ".contract", "is required");
    c.require(!trim_ascii(pm.logical_address).empty(), p + ".logical_address", "is required");
    c.require(!pm.valid.empty(), p + ".valid_to", "is before valid_from");
  }
}

void check_producers(checker& c, const producer_settings& ps) {
  c.require(ps.connect_timeout.count() > 0, "producers.connect_timeout_ms", "must be positive");
  c.require(ps.default_timeout.count() > 0, "producers.default_timeout_ms", "must be positive");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < ps.timeouts.size(); ++i) {
    const std::string p = "producers.timeouts[" + std::to_string(i) + "]";
    c.require(!ps.timeouts[i].contract.empty(), p + ".contract", "is required");
    c.require(ps.timeouts[i].timeout.count() > 0, p + ".timeout_ms", "must be positive");
    if (!ps.timeouts[i].contract.empty() && !seen.insert(ps.timeouts[i].contract).second) {
      c.error(p + ".contract", "'" + ps.timeouts[i].contract + "' is listed twice");
    }
  }
  c.require(ps.tls.cert.empty() == ps.tls.key.empty(), "producers.tls", "cert and key go together");
  for (std::size_t i = 0; i < ps.tls_overrides.size(); ++i) {
    const auto& o = ps.tls_overrides[i];
    const std::string p = "producers.tls_overrides[" + std::to_string(i) + "]";
    c.require(!o.host.empty() || !o.host_suffix.empty() || o.port.has_value(), p,
              "needs at least one of host, host_suffix, port");
    c.require(o.cert.has_value() == o.key.has_value(), p, "cert and key go together");
  }
}

void check_dashboard(checker& c, const dashboard_config& d) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < d.operators.size(); ++i) {
    const auto& o = d.operators[i];
    const std::string p = "dashboard.operators[" + std::to_string(i) + "]";
    c.require(!trim_ascii(o.hsa_id).empty(), p + ".hsa_id", "is required");
    bool hex = o.token_sha256.size() == 64;
    for (const char ch : o.token_sha256) hex = hex && ((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'));
    c.require(hex, p + ".token_sha256",
              "must be the token's SHA-256 as 64 lower-case hex digits (printf %s \"$TOKEN\" | sha256sum)");
    if (hex && !seen.insert(o.token_sha256).second) c.error(p + ".token_sha256", "the same token is configured twice");
  }
}

}  // namespace

std::vector<config_error> validate(const hub_config& cfg) {
  checker c(cfg);
  check_identity(c, cfg);
  check_listeners(c, cfg);
  check_routes(c, cfg);
  check_producers(c, cfg.producers);
  c.regex(cfg.headers.request_remove, "headers.request_remove");
  c.regex(cfg.headers.request_keep, "headers.request_keep");
  c.regex(cfg.headers.response_remove, "headers.response_remove");
  c.regex(cfg.headers.response_keep, "headers.response_keep");
  c.require(!cfg.headers.content_type.empty(), "headers.content_type", "must not be empty");
  c.require(cfg.drain_timeout.count() >= 0, "drain_timeout_ms", "must not be negative");
  c.require(cfg.call_log.queue >= 16, "call_log.queue", "must be at least 16");
  c.require(cfg.aggregation.unit_timeout.count() > 0, "aggregation.unit_timeout_ms", "must be positive");
  c.require(cfg.aggregation.deadline >= cfg.aggregation.unit_timeout, "aggregation.deadline_ms",
            "must be at least unit_timeout_ms");
  c.require(cfg.audit.queue >= 16, "audit.queue", "must be at least 16");
  check_dashboard(c, cfg.dashboard);
  for (std::size_t i = 0; i < cfg.engagement_index.subscribers.size(); ++i) {
    const auto& s = cfg.engagement_index.subscribers[i];
    const std::string p = "engagement_index.subscribers[" + std::to_string(i) + "]";
    c.require(!trim_ascii(s.logical_address).empty(), p + ".logical_address", "is required");
    c.require(is_http_url(s.url), p + ".url", "must be an http:// or https:// URL, got '" + s.url + "'");
  }
  return c.take();
}

}  // namespace tidnav::core
