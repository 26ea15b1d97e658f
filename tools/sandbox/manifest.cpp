// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/sandbox/manifest.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <stdexcept>

namespace tidnav::sandbox {

std::string manifest_json(const manifest_input& in) {
  using json = nlohmann::ordered_json;
  const layout& l = *in.paths;
  const region& r = *in.world;
  const port_plan& p = *in.ports;
  json clients = json::object();
  const std::pair<const char*, const char*> who[] = {
      {"1177", consumer_1177_hsa_id}, {"operator", operator_hsa_id}, {"unauthorized", unauthorized_hsa_id}};
  for (const auto& [name, hsa] : who) {
    const auto c = l.client(name);
    clients[name] = {{"cert", c.cert.string()}, {"key", c.key.string()}, {"hsa_id", hsa}};
  }
  json adapters = json::object();
  json simulators = json::object();
  for (auto s : all_systems) {
    const auto mode = in.modes.count(s) ? in.modes.at(s) : backend_mode::simulator;
    adapters[std::string(to_string(s))] = {{"url", adapter_url(p, s)},
                                           {"hsa_id", adapter_hsa_id(s)},
                                           {"config", l.adapter_config(s).string()},
                                           {"backend", mode == backend_mode::memory ? "memory" : "simulator"}};
    if (mode == backend_mode::simulator) simulators[std::string(to_string(s))] = simulator_url(p, s);
  }
  json units = json::array();
  for (const auto& u : r.units) {
    units.push_back({{"hsa_id", u.hsa_id},
                     {"name", u.name},
                     {"system", to_string(u.system)},
                     {"region", u.region},
                     {"adapter_url", adapter_url(p, u.system)}});
  }
  json persons = json::array();
  for (const auto& x : r.persons) persons.push_back({{"id", x.id}, {"name", x.name}});
  json pids = json::object();
  for (const auto& [name, pid] : in.pids) pids[name] = pid;
  json m = {{"hub",
             {{"url", hub_url(p)},
              {"admin_url", admin_url(p)},
              {"dashboard_url", admin_url(p) + "/dashboard"},
              {"platform_hsa_id", platform_hsa_id}}},
            {"ca", l.ca_cert().string()},
            {"clients", clients},
            {"adapters", adapters},
            {"simulators", simulators},
            {"units", units},
            {"persons", persons},
            {"pids", pids},
            {"logs", l.log_dir().string()},
            {"dashboard", {{"url", admin_url(p) + "/dashboard"}, {"token_file", l.operator_token().string()}}}};
  return m.dump(2) + "\n";
}

void write_manifest(const manifest_input& in) {
  const auto target = in.paths->manifest();
  const auto tmp = target.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << manifest_json(in);
    if (!out) throw std::runtime_error("cannot write " + tmp);
  }
  std::filesystem::rename(tmp, target);
}

}  // namespace tidnav::sandbox
