// SPDX-License-Identifier: GPL-2.0-or-later
// The adapter's configuration (adapter.yaml), read and checked in one pass
// that reports every problem, then frozen: share the const object freely.
// Keys and defaults: adapters/host/README.md.
#pragma once

#include "adapters/core/unit_table.hpp"
#include "adapters/host/change_feed_settings.hpp"
#include "adapters/host/config_reader.hpp"
#include "adapters/host/system_registry.hpp"
#include "hub/core/result.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tidnav::adapters::host {

// The two serviceDomain values an adapter posts under (their field rules differ).
inline constexpr std::string_view sched2_domain = "riv:supportprocess:logistics:scheduling";
inline constexpr std::string_view crm11_domain = "riv:crm:scheduling";

struct tls_files {
  std::filesystem::path cert;
  std::filesystem::path key;
  std::filesystem::path ca;
};

struct listen_settings {
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;
  std::filesystem::path port_file;  // empty: none
};

// The optional plain-HTTP admin listener: /metrics and /health/* only, never a
// contract, so a scraper needs no client certificate. Loopback by default.
struct admin_settings {
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;
  std::filesystem::path port_file;  // empty: none
};

struct ei_settings {
  std::string url;              // the hub
  std::string logical_address;  // the platform's HSA-id
  tls_files client;             // the adapter's client certificate; ca trusts the hub
  std::string source_system;
  std::string data_controller;
  bool post_sched2 = true;  // post under sched2_domain
  bool post_crm11 = true;   // post under crm11_domain
  std::chrono::milliseconds timeout{10'000};
  std::chrono::milliseconds retry_initial{1'000};
  std::chrono::milliseconds retry_max{600'000};
  change_feed_settings change_feed;  // changes made directly in the booking system (change_poller.hpp)
};

struct adapter_config {
  std::string source;  // the file, for messages
  std::string system;
  std::string name;
  listen_settings listen;
  tls_files tls;
  bool serve_sched2 = true;
  bool serve_crm11 = true;
  std::filesystem::path state_dir;
  std::size_t workers = 8;
  std::chrono::milliseconds backend_timeout{2'500};
  unit_table units;
  std::vector<time_type_mapping> time_types;
  std::vector<practitioner_mapping> practitioners;
  system_builder build_system;  // from the registry's factory
  std::optional<ei_settings> engagement_index;
  bool metrics_enabled = true;  // metrics: { enabled }: GET /metrics
  std::optional<admin_settings> admin;  // absent: no admin listener
  // The `backend:` mapping as text: a reload compares it to tell whether the
  // booking system's settings changed (they need a restart).
  std::string backend_text;
};

using config_ptr = std::shared_ptr<const adapter_config>;
using config_result = core::result<config_ptr, std::vector<config_error>>;

// `source` names the text in messages; relative paths resolve against `base_dir`.
config_result parse_adapter_config(std::string_view yaml, const std::string& source,
                                   const std::filesystem::path& base_dir, const system_registry& systems);
// Reads the file; relative paths resolve against its directory.
config_result load_adapter_config(const std::filesystem::path& path, const system_registry& systems);

}  // namespace tidnav::adapters::host
