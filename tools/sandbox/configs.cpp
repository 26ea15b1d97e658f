// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/sandbox/configs.hpp"

#include "contracts/operation_registry.hpp"
#include "tools/sandbox/seeds.hpp"

#include <sstream>
#include <stdexcept>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace tidnav::sandbox {
namespace {

// YAML double-quoted scalar (paths may hold spaces or colons).
std::string q(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string q(const std::filesystem::path& p) { return q(p.string()); }

unsigned free_port(std::vector<int>& held) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("socket() failed while choosing ports");
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot bind a loopback port");
  }
  held.push_back(fd);  // held until every port is chosen, so all differ
  return ntohs(a.sin_port);
}

std::vector<const contracts::operation*> operations_of(contracts::family f) {
  std::vector<const contracts::operation*> out;
  for (const auto& op : contracts::all_operations()) {
    if (op.fam == f) out.push_back(&op);
  }
  return out;
}

std::string responder_ns(contracts::family f, std::string_view name) {
  const auto* op = contracts::find_operation(f, name);
  if (!op) throw std::logic_error("no operation " + std::string(name));
  return op->responder_ns;
}

}  // namespace

port_plan plan_ports(unsigned base_port) {
  port_plan p;
  if (base_port != 0) {
    if (base_port + 9 > 65535) throw std::runtime_error("--base-port leaves no room for ten ports");
    p.hub_https = base_port;
    p.hub_admin = base_port + 1;
    unsigned n = base_port + 2;
    for (auto s : all_systems) p.adapter[s] = n++;
    for (auto s : all_systems) p.simulator[s] = n++;
    return p;
  }
  std::vector<int> held;
  try {
    p.hub_https = free_port(held);
    p.hub_admin = free_port(held);
    for (auto s : all_systems) p.adapter[s] = free_port(held);
    for (auto s : all_systems) p.simulator[s] = free_port(held);
  } catch (...) {
    for (int fd : held) ::close(fd);
    throw;
  }
  for (int fd : held) ::close(fd);
  return p;
}

std::string hub_url(const port_plan& p) { return "https://127.0.0.1:" + std::to_string(p.hub_https) + "/vp"; }
std::string admin_url(const port_plan& p) { return "http://127.0.0.1:" + std::to_string(p.hub_admin); }
std::string adapter_url(const port_plan& p, system_kind s) {
  return "https://127.0.0.1:" + std::to_string(p.adapter.at(s)) + "/";
}
std::string simulator_url(const port_plan& p, system_kind s) {
  return "https://127.0.0.1:" + std::to_string(p.simulator.at(s));
}

std::vector<std::string> unit_contracts() {
  std::vector<std::string> out;
  for (auto f : {contracts::family::sched2, contracts::family::crm11}) {
    for (const auto* op : operations_of(f)) out.push_back(op->responder_ns);
  }
  return out;
}

std::vector<std::string> aggregated_contracts() {
  return {responder_ns(contracts::family::sched2, "GetAppointments"),
          responder_ns(contracts::family::sched2, "GetAvailableTimeslots"),
          responder_ns(contracts::family::crm11, "GetSubjectOfCareSchedule"),
          responder_ns(contracts::family::crm11, "GetAvailableTimeslots")};
}

