// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/sandbox/layout.hpp"

#include "tools/pki/pki.hpp"

namespace tidnav::sandbox {
namespace {

cert_pair in(const std::filesystem::path& dir, std::string_view name) {
  const std::string stem = pki::file_stem(name);
  return {dir / (stem + ".crt"), dir / (stem + ".key")};
}

}  // namespace

std::string adapter_hsa_id(system_kind s) {
  switch (s) {
    case system_kind::millennium: return "SE2321000016-AMIL";
    case system_kind::cosmic: return "SE2321000016-ACOS";
    case system_kind::pasis: return "SE2321000016-APAS";
    case system_kind::pmo: return "SE2321000016-APMO";
  }
  return {};
}

std::string adapter_process(system_kind s) { return "adapter-" + std::string(to_string(s)); }
std::string simulator_process(system_kind s) { return "sim-" + std::string(to_string(s)); }

layout::layout(const std::filesystem::path& working_dir) : dir(std::filesystem::absolute(working_dir).lexically_normal()) {}

std::filesystem::path layout::ca_cert() const { return pki_dir() / "tidnav-sandbox-ca.crt"; }
cert_pair layout::hub_server() const { return in(pki_dir(), "hub-server"); }
cert_pair layout::adapter_server() const { return in(pki_dir(), "adapter-server"); }
cert_pair layout::simulator_server() const { return in(pki_dir(), "simulator-server"); }
cert_pair layout::hub_client() const { return in(pki_dir(), "hub-client"); }
cert_pair layout::client(std::string_view name) const { return in(pki_dir(), name); }
cert_pair layout::adapter_client(system_kind s) const { return in(pki_dir(), adapter_process(s)); }

std::filesystem::path layout::adapter_config(system_kind s) const {
  return config_dir() / (adapter_process(s) + ".yaml");
}
std::filesystem::path layout::seed_file(system_kind s) const { return seed_dir() / (std::string(to_string(s)) + ".json"); }
std::filesystem::path layout::log_file(std::string_view process) const { return log_dir() / (std::string(process) + ".log"); }
std::filesystem::path layout::port_file(std::string_view process) const {
  return run_dir() / (std::string(process) + ".port");
}

}  // namespace tidnav::sandbox
