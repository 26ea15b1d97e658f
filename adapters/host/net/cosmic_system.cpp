// SPDX-License-Identifier: GPL-2.0-or-later
// `system: cosmic`: Cambio Cosmic through Cambio Open Services (adapters/cosmic).
#include "adapters/cosmic/cosmic_booking_system.hpp"
#include "adapters/cosmic/cosmic_changes.hpp"
#include "adapters/cosmic/net/net_transport.hpp"
#include "adapters/host/change_feed_system.hpp"
#include "adapters/host/forwarding_system.hpp"
#include "adapters/host/net/backend_client.hpp"
#include "adapters/host/net/builtin_systems.hpp"

namespace tidnav::adapters::host {
namespace {

using cosmic::cosmic_options;

system_builder cosmic_factory(const YAML::Node& backend, const system_context& ctx, config_reader& read) {
  const std::string p = "backend";
  if (!read.map(backend, p,
                {"base_url", "token_url", "client_id", "client_secret", "client_secret_env", "scope",
                 "subscription_key", "subscription_key_env", "subscription_header", "parallel_searches", "ca"})) {
    return {};
  }
  const std::size_t errors_before = read.error_count();
  cosmic_options o;
  read.require(backend, p, "base_url", o.base_url);
  read.require(backend, p, "token_url", o.token_url);
  read.require(backend, p, "client_id", o.client_id);
  read.require_secret(backend, p, "client_secret", o.client_secret);
  read.require_secret(backend, p, "subscription_key", o.subscription_key);
  read.get(backend, p, "scope", o.scope);
  read.get(backend, p, "subscription_header", o.subscription_header);
  read.get_number(backend, p, "parallel_searches", 1, 64, o.parallel_searches);
  std::filesystem::path ca;
  read.get_file(backend, p, "ca", ca);
  while (!o.base_url.empty() && o.base_url.back() == '/') o.base_url.pop_back();
  if (read.error_count() != errors_before) return {};
  const auto timeout = ctx.backend_timeout;
  return [o = std::move(o), ca, timeout]() -> std::unique_ptr<booking_system> {
    auto transport = std::make_unique<cosmic::net_transport>(backend_client_options(ca, timeout));
    auto system = std::make_unique<cosmic::cosmic_booking_system>(o, *transport);
    auto feed = std::make_unique<cosmic::cosmic_change_source>(o, *transport);
    return std::make_unique<feed_owning_system<cosmic::net_transport>>(std::move(transport), std::move(system),
                                                                       std::move(feed));
  };
}

}  // namespace

void register_cosmic_system(system_registry& registry) { registry.add("cosmic", cosmic_factory); }

}  // namespace tidnav::adapters::host
