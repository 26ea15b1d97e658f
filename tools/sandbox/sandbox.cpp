// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/sandbox/sandbox.hpp"

#include "hub/net/http_client.hpp"
#include "tools/sandbox/ei_seed.hpp"
#include "tools/sandbox/journey.hpp"
#include "tools/sandbox/layout.hpp"
#include "tools/sandbox/manifest.hpp"
#include "tools/sandbox/operator_token.hpp"
#include "tools/sandbox/sandbox_pki.hpp"
#include "tools/sandbox/seeds.hpp"
#include "tools/sandbox/supervisor.hpp"

#include <csignal>
#include <fstream>
#include <iomanip>
#include <sstream>

namespace tidnav::sandbox {
namespace {

using namespace std::chrono;

void write_text(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

bool hub_ready(const std::map<std::string, unsigned>& ports) {
  if (!ports.count("admin") || !ports.count("https")) return false;
  if (!tcp_accepts(ports.at("https"))) return false;
  net::client_options o;
  o.io_threads = 1;
  o.log = net::null_log_sink();
  o.request_timeout = milliseconds(1000);
  o.retry_on_connect_failure = false;
  net::http_client c(std::move(o));
  net::client_request rq;
  rq.method = "GET";
  rq.url = "http://127.0.0.1:" + std::to_string(ports.at("admin")) + "/health/ready";
  auto r = c.request(std::move(rq));
  return r.ok() && r.status == 200;
}

bool listening(const std::map<std::string, unsigned>& ports) {
  return !ports.empty() && tcp_accepts(ports.begin()->second);
}

class sandbox_run {
 public:
  sandbox_run(const sandbox_options& o, std::ostream& out, std::ostream& err)
      : o_(o), out_(out), err_(err), paths_(o.dir), sup_(o.executable) {}

  int run() {
    prepare();
    if (!start_all()) return fail_exit();
    if (auto problem = post_engagements(world_, paths_, hub_url(ports_),
                                            [this](system_kind s) { return modes_.at(s); }); !problem.empty()) {
      err_ << "sandbox: indexing the existing bookings failed: " << problem << "\n";
      return fail_exit();
    }
    if (o_.kill) {
      const std::string name = adapter_process(*o_.kill);
      out_ << "Stopping " << name << " (--kill " << to_string(*o_.kill) << ") to show a partial answer\n";
      sup_.stop(name);
    }
    write_manifest(manifest());
    out_ << "Ready in " << std::fixed << std::setprecision(1)
         << duration<double>(steady_clock::now() - started_).count() << " s; " << paths_.manifest().string() << "\n";

    journey_options jo;
    jo.hub_url = hub_url(ports_);
    jo.paths = paths_;
    jo.killed = o_.kill;
    jo.color = o_.color;
    jo.expand = o_.expand;
    const auto result = run_journey(world_, jo, out_);
    const bool ok = result.all_ok();
    out_ << "\n" << (ok ? "Journey done: every step succeeded" : "Journey done: some steps FAILED") << " ("
         << std::fixed << std::setprecision(1) << duration<double>(steady_clock::now() - started_).count()
         << " s since start)\n";
    if (o_.once) {
      sup_.stop_all();
      return ok ? 0 : 1;
    }
    print_try_it();
    return supervise();
  }

 private:
  void prepare() {
    started_ = steady_clock::now();
    block_sandbox_signals();
    std::filesystem::create_directories(paths_.dir);
    const bool fresh = ensure_pki(paths_);
    const bool fresh_token = !std::filesystem::exists(paths_.operator_token());
    const std::string token_hash = token_sha256(ensure_operator_token(paths_.operator_token()));
    world_ = make_region({swedish_today(), 56});
    ports_ = plan_ports(o_.base_port);
    for (auto s : all_systems) modes_[s] = o_.mode(s);

    // State belongs to the seeds, which are regenerated for today: start clean.
    std::filesystem::remove_all(paths_.state_dir());
    std::filesystem::remove_all(paths_.run_dir());
    std::filesystem::remove(paths_.log_dir() / "calls.log");
    for (const auto& d : {paths_.state_dir() / "hub", paths_.log_dir(), paths_.run_dir()}) {
      std::filesystem::create_directories(d);
    }
    for (auto s : all_systems) std::filesystem::create_directories(paths_.state_dir() / adapter_process(s));

    for (auto s : all_systems) {
      std::string seed;
      if (modes_[s] == backend_mode::simulator && s == system_kind::millennium) {
        seed = millennium_seed_json(world_);
      } else if (modes_[s] == backend_mode::simulator && s == system_kind::cosmic) {
        seed = cosmic_seed_json(world_);
      } else {
        seed = memory_seed_json(world_, s);  // also the crm 1.0/1.1 simulators' format
      }
      write_text(paths_.seed_file(s), seed);
      write_text(paths_.adapter_config(s), adapter_yaml(paths_, world_, ports_, s, modes_[s]));
    }
    write_text(paths_.hub_config(), hub_yaml(paths_, world_, ports_, o_.schema_dir, token_hash));

    std::size_t bookings = world_.bookings.size();
    out_ << "tidnav sandbox in " << paths_.dir.string() << "\n"
         << "  PKI " << (fresh ? "created" : "reused") << " in " << paths_.pki_dir().string() << "\n"
         << "  dashboard operator " << operator_hsa_id << ": token " << (fresh_token ? "created" : "reused") << " in "
         << paths_.operator_token().string() << " (0600; hub.yaml holds only its SHA-256)\n"
         << "  " << world_.units.size() << " care units on 4 booking systems, " << world_.persons.size()
         << " test persons with " << bookings << " bookings, " << (world_.slots.size() - bookings)
         << " free times over the next eight weeks\n";
    for (auto s : all_systems) {
      out_ << "  " << std::left << std::setw(11) << display_name(s) << " ";
      for (const auto* u : world_.units_on(s)) out_ << u->hsa_id << " ";
      out_ << (modes_[s] == backend_mode::memory ? " (in-memory stand-in, no simulator)" : "") << "\n";
    }
  }

  child_spec spec_for(const std::string& name, std::vector<std::string> args) const {
    return {name, std::move(args), paths_.log_file(name), paths_.port_file(name)};
  }

  // Starts a group of children at once and waits until each is ready.
  bool start_group(const std::vector<child_spec>& group,
                   const std::function<bool(const std::map<std::string, unsigned>&)>& probe_hub) {
    for (const auto& c : group) sup_.start(c);
    for (const auto& c : group) {
      const auto probe = c.name == hub_process ? probe_hub : listening;
      const auto outcome = sup_.wait_ready(c.name, o_.start_timeout, probe);
      if (outcome == wait_outcome::ready) {
        out_ << "  started " << std::left << std::setw(19) << c.name << " pid " << sup_.pids()[c.name] << "\n";
        continue;
      }
      if (outcome == wait_outcome::interrupted) {
        err_ << "sandbox: interrupted while starting\n";
      } else if (outcome == wait_outcome::timed_out) {
        err_ << "sandbox: " << c.name << " was not ready within " << o_.start_timeout.count() / 1000
             << " s; last lines of " << paths_.log_file(c.name).string() << ":\n"
             << sup_.log_tail(c.name);
      } else {
        report_exit();
      }
      return false;
    }
    return true;
  }

  bool start_all() {
    std::vector<child_spec> sims;
    for (auto s : all_systems) {
      if (modes_[s] == backend_mode::simulator) {
        sims.push_back(spec_for(simulator_process(s), simulator_args(paths_, ports_, s)));
      }
    }
    if (!sims.empty() && !start_group(sims, hub_ready)) return false;
    std::vector<child_spec> rest;
    rest.push_back(spec_for(hub_process, {"hub", "--config", paths_.hub_config().string(), "--port-file",
                                          paths_.port_file(hub_process).string()}));
    for (auto s : all_systems) {
      rest.push_back(spec_for(adapter_process(s), {"adapter", "--config", paths_.adapter_config(s).string()}));
    }
    return start_group(rest, hub_ready);
  }

  void report_exit() {
    while (auto e = sup_.take_exit()) {
      err_ << "sandbox: " << e->name << " " << e->describe() << "; last lines of "
           << paths_.log_file(e->name).string() << ":\n"
           << sup_.log_tail(e->name);
    }
  }

  int fail_exit() {
    sup_.stop_all();
    err_ << "sandbox: stopped everything; logs in " << paths_.log_dir().string() << "\n";
    return 1;
  }

  manifest_input manifest() const {
    manifest_input m;
    m.paths = &paths_;
    m.world = &world_;
    m.ports = &ports_;
    m.modes = modes_;
    m.pids = sup_.pids();
    return m;
  }

  void print_try_it() {
    const auto c = paths_.client("1177");
    const std::string tidnav = o_.executable.string();
    const std::string& person = world_.persons.front().id;
    out_ << "\nTry it yourself (the sandbox keeps running until Ctrl-C):\n"
         << "  " << tidnav << " call --url " << hub_url(ports_) << " \\\n"
         << "      --cert " << c.cert.string() << " --key " << c.key.string() << " --ca " << paths_.ca_cert().string()
         << " \\\n"
         << "      --contract 1.1:GetSubjectOfCareSchedule --logical-address " << platform_hsa_id << " --actor "
         << person << " \\\n"
         << "      --field healthcare_facility=" << platform_hsa_id << " --field subject_of_care=" << person << "\n\n"
         << "  " << tidnav << " call --url " << hub_url(ports_) << " --dry-run --raw \\\n"
         << "      --contract 1.1:GetSubjectOfCareSchedule --logical-address " << platform_hsa_id << " --actor " << person
         << " \\\n"
         << "      --field healthcare_facility=" << platform_hsa_id << " --field subject_of_care=" << person
         << " > request.xml\n"
         << "  curl --cert " << c.cert.string() << " --key " << c.key.string() << " --cacert "
         << paths_.ca_cert().string() << " \\\n"
         << "       -H 'Content-Type: text/xml; charset=UTF-8' \\\n"
         << "       -H 'SOAPAction: \"urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1:GetSubjectOfCareSchedule\"' \\\n"
         << "       --data-binary @request.xml " << hub_url(ports_) << "\n\n"
         << "  Dashboard:   " << admin_url(ports_) << "/dashboard\n"
         << "    citizen view (operator " << operator_hsa_id << "): paste the token from\n"
         << "    " << paths_.operator_token().string() << " into the page's form, or\n"
         << "    curl -X POST -H \"Authorization: Bearer $(cat " << paths_.operator_token().string() << ")\" \\\n"
         << "         -H 'Content-Type: application/json' -d '{\"person\": \"" << person
         << "\", \"contract\": \"schedule\"}' \\\n"
         << "         " << admin_url(ports_) << "/dashboard/api/citizen\n"
         << "  Hub status:  " << admin_url(ports_) << "/status   metrics: " << admin_url(ports_) << "/metrics\n"
         << "  Everything:  " << paths_.manifest().string() << "   logs: " << paths_.log_dir().string() << "\n"
         << std::endl;
  }

  int supervise() {
    for (;;) {
      const auto outcome = sup_.wait_event(hours(24));
      if (outcome == wait_outcome::timed_out) continue;
      if (outcome == wait_outcome::interrupted) {
        out_ << "\nStopping (" << (sup_.interrupt_signal() == SIGINT ? "Ctrl-C" : "SIGTERM") << ") ..." << std::endl;
        sup_.stop_all();
        out_ << "Stopped." << std::endl;
        return 0;
      }
      report_exit();
      return fail_exit();
    }
  }

  const sandbox_options& o_;
  std::ostream& out_;
  std::ostream& err_;
  layout paths_;
  supervisor sup_;
  region world_;
  port_plan ports_;
  std::map<system_kind, backend_mode> modes_;
  steady_clock::time_point started_;
};

}  // namespace

std::optional<system_kind> system_from_name(std::string_view name) {
  for (auto s : all_systems) {
    if (to_string(s) == name) return s;
  }
  return std::nullopt;
}

int run_sandbox(const sandbox_options& options, std::ostream& out, std::ostream& err) {
  sandbox_run run(options, out, err);
  try {
    return run.run();
  } catch (const std::exception& e) {
    err << "sandbox: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace tidnav::sandbox
