// SPDX-License-Identifier: GPL-2.0-or-later
// `system: millennium`: Oracle Health Millennium FHIR R4 (adapters/millennium).
#include "adapters/host/change_feed_system.hpp"
#include "adapters/host/forwarding_system.hpp"
#include "adapters/host/net/backend_client.hpp"
#include "adapters/host/net/builtin_systems.hpp"
#include "adapters/millennium/millennium_booking_system.hpp"
#include "adapters/millennium/millennium_changes.hpp"
#include "adapters/millennium/net/net_transport.hpp"

namespace tidnav::adapters::host {
namespace {

using millennium::millennium_options;

system_builder millennium_factory(const YAML::Node& backend, const system_context& ctx, config_reader& read) {
  const std::string p = "backend";
  if (!read.map(backend, p,
                {"base_url", "token_url", "client_id", "client_secret", "client_secret_env", "scope",
                 "personnummer_system", "samordningsnummer_system", "cancel_reason_system", "cancel_reason_code",
                 "page_size", "max_pages", "ca"})) {
    return {};
  }
  const std::size_t errors_before = read.error_count();
  millennium_options o;
  read.require(backend, p, "base_url", o.base_url);
  read.require(backend, p, "token_url", o.token_url);
  read.require(backend, p, "client_id", o.client_id);
  read.require_secret(backend, p, "client_secret", o.client_secret);
  read.get(backend, p, "scope", o.scope);
  read.get(backend, p, "personnummer_system", o.personnummer_system);
  read.get(backend, p, "samordningsnummer_system", o.samordningsnummer_system);
  read.get(backend, p, "cancel_reason_system", o.cancel_reason_system);
  read.get(backend, p, "cancel_reason_code", o.cancel_reason_code);
  read.get_number(backend, p, "page_size", 1, 1000, o.page_size);
  read.get_number(backend, p, "max_pages", 1, 1000, o.max_pages);
  std::filesystem::path ca;
  read.get_file(backend, p, "ca", ca);
  while (!o.base_url.empty() && o.base_url.back() == '/') o.base_url.pop_back();

  // Millennium publishes no appointment-type list: each Location's service types come from time_types.
  for (const auto& u : ctx.units.entries()) {
    millennium::location_config loc;
    loc.location_id = u.native_id;
    for (const auto& t : ctx.time_types) {
      if (t.native_unit != u.native_id) continue;
      loc.service_types.push_back({t.code, t.system, t.name, t.cancel_allowed, t.update_allowed});
      if (t.system.empty()) {
        read.error("time_types", YAML::Node(), "time type " + t.code + " of " + u.hsa_id +
                                                   " has no system (Millennium needs the code system of each service type)");
      }
    }
    if (loc.service_types.empty()) {
      read.error("time_types", YAML::Node(),
                 "unit " + u.hsa_id + " has no time_types (Millennium needs the service types each Location books)");
    }
    o.locations.push_back(std::move(loc));
  }
  for (const auto& pr : ctx.practitioners) {
    o.practitioners.push_back({pr.hsa_id, pr.native_id, pr.first_name, pr.last_name, pr.title});
  }
  if (read.error_count() != errors_before) return {};
  const auto timeout = ctx.backend_timeout;
  return [o = std::move(o), ca, timeout]() -> std::unique_ptr<booking_system> {
    auto transport = std::make_unique<millennium::net_transport>(backend_client_options(ca, timeout));
    auto system = std::make_unique<millennium::millennium_booking_system>(o, *transport);
    auto feed = std::make_unique<millennium::millennium_change_source>(o, *transport);
    return std::make_unique<feed_owning_system<millennium::net_transport>>(std::move(transport), std::move(system),
                                                                           std::move(feed));
  };
}

}  // namespace

void register_millennium_system(system_registry& registry) { registry.add("millennium", millennium_factory); }

}  // namespace tidnav::adapters::host
