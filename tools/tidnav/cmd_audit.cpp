// SPDX-License-Identifier: GPL-2.0-or-later
// `tidnav audit --db audit.db --person 191212121212 [--from ..] [--to ..] [--json]`:
// every recorded access to one person's data (patientdatalagen: the log
// extract a patient may ask for). Reads the database read-only; the hub may
// keep writing meanwhile (WAL).
#include <iostream>

#include <nlohmann/json.hpp>

#include "hub/audit/sqlite_audit_store.hpp"
#include "hub/core/hub_config.hpp"
#include "tools/tidnav/commands.hpp"

namespace tidnav::cli {
namespace {

std::string short_contract(const std::string& ns) {
  // "urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1" -> "crm:scheduling 1"
  std::string s = ns.rfind("urn:riv:", 0) == 0 ? ns.substr(8) : ns;
  const auto responder = s.find("Responder:");
  if (responder == std::string::npos) return s;
  const auto cut = s.rfind(':', responder);
  return s.substr(0, cut == std::string::npos ? 0 : cut) + " " + s.substr(responder + 10);
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
  return s.empty() ? "-" : s;
}

}  // namespace

void register_audit(CLI::App& app, int& exit_code) {
  struct opts {
    std::string db, config, person, from, to;
    bool json = false;
    std::size_t limit = 100000;
  };
  auto o = std::make_shared<opts>();
  CLI::App* cmd = app.add_subcommand("audit", "Print the audit log of one person's data (patientdatalagen)");
  cmd->add_option("--db", o->db, "Audit database (audit.path in hub.yaml)");
  cmd->add_option("--config,-c", o->config, "Hub configuration: use its audit.path instead of --db");
  cmd->add_option("--person,-p", o->person, "Personnummer or samordningsnummer (any common form)")->required();
  cmd->add_option("--from", o->from, "From this time, inclusive: 2026-12-01, 2026-12-01T08:00[:00]; Z for UTC, else local time");
  cmd->add_option("--to", o->to, "Up to this time, exclusive (same forms)");
  cmd->add_flag("--json", o->json, "A JSON array instead of text lines");
  cmd->add_option("--limit", o->limit, "At most this many records")->capture_default_str();
  cmd->callback([o, &exit_code] {
    std::string db = o->db;
    if (db.empty() && !o->config.empty()) {
      auto cfg = core::load_hub_config(o->config);
      if (!cfg) {
        for (const auto& e : cfg.error()) std::cerr << e.to_string() << "\n";
        exit_code = 2;
        return;
      }
      db = cfg.value().audit.path;
      if (db.empty()) {
        std::cerr << o->config << ": audit.path is empty (the audit log is off)\n";
        exit_code = 2;
        return;
      }
    }
    if (db.empty()) {
      std::cerr << "tidnav audit: give --db FILE or --config hub.yaml\n";
      exit_code = 2;
      return;
    }
    audit::audit_query q;
    q.person = o->person;
    q.limit = o->limit;
    for (auto [text, out, name] : {std::tuple{&o->from, &q.from_ms, "--from"}, std::tuple{&o->to, &q.to_ms, "--to"}}) {
      if (text->empty()) continue;
      *out = audit::parse_time_ms(*text);
      if (!*out) {
        std::cerr << "tidnav audit: " << name << " '" << *text << "' is not a date or time (2026-12-01, 2026-12-01T08:00, ...Z)\n";
        exit_code = 2;
        return;
      }
    }
    std::vector<audit::audit_record> rows;
    try {
      audit::sqlite_audit_store store(db, audit::sqlite_audit_store::mode::read_only);
      rows = store.query(q);
    } catch (const std::exception& e) {
      std::cerr << "tidnav audit: " << e.what() << "\n";
      exit_code = 2;
      return;
    }
    if (o->json) {
      nlohmann::ordered_json arr = nlohmann::ordered_json::array();
      for (const auto& r : rows) {
        arr.push_back({{"time", audit::format_utc_ms(r.at_ms)},
                       {"person", r.person},
                       {"consumer", r.consumer},
                       {"original_consumer", r.original_consumer},
                       {"contract", r.contract},
                       {"operation", r.operation},
                       {"care_units", r.care_units},
                       {"outcome", r.outcome},
                       {"channel", r.channel},
                       {"correlation_id", r.correlation_id}});
      }
      std::cout << arr.dump(2) << "\n";
    } else {
      for (const auto& r : rows) {
        std::cout << audit::format_utc_ms(r.at_ms) << "  " << r.operation << " (" << short_contract(r.contract) << ")  "
                  << r.outcome << "  consumer " << r.consumer;
        if (r.original_consumer != r.consumer) std::cout << " for " << r.original_consumer;
        std::cout << "  units " << join(r.care_units) << "  " << r.channel << "  correlation " << r.correlation_id << "\n";
      }
      std::cerr << rows.size() << " record" << (rows.size() == 1 ? "" : "s") << " for "
                << audit::normalize_person(o->person) << "\n";
    }
    exit_code = 0;
  });
}

}  // namespace tidnav::cli