std::string hub_yaml(const layout& l, const region& r, const port_plan& p, const std::string& schema_dir,
                     const std::string& operator_token_sha256) {
  std::ostringstream y;
  y << "# tidnav sandbox hub, written at every start (" << l.dir.string() << ")\n"
    << "instance: { name: \"tidnav sandbox\", id: sandbox-hub }\n"
    << "platform_hsa_id: \"" << platform_hsa_id << "\"\n"
    << "io_threads: 2\n"
    << "drain_timeout_ms: 2000\n"
    << "listeners:\n"
    << "  https: { address: 127.0.0.1, port: " << p.hub_https << ", cert: " << q(l.hub_server().cert)
    << ", key: " << q(l.hub_server().key) << ", ca: " << q(l.ca_cert()) << " }\n"
    << "  admin: { address: 127.0.0.1, port: " << p.hub_admin << " }\n"
    << "call_log: { path: " << q(l.log_dir() / "calls.log") << " }\n"
    // The citizen view needs the audit log; with the rest of the state, it starts empty.
    << "audit: { path: " << q(l.state_dir() / "hub" / "audit.db") << " }\n";
  if (!operator_token_sha256.empty()) {
    y << "dashboard:\n"
      << "  operators: [ { hsa_id: " << operator_hsa_id << ", token_sha256: " << operator_token_sha256 << " } ]\n";
  }
  if (!schema_dir.empty()) y << "wsdl_dir: " << q(schema_dir) << "\n";
  y << "producers:\n"
    << "  connect_timeout_ms: 1000\n"
    << "  default_timeout_ms: 5000\n"
    << "  tls: { ca: " << q(l.ca_cert()) << ", cert: " << q(l.hub_client().cert) << ", key: "
    << q(l.hub_client().key) << " }\n"
    << "engagement_index: { database: " << q(l.state_dir() / "hub" / "ei.db") << " }\n"
    << "aggregation: { unit_timeout_ms: 3000, deadline_ms: 3500 }\n";

  const std::string update = responder_ns(contracts::family::ei1, "Update");
  const std::string find = responder_ns(contracts::family::ei1, "FindContent");
  y << "routes:\n";
  for (const auto& c : aggregated_contracts()) {
    y << "  - { contract: \"" << c << "\", logical_address: \"" << platform_hsa_id << "\", url: \"local:aggregate\" }\n";
  }
  for (const auto& c : {update, find}) {
    y << "  - { contract: \"" << c << "\", logical_address: \"" << platform_hsa_id << "\", url: \"local:ei\" }\n";
  }
  const auto contracts = unit_contracts();
  for (const auto& u : r.units) {
    for (const auto& c : contracts) {
      y << "  - { contract: \"" << c << "\", logical_address: " << u.hsa_id << ", url: \""
        << adapter_url(p, u.system) << "\", riv_profile: RIVTABP21 }\n";
    }
  }

  y << "permissions:\n";
  // The 1177 consumer and the operator reach every unit and the aggregating
  // services; each adapter may post to the engagement index; "unauthorized"
  // has a valid certificate and nothing else.
  for (const char* who : {consumer_1177_hsa_id, operator_hsa_id}) {
    for (const auto& c : aggregated_contracts()) {
      y << "  - { consumer: " << who << ", contract: \"" << c << "\", logical_address: \"" << platform_hsa_id
        << "\" }\n";
    }
    for (const auto& u : r.units) {
      for (const auto& c : contracts) {
        y << "  - { consumer: " << who << ", contract: \"" << c << "\", logical_address: " << u.hsa_id << " }\n";
      }
    }
  }
  y << "  - { consumer: " << operator_hsa_id << ", contract: \"" << find << "\", logical_address: \""
    << platform_hsa_id << "\" }\n";
  for (auto s : all_systems) {
    y << "  - { consumer: " << adapter_hsa_id(s) << ", contract: \"" << update << "\", logical_address: \""
      << platform_hsa_id << "\" }\n";
  }
  return y.str();
}

