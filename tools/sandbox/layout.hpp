// SPDX-License-Identifier: GPL-2.0-or-later
// Where everything of one sandbox lives under its working directory, and who
// is who: the HSA-ids of the consumers and of each adapter. One place, so the
// PKI, the configurations, the journey and sandbox.json agree.
#pragma once

#include <filesystem>
#include <string>

#include "tools/sandbox/region.hpp"

namespace tidnav::sandbox {

inline constexpr const char* platform_hsa_id = "5565594230";
inline constexpr const char* consumer_1177_hsa_id = "SE2321000016-1177";
inline constexpr const char* operator_hsa_id = "SE2321000016-OPER";
inline constexpr const char* unauthorized_hsa_id = "SE2321000016-NOPE";

// The adapter's own HSA-id: its client certificate's SERIALNUMBER when it posts
// to the engagement index, and the sourceSystem of its posts.
std::string adapter_hsa_id(system_kind s);

struct cert_pair {
  std::filesystem::path cert, key;
};

struct layout {
  std::filesystem::path dir;  // absolute

  explicit layout(const std::filesystem::path& working_dir);

  std::filesystem::path pki_dir() const { return dir / "pki"; }
  std::filesystem::path ca_cert() const;
  cert_pair hub_server() const;
  cert_pair adapter_server() const;
  cert_pair simulator_server() const;
  cert_pair hub_client() const;  // the hub toward producers
  cert_pair client(std::string_view name) const;  // "1177", "operator", "unauthorized"
  cert_pair adapter_client(system_kind s) const;

  std::filesystem::path config_dir() const { return dir / "config"; }
  std::filesystem::path seed_dir() const { return dir / "seeds"; }
  std::filesystem::path state_dir() const { return dir / "state"; }
  std::filesystem::path log_dir() const { return dir / "logs"; }
  std::filesystem::path run_dir() const { return dir / "run"; }
  std::filesystem::path hub_config() const { return config_dir() / "hub.yaml"; }
  std::filesystem::path adapter_config(system_kind s) const;
  std::filesystem::path seed_file(system_kind s) const;
  std::filesystem::path log_file(std::string_view process) const;
  std::filesystem::path port_file(std::string_view process) const;
  std::filesystem::path manifest() const { return dir / "sandbox.json"; }
  // The dashboard operator's bearer token (0600, made once, like the PKI).
  std::filesystem::path operator_token() const { return pki_dir() / "dashboard-operator.token"; }
};

// Process names, also the log and port file names.
std::string adapter_process(system_kind s);    // "adapter-millennium"
std::string simulator_process(system_kind s);  // "sim-millennium"
inline constexpr const char* hub_process = "hub";

}  // namespace tidnav::sandbox
