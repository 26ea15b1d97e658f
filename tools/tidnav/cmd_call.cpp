// SPDX-License-Identifier: GPL-2.0-or-later
// tidnav call : a command-line consumer for any contract. Builds the request
// from --field options (or takes an envelope from a file), sends it over mutual
// TLS and prints the answer; exits 1 on a SOAP fault or HTTP error. With
// --expand, an (aggregated) GetAppointments answer becomes a table of the
// appointments, each fetched with GetAppointment in parallel.
#include "contracts/loose_builder.hpp"
#include "contracts/operation_registry.hpp"
#include "hub/core/envelope_sniffer.hpp"
#include "tools/tidnav/call_expand.hpp"
#include "tools/tidnav/call_transport.hpp"
#include "tools/tidnav/commands.hpp"
#include "tools/tidnav/pretty_xml.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

namespace tidnav::cli {
namespace {

struct options {
  std::string url;
  std::string contract;  // "GetSubjectOfCareSchedule" or "1.1:GetSubjectOfCareSchedule"
  std::string family = "2.0";
  std::vector<std::string> fields;
  std::string file;
  std::string logical_address;
  std::string actor;  // "191212121212" or "SE...:subject_of_care_agent" (1.1 only)
  call_tls tls;
  double timeout_s = 10;
  bool raw = false;
  bool dry_run = false;
  bool expand = false;
  std::vector<std::string> unit_name_files;
  std::size_t parallel = 8;
};

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const contracts::operation& resolve(options& o) {
  std::string name = o.contract;
  if (auto colon = name.find(':'); colon != std::string::npos) {
    o.family = name.substr(0, colon);
    name = name.substr(colon + 1);
  }
  const auto fam = contracts::family_from_name(o.family);
  if (!fam) throw CLI::ValidationError("--family", "unknown family '" + o.family + "' (2.0, 1.1, 1.0, ei, ping)");
  const auto* op = contracts::find_operation(*fam, name);
  if (!op) {
    std::string known;
    for (const auto& candidate : contracts::all_operations()) {
      if (candidate.fam == *fam) known += " " + candidate.name;
    }
    throw CLI::ValidationError("--contract", "no operation '" + name + "' in family " + o.family + "; known:" + known);
  }
  return *op;
}

std::string build_request(options& o, const contracts::operation*& op) {
  if (!o.file.empty()) return read_all(o.file);
  op = &resolve(o);
  std::vector<contracts::field> fields;
  for (const auto& text : o.fields) {
    contracts::field f;
    if (!contracts::parse_field(text, f)) throw CLI::ValidationError("--field", "expected name=value, got '" + text + "'");
    fields.push_back(std::move(f));
  }
  std::string error;
  const std::string loose = contracts::build_loose_element(op->name, fields, error);
  if (!error.empty()) throw CLI::ValidationError("--field", error);
  contracts::soap_headers headers;
  if (o.logical_address.empty()) throw CLI::ValidationError("--logical-address", "is required with --contract");
  if (op->fam == contracts::family::crm10) {
    headers.wsa_to = o.logical_address;
  } else {
    headers.logical_address = o.logical_address;
  }
  if (!o.actor.empty()) {
    const auto colon = o.actor.find(':');
    headers.actor = contracts::actor_header{o.actor.substr(0, colon),
                                            colon == std::string::npos ? "subject_of_care" : o.actor.substr(colon + 1)};
  }
  contracts::codec_error err;
  std::string envelope =
      op->canonicalize(contracts::message_kind::request, loose, contracts::input_form::loose_element, &headers, err);
  if (err) throw std::runtime_error("cannot build " + op->name + ": " + err.message);
  return envelope;
}

}  // namespace

void register_call(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("call", "Call a contract over mutual TLS (the curl of tjänstekontrakt)");
  auto o = std::make_shared<options>();
  cmd->add_option("--url", o->url, "Hub or producer URL, https://host:port/path");
  cmd->add_option("--contract", o->contract, "Operation, e.g. GetAppointments or 1.1:GetSubjectOfCareSchedule");
  cmd->add_option("--family", o->family, "Contract family: 2.0, 1.1, 1.0, ei, ping")->capture_default_str();
  cmd->add_option("--field", o->fields, "Request field path=value (a.b.c, a[2].b; repeat for lists)");
  cmd->add_option("--file", o->file, "Send this envelope instead of building one")->check(CLI::ExistingFile);
  cmd->add_option("--logical-address", o->logical_address, "LogicalAddress (or wsa:To for 1.0)");
  cmd->add_option("--actor", o->actor, "crm 1.1 Actor header: id[:subject_of_care|subject_of_care_agent]");
  cmd->add_option("--cert", o->tls.cert, "Client certificate (PEM)");
  cmd->add_option("--key", o->tls.key, "Client key (PEM)");
  cmd->add_option("--ca", o->tls.ca, "CA that signed the server certificate (PEM)");
  cmd->add_flag("--insecure", o->tls.insecure, "Do not verify the server certificate");
  cmd->add_option("--timeout", o->timeout_s, "Seconds to wait for the answer")->capture_default_str();
  cmd->add_flag("--raw", o->raw, "Print the response exactly as received");
  cmd->add_flag("--dry-run", o->dry_run, "Print the request envelope and do not send it");
  cmd->add_flag("--expand", o->expand,
                "GetAppointments 2.0: print the appointments as a table, fetching each one's GetAppointment "
                "through the same URL (exit 3 when some could not be fetched)");
  cmd->add_option("--unit-names", o->unit_name_files, "HSA file(s) naming the units in the --expand table")
      ->check(CLI::ExistingFile);
  cmd->add_option("--parallel", o->parallel, "--expand: GetAppointment calls in flight at once")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  cmd->callback([o, &exit_code] {
    if (o->file.empty() && o->contract.empty()) throw CLI::ValidationError("--contract", "give --contract or --file");
    const contracts::operation* op = nullptr;
    const std::string request = build_request(*o, op);
    if (o->expand && op && op->name != "GetAppointments") {
      throw CLI::ValidationError("--expand", "works with GetAppointments (2.0), not " + op->name);
    }
    if (o->dry_run) {
      std::cout << (o->raw ? request : pretty_xml(request)) << std::endl;
      return;
    }
    if (o->url.empty()) throw CLI::ValidationError("--url", "is required unless --dry-run");
    std::string action = op ? op->soap_action : std::string();
    if (!op) {
      // An envelope from a file: the SOAPAction is <request namespace>:<operation>.
      if (auto info = core::sniff_envelope(request); info && info.value().contract_namespace) {
        action = *info.value().contract_namespace + ":" + info.value().operation;
      }
    }
    action = "\"" + action + "\"";
    const call_result r = send_soap(o->url, o->tls, action, request, o->timeout_s);
    if (!r.error.empty()) {
      std::cerr << "tidnav call: " << r.error << "\n";
      exit_code = 2;
      return;
    }
    const bool failed = r.status != 200 || is_soap_fault(r.body);
    if (!o->expand || failed) std::cout << (o->raw ? r.body : pretty_xml(r.body)) << std::endl;
    if (failed) {
      std::cerr << "tidnav call: HTTP " << r.status << (is_soap_fault(r.body) ? ", SOAP fault" : "") << "\n";
      exit_code = 1;
      return;
    }
    if (o->expand) {
      const unit_names names = unit_names_from_hsa_files(o->unit_name_files);
      const expand_result table = expand_appointments(o->url, o->tls, request, r.body, o->timeout_s, names, o->parallel);
      std::cout << table.table << std::flush;
      if (table.not_fetched > 0) {
        std::cerr << "tidnav call: " << table.not_fetched << " of " << table.appointments
                  << " appointments could not be fetched\n";
        exit_code = 3;
      }
    }
  });
}

}  // namespace tidnav::cli