std::string adapter_yaml(const layout& l, const region& r, const port_plan& p, system_kind s, backend_mode mode) {
  std::ostringstream y;
  const std::string name = std::string(display_name(s));
  const std::string proc = adapter_process(s);
  y << "# tidnav sandbox adapter for " << name << ", written at every start\n"
    << "system: " << (mode == backend_mode::memory ? "memory" : std::string(to_string(s))) << "\n"
    << "name: \"" << name << " (sandbox" << (mode == backend_mode::memory ? ", in-memory stand-in" : "") << ")\"\n"
    << "listen: { address: 127.0.0.1, port: " << p.adapter.at(s) << ", port_file: " << q(l.port_file(proc)) << " }\n"
    << "tls: { cert: " << q(l.adapter_server().cert) << ", key: " << q(l.adapter_server().key)
    << ", ca: " << q(l.ca_cert()) << " }\n"
    << "families: [scheduling-2.0, crm-scheduling-1.1]\n"
    << "state_dir: " << q(l.state_dir() / proc) << "\n"
    << "timeouts: { backend_ms: 2500 }\n"
    << "units:\n";
  for (const auto* u : r.units_on(s)) {
    y << "  - { hsa_id: " << u->hsa_id << ", native_id: \"" << u->native_id << "\", name: " << q(u->name) << " }\n";
  }
  if (mode == backend_mode::simulator && s == system_kind::millennium) {
    // Millennium publishes no appointment-type list and no HSA-ids: both are configuration.
    y << "time_types:\n";
    for (const auto* u : r.units_on(s)) {
      for (const auto& t : r.time_types) {
        y << "  - { unit: " << u->hsa_id << ", code: " << t.code << ", system: \"" << millennium_code_system
          << "\", name: " << q(t.name) << ", cancel_allowed: true, update_allowed: true }\n";
      }
    }
    y << "practitioners:\n";
    for (const auto* u : r.units_on(s)) {
      for (const auto& pr : u->practitioners) {
        y << "  - { hsa_id: " << pr.hsa_id << ", native_id: " << millennium_practitioner_id(pr.hsa_id)
          << ", first_name: " << q(pr.first_name) << ", last_name: " << q(pr.last_name) << ", title: " << q(pr.title)
          << " }\n";
      }
    }
  }
  const auto client = l.adapter_client(s);
  y << "backend:\n";
  if (mode == backend_mode::memory) {
    y << "  seed: " << q(l.seed_file(s)) << "\n";
  } else if (s == system_kind::millennium) {
    const std::string origin = simulator_url(p, s);
    y << "  base_url: \"" << origin << "/r4/" << millennium_tenant << "\"\n"
      << "  token_url: \"" << origin << "/oauth2/token\"\n"
      << "  client_id: " << sim_client_id << "\n"
      << "  client_secret: " << sim_client_secret << "\n"
      << "  ca: " << q(l.ca_cert()) << "\n";
  } else if (s == system_kind::cosmic) {
    const std::string origin = simulator_url(p, s);
    y << "  base_url: \"" << origin << "/fhir\"\n"
      << "  token_url: \"" << origin << "/oauth2/token\"\n"
      << "  client_id: " << sim_client_id << "\n"
      << "  client_secret: " << sim_client_secret << "\n"
      << "  subscription_key: " << sim_subscription_key << "\n"
      << "  ca: " << q(l.ca_cert()) << "\n";
  } else {
    // PASiS (crm:scheduling 1.0) and PMO (1.1): the bridge is a client of the legacy producer.
    y << "  endpoint: \"" << simulator_url(p, s) << "/\"\n"
      << "  client: { cert: " << q(client.cert) << ", key: " << q(client.key) << ", ca: " << q(l.ca_cert()) << " }\n"
      << "  id_store: " << q(l.state_dir() / proc / "bridge-ids.db") << "\n";
  }
  y << "engagement_index:\n"
    << "  url: \"" << hub_url(p) << "\"\n"
    << "  logical_address: \"" << platform_hsa_id << "\"\n"
    << "  client: { cert: " << q(client.cert) << ", key: " << q(client.key) << ", ca: " << q(l.ca_cert()) << " }\n"
    << "  source_system: " << adapter_hsa_id(s) << "\n"
    << "  data_controller: " << (s == system_kind::cosmic ? "SE2321000016-RJKP" : "SE2321000016-RSKA") << "\n";
  if (mode == backend_mode::simulator && (s == system_kind::millennium || s == system_kind::cosmic)) {
    // A booking made directly in the simulator (its /_sim/direct door) shows
    // in the unified view within seconds, not the production default of 30 s.
    y << "  change_feed: { interval_ms: 2000 }\n";
  }
  return y.str();
}

std::vector<std::string> simulator_args(const layout& l, const port_plan& p, system_kind s) {
  const std::string proc = simulator_process(s);
  std::string kind;
  switch (s) {
    case system_kind::millennium: kind = "millennium"; break;
    case system_kind::cosmic: kind = "cosmic"; break;
    case system_kind::pasis: kind = "crm10"; break;
    case system_kind::pmo: kind = "crm11"; break;
  }
  std::vector<std::string> args = {"sim",    kind,
                                    "--address", "127.0.0.1",
                                    "--port",    std::to_string(p.simulator.at(s)),
                                    "--port-file", l.port_file(proc).string(),
                                    "--cert",    l.simulator_server().cert.string(),
                                    "--key",     l.simulator_server().key.string(),
                                    "--seed",    l.seed_file(s).string()};
  // The FHIR APIs authenticate with OAuth2 tokens, not client certificates;
  // the crm:scheduling producers want mutual TLS, as the platform does.
  if (s == system_kind::pasis || s == system_kind::pmo) {
    args.push_back("--ca");
    args.push_back(l.ca_cert().string());
  }
  return args;
}

}  // namespace tidnav::sandbox
