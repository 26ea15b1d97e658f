// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/host/adapter_config.hpp"

#include "adapters/host/change_feed_config.hpp"
#include "hub/core/source_text.hpp"

#include <arpa/inet.h>

#include <algorithm>

namespace tidnav::adapters::host {
namespace {

using ms = std::chrono::milliseconds;

void read_tls(config_reader& r, const YAML::Node& node, const std::string& path, tls_files& out, bool ca_required) {
  if (!r.map(node, path, {"cert", "key", "ca"})) return;
  r.require_file(node, path, "cert", out.cert);
  r.require_file(node, path, "key", out.key);
  if (ca_required) {
    r.require_file(node, path, "ca", out.ca);
  } else {
    r.get_file(node, path, "ca", out.ca);
  }
}

void read_listen(config_reader& r, const YAML::Node& node, listen_settings& out) {
  if (!node.IsDefined() || node.IsNull()) return;
  if (!r.map(node, "listen", {"address", "port", "port_file"})) return;
  r.get(node, "listen", "address", out.address);
  r.get_number(node, "listen", "port", 0, 65535, out.port);
  r.get_path(node, "listen", "port_file", out.port_file);
}

bool ip_literal(const std::string& a) {
  unsigned char buf[16];
  return inet_pton(AF_INET, a.c_str(), buf) == 1 || inet_pton(AF_INET6, a.c_str(), buf) == 1;
}

// `admin:` alone means "on, with defaults" (as the hub's admin listener).
void read_admin(config_reader& r, const YAML::Node& node, const listen_settings& listen,
                std::optional<admin_settings>& out) {
  if (!node.IsDefined()) return;
  admin_settings a;
  if (!node.IsNull()) {
    if (!r.map(node, "admin", {"address", "port", "port_file"})) return;
    if (r.get(node, "admin", "address", a.address) && !ip_literal(a.address)) {
      r.error("admin.address", node["address"], "'" + a.address + "' is not an IPv4 or IPv6 address");
    }
    r.get_number(node, "admin", "port", 0, 65535, a.port);
    r.get_path(node, "admin", "port_file", a.port_file);
    if (a.port != 0 && a.port == listen.port && a.address == listen.address) {
      r.error("admin.port", node["port"], "is the contract listener's port (listen.port)");
    }
    if (!a.port_file.empty() && a.port_file == listen.port_file) {
      r.error("admin.port_file", node["port_file"], "is also listen.port_file");
    }
  }
  out = std::move(a);
}

void read_families(config_reader& r, const YAML::Node& root, adapter_config& cfg) {
  std::vector<std::string> families;
  if (!r.get(root, "", "families", families)) return;
  cfg.serve_sched2 = cfg.serve_crm11 = false;
  for (std::size_t i = 0; i < families.size(); ++i) {
    if (families[i] == "scheduling-2.0") {
      cfg.serve_sched2 = true;
    } else if (families[i] == "crm-scheduling-1.1") {
      cfg.serve_crm11 = true;
    } else {
      r.error(config_reader::index("families", i), root["families"][i],
              "unknown family '" + families[i] + "' (scheduling-2.0 or crm-scheduling-1.1)");
    }
  }
  if (families.empty()) r.error("families", root["families"], "must name at least one family");
}

void read_units(config_reader& r, const YAML::Node& root, adapter_config& cfg) {
  const YAML::Node node = root["units"];
  if (!node.IsDefined() || node.IsNull()) {
    r.error("units", root, "is required (at least one unit)");
    return;
  }
  if (!r.sequence(node, "units")) return;
  if (node.size() == 0) r.error("units", node, "must list at least one unit");
  std::vector<unit_entry> entries;
  std::vector<std::size_t> index_of;  // entries[i] came from units[index_of[i]]
  for (std::size_t i = 0; i < node.size(); ++i) {
    const std::string p = config_reader::index("units", i);
    const YAML::Node u = node[i];
    if (!r.map(u, p, {"hsa_id", "native_id", "name"})) continue;
    unit_entry e;
    const bool ok = r.require(u, p, "hsa_id", e.hsa_id) & r.require(u, p, "native_id", e.native_id);
    r.get(u, p, "name", e.name);
    if (!ok) continue;
    // unit_table reports duplicates without a position: check one at a time to give it one.
    std::vector<std::string> problems;
    std::vector<unit_entry> trial = entries;
    trial.push_back(e);
    unit_table::build(trial, problems);
    if (!problems.empty()) {
      r.error(p, u, problems.front());
      continue;
    }
    entries.push_back(std::move(e));
    index_of.push_back(i);
  }
  std::vector<std::string> problems;
  cfg.units = unit_table::build(std::move(entries), problems);
  for (const auto& p : problems) r.error("units", node, p);
}

void read_time_types(config_reader& r, const YAML::Node& root, adapter_config& cfg) {
  const YAML::Node node = root["time_types"];
  if (!node.IsDefined() || node.IsNull() || !r.sequence(node, "time_types")) return;
  for (std::size_t i = 0; i < node.size(); ++i) {
    const std::string p = config_reader::index("time_types", i);
    const YAML::Node t = node[i];
    if (!r.map(t, p, {"unit", "code", "system", "name", "cancel_allowed", "update_allowed"})) continue;
    time_type_mapping m;
    const bool ok = r.require(t, p, "unit", m.unit_hsa_id) & r.require(t, p, "code", m.code);
    r.get(t, p, "system", m.system);
    r.get(t, p, "name", m.name);
    r.get(t, p, "cancel_allowed", m.cancel_allowed);
    r.get(t, p, "update_allowed", m.update_allowed);
    if (!ok) continue;
    const unit_entry* u = cfg.units.by_hsa_id(m.unit_hsa_id);
    if (!u) {
      r.error(config_reader::join(p, "unit"), t["unit"], "unit " + m.unit_hsa_id + " is not in units");
      continue;
    }
    m.native_unit = u->native_id;
    cfg.time_types.push_back(std::move(m));
  }
}

void read_practitioners(config_reader& r, const YAML::Node& root, adapter_config& cfg) {
  const YAML::Node node = root["practitioners"];
  if (!node.IsDefined() || node.IsNull() || !r.sequence(node, "practitioners")) return;
  for (std::size_t i = 0; i < node.size(); ++i) {
    const std::string p = config_reader::index("practitioners", i);
    const YAML::Node n = node[i];
    if (!r.map(n, p, {"hsa_id", "native_id", "first_name", "last_name", "title"})) continue;
    practitioner_mapping m;
    const bool ok = r.require(n, p, "hsa_id", m.hsa_id) & r.require(n, p, "native_id", m.native_id);
    r.get(n, p, "first_name", m.first_name);
    r.get(n, p, "last_name", m.last_name);
    r.get(n, p, "title", m.title);
    if (ok) cfg.practitioners.push_back(std::move(m));
  }
}

void read_engagement_index(config_reader& r, const YAML::Node& root, adapter_config& cfg) {
  const YAML::Node node = root["engagement_index"];
  if (!node.IsDefined() || node.IsNull()) return;
  const std::string p = "engagement_index";
  if (!r.map(node, p,
             {"url", "logical_address", "client", "source_system", "data_controller", "domains", "timeout_ms",
              "retry", "change_feed"})) {
    return;
  }
  ei_settings ei;
  if (r.require(node, p, "url", ei.url) && ei.url.rfind("https://", 0) != 0) {
    r.error(config_reader::join(p, "url"), node["url"], "must be an https:// URL (the hub requires mutual TLS)");
  }
  r.require(node, p, "logical_address", ei.logical_address);
  r.require(node, p, "source_system", ei.source_system);
  r.require(node, p, "data_controller", ei.data_controller);
  const YAML::Node client = node["client"];
  if (!client.IsDefined() || client.IsNull()) {
    r.error(config_reader::join(p, "client"), node, "is required (the adapter's client certificate for the hub)");
  } else {
    read_tls(r, client, config_reader::join(p, "client"), ei.client, false);
  }
  if (ei.client.ca.empty()) ei.client.ca = cfg.tls.ca;
  std::vector<std::string> domains;
  if (r.get(node, p, "domains", domains)) {
    ei.post_sched2 = ei.post_crm11 = false;
    for (std::size_t i = 0; i < domains.size(); ++i) {
      if (domains[i] == sched2_domain) {
        ei.post_sched2 = true;
      } else if (domains[i] == crm11_domain) {
        ei.post_crm11 = true;
      } else {
        r.error(config_reader::index(config_reader::join(p, "domains"), i), node["domains"][i],
                "unknown service domain '" + domains[i] + "' (" + std::string(sched2_domain) + " or " +
                    std::string(crm11_domain) + ")");
      }
    }
    if (domains.empty()) r.error(config_reader::join(p, "domains"), node["domains"], "must name a domain");
  } else {
    ei.post_sched2 = cfg.serve_sched2;
    ei.post_crm11 = cfg.serve_crm11;
  }
  std::uint64_t v = 0;
  if (r.get_uint(node, p, "timeout_ms", 100, 600'000, v)) ei.timeout = ms(v);
  const YAML::Node retry = node["retry"];
  if (retry.IsDefined() && !retry.IsNull() && r.map(retry, p + ".retry", {"initial_ms", "max_ms"})) {
    if (r.get_uint(retry, p + ".retry", "initial_ms", 10, 3'600'000, v)) ei.retry_initial = ms(v);
    if (r.get_uint(retry, p + ".retry", "max_ms", 10, 86'400'000, v)) ei.retry_max = ms(v);
    if (ei.retry_max < ei.retry_initial) {
      r.error(p + ".retry.max_ms", retry, "must not be less than initial_ms");
    }
  }
  read_change_feed(r, node, p, ei.change_feed);
  cfg.engagement_index = std::move(ei);
}

}  // namespace

config_result parse_adapter_config(std::string_view yaml, const std::string& source,
                                   const std::filesystem::path& base_dir, const system_registry& systems) {
  std::vector<config_error> errors;
  YAML::Node loaded;
  try {
    loaded = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    errors.push_back({source, e.mark.line >= 0 ? e.mark.line + 1 : 0, "", "not valid YAML: " + e.msg});
    return core::fail(std::move(errors));
  }
  const YAML::Node& root = loaded;  // const: operator[] must never add keys
  config_reader r(source, base_dir, errors);
  auto cfg = std::make_shared<adapter_config>();
  cfg->source = source;
  if (!r.map(root, "",
             {"system", "name", "listen", "tls", "families", "state_dir", "workers", "timeouts", "units",
              "time_types", "practitioners", "backend", "engagement_index", "metrics", "admin"})) {
    return core::fail(std::move(errors));
  }

  const system_factory* factory = nullptr;
  if (r.require(root, "", "system", cfg->system)) {
    factory = systems.find(cfg->system);
    if (!factory) {
      std::string known;
      for (const auto& n : systems.names()) known += (known.empty() ? "" : ", ") + n;
      r.error("system", root["system"], "unknown system '" + cfg->system + "' (known: " + known + ")");
    }
  }
  cfg->name = cfg->system;
  r.get(root, "", "name", cfg->name);
  read_listen(r, root["listen"], cfg->listen);
  if (!root["tls"].IsDefined() || root["tls"].IsNull()) {
    r.error("tls", root, "is required (the adapter serves mutual TLS only)");
  } else {
    read_tls(r, root["tls"], "tls", cfg->tls, true);
  }
  read_families(r, root, *cfg);
  if (!r.get_path(root, "", "state_dir", cfg->state_dir)) {
    r.error("state_dir", root, "is required (idempotency and EI outbox databases live there)");
  } else if (std::error_code ec; std::filesystem::exists(cfg->state_dir, ec) &&
                                 !std::filesystem::is_directory(cfg->state_dir, ec)) {
    r.error("state_dir", root["state_dir"], cfg->state_dir.string() + " exists and is not a directory");
  }
  r.get_number(root, "", "workers", 1, 256, cfg->workers);
  const YAML::Node timeouts = root["timeouts"];
  if (timeouts.IsDefined() && !timeouts.IsNull() && r.map(timeouts, "timeouts", {"backend_ms"})) {
    std::uint64_t v = 0;
    // Inside the contracts' 3-second SLA, with room to write the answer.
    if (r.get_uint(timeouts, "timeouts", "backend_ms", 1, 2999, v)) cfg->backend_timeout = ms(v);
  }
  const YAML::Node metrics = root["metrics"];
  if (metrics.IsDefined() && !metrics.IsNull() && r.map(metrics, "metrics", {"enabled"})) {
    r.get(metrics, "metrics", "enabled", cfg->metrics_enabled);
  }
  read_admin(r, root["admin"], cfg->listen, cfg->admin);
  read_units(r, root, *cfg);
  read_time_types(r, root, *cfg);
  read_practitioners(r, root, *cfg);
  read_engagement_index(r, root, *cfg);

  const YAML::Node backend = root["backend"];
  if (factory) {
    if (!backend.IsDefined() || backend.IsNull()) {
      r.error("backend", root, "is required for system " + cfg->system);
    } else if (!backend.IsMap()) {
      r.error("backend", backend, "expected a mapping");
    } else {
      cfg->backend_text = YAML::Dump(backend);
      const system_context ctx{cfg->units, cfg->time_types, cfg->practitioners, cfg->backend_timeout};
      cfg->build_system = (*factory)(backend, ctx, r);
      if (!cfg->build_system && errors.empty()) r.error("backend", backend, "the system factory refused it");
    }
  }
  if (!errors.empty()) return core::fail(std::move(errors));
  return config_ptr(std::move(cfg));
}

config_result load_adapter_config(const std::filesystem::path& path, const system_registry& systems) {
  auto text = core::read_text_file(path.string());
  if (!text) return core::fail(std::vector<config_error>{{path.string(), 0, "", text.error()}});
  return parse_adapter_config(text.value(), path.string(), path.parent_path(), systems);
}

}  // namespace tidnav::adapters::host
