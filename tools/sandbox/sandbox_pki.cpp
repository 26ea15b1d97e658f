// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/sandbox/sandbox_pki.hpp"

#include "tools/pki/pki.hpp"

#include <filesystem>
#include <vector>

namespace tidnav::sandbox {
namespace {

struct client_spec {
  std::string name;
  std::string hsa_id;
};

std::vector<client_spec> clients() {
  std::vector<client_spec> out = {
      {"1177", consumer_1177_hsa_id},
      {"operator", operator_hsa_id},
      {"unauthorized", unauthorized_hsa_id},
      {"hub-client", platform_hsa_id},
  };
  for (auto s : all_systems) out.push_back({adapter_process(s), adapter_hsa_id(s)});
  return out;
}

std::vector<std::filesystem::path> expected_files(const layout& l) {
  std::vector<std::filesystem::path> files = {l.ca_cert(), l.hub_server().cert, l.hub_server().key,
                                              l.adapter_server().cert, l.adapter_server().key,
                                              l.simulator_server().cert, l.simulator_server().key};
  for (const auto& c : clients()) {
    const auto p = l.client(c.name);
    files.push_back(p.cert);
    files.push_back(p.key);
  }
  return files;
}

}  // namespace

bool ensure_pki(const layout& l) {
  bool complete = true;
  for (const auto& f : expected_files(l)) complete = complete && std::filesystem::exists(f);
  if (complete) return false;

  std::filesystem::remove_all(l.pki_dir());
  const auto ca = pki::create_ca(l.pki_dir(), "tidnav-sandbox-ca");
  pki::issue_options server;
  server.dns_names = {"localhost"};
  server.ip_addresses = {"127.0.0.1"};
  for (const char* name : {"hub-server", "adapter-server", "simulator-server"}) {
    pki::issue(l.pki_dir(), ca, pki::cert_kind::server, name, server);
  }
  for (const auto& c : clients()) {
    pki::issue_options o;
    o.hsa_id = c.hsa_id;
    pki::issue(l.pki_dir(), ca, pki::cert_kind::client, c.name, o);
  }
  return true;
}

}  // namespace tidnav::sandbox
