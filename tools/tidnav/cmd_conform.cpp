// SPDX-License-Identifier: GPL-2.0-or-later
// tidnav conform : the producer conformance kit. Runs every check of
// tools/conform against one producer over mutual TLS, prints a progress line
// and a summary table, writes JUnit and HTML reports on request; exits 0 only
// when no check failed (1: a check failed, 2: the kit could not run).
#include "adapters/core/person_number.hpp"
#include "adapters/core/swedish_time.hpp"
#include "tools/conform/check_catalogue.hpp"
#include "tools/conform/report_writers.hpp"
#include "tools/conform/runner.hpp"
#include "tools/tidnav/commands.hpp"

#include <fstream>
#include <iostream>

#include <unistd.h>

namespace tidnav::cli {
namespace {

struct options {
  conform::conform_options run;
  std::string family = "2.0";
  std::vector<std::string> only;
  std::string junit, html;
  double timeout_s = 10;
  long sla_ms = 3000;
  bool list = false;
  bool family_given = false;
};

void print_catalogue(std::ostream& out, conform::contract_family f) {
  out << "Checks for " << conform::family_label(f) << " ("
      << (f == conform::contract_family::sched2 ? "supportprocess:logistics:scheduling 2.0" : "crm:scheduling 1.1")
      << "):\n";
  for (const auto& c : conform::catalogue(f)) {
    out << "  " << c.id << "\n      " << c.title << "\n      rule: " << c.rule << "\n";
  }
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path);
}

// One line that rewrites itself on a terminal, one line per phase otherwise.
conform::progress_fn progress_printer() {
  const bool tty = ::isatty(STDERR_FILENO) != 0;
  auto last_phase = std::make_shared<std::size_t>(0);
  return [tty, last_phase](const conform::progress& p) {
    if (tty) {
      std::string line = "[" + std::to_string(p.phase_index) + "/" + std::to_string(p.phase_count) + "] " + p.phase;
      if (!p.call.empty()) line += " · call " + std::to_string(p.calls) + " " + p.call;
      if (line.size() > 110) line = line.substr(0, 107) + "...";
      std::cerr << "\r\033[K" << line << std::flush;
    } else if (p.phase_index != *last_phase) {
      std::cerr << "[" << p.phase_index << "/" << p.phase_count << "] " << p.phase << "\n";
    }
    *last_phase = p.phase_index;
  };
}

void check_options(options& o) {
  if (o.family != "2.0" && o.family != "1.1") throw CLI::ValidationError("--family", "is 2.0 or 1.1");
  o.run.family = o.family == "2.0" ? conform::contract_family::sched2 : conform::contract_family::crm11;
  if (o.run.url.empty()) throw CLI::ValidationError("--url", "is required");
  if (o.run.logical_address.empty()) throw CLI::ValidationError("--logical-address", "is required");
  if (o.run.person.empty()) throw CLI::ValidationError("--person", "is required (a test personnummer)");
  for (const auto* p : {&o.run.person, &o.run.other_person}) {
    if (p->empty()) continue;
    if (auto c = adapters::check_person_number(*p); !c) {
      throw CLI::ValidationError("--person", *p + ": " + std::string(adapters::to_string(c.problem)));
    }
  }
  if (o.run.from && !adapters::parse_dt(*o.run.from)) throw CLI::ValidationError("--from", "is a date YYYYMMDD");
  if (o.run.days < 1 || o.run.days > 366) throw CLI::ValidationError("--days", "is 1..366");
  if (o.run.calls < 1 || o.run.calls > 10000) throw CLI::ValidationError("--calls", "is 1..10000");
  for (const auto& text : o.only) {
    std::size_t start = 0;
    while (start <= text.size()) {
      const auto comma = text.find(',', start);
      const std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (!part.empty()) o.run.only.push_back(part);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  if (auto unknown = conform::unknown_selections(o.run.family, o.run.only); !unknown.empty()) {
    throw CLI::ValidationError("--only", "no check " + unknown.front() + " for " + o.family + " (see --list)");
  }
  o.run.timeout = std::chrono::milliseconds(static_cast<long>(o.timeout_s * 1000));
  o.run.sla = std::chrono::milliseconds(o.sla_ms);
}

}  // namespace

void register_conform(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("conform", "Check a producer against the contract rules (conformance kit)");
  auto o = std::make_shared<options>();
  cmd->add_option("--url", o->run.url, "Producer (or hub) URL, https://host:port/path");
  cmd->add_option("--logical-address", o->run.logical_address, "LogicalAddress: the unit's HSA-id");
  cmd->add_option("--cert", o->run.tls.cert, "Client certificate (PEM)");
  cmd->add_option("--key", o->run.tls.key, "Client key (PEM)");
  cmd->add_option("--ca", o->run.tls.ca, "CA that signed the producer's certificate (PEM)");
  cmd->add_flag("--insecure", o->run.tls.insecure, "Do not verify the producer's certificate");
  cmd->add_option("--family", o->family, "Contract family: 2.0 or 1.1")->capture_default_str();
  cmd->add_option("--person", o->run.person, "Test personnummer the kit may book, rebook and cancel for");
  cmd->add_option("--other-person", o->run.other_person,
                  "A second test personnummer, only used to ask for the first one's booking")
      ->capture_default_str();
  cmd->add_option("--time-type", o->run.time_type, "Time type to look for and book (2.0 timeTypeCode, 1.1 timeTypeID)");
  cmd->add_option("--only", o->only, "Run only these checks or groups (e.g. make, sla.p95); repeat or comma-separate");
  cmd->add_option("--junit", o->junit, "Write a JUnit XML report here");
  cmd->add_option("--html", o->html, "Write a self-contained HTML report here");
  cmd->add_option("--calls", o->run.calls, "Calls per reading contract for the SLA sample")->capture_default_str();
  cmd->add_option("--sla-ms", o->sla_ms, "p95 limit in milliseconds (the TKB says 3000)")->capture_default_str();
  cmd->add_option("--from", o->run.from, "First day to look for free times, YYYYMMDD (default: today)");
  cmd->add_option("--days", o->run.days, "Days to look for free times")->capture_default_str();
  cmd->add_option("--timeout", o->timeout_s, "Seconds to wait for each answer")->capture_default_str();
  cmd->add_option("--first-name", o->run.first_name, "1.1 MakeBooking firstName of the test person")->capture_default_str();
  cmd->add_option("--last-name", o->run.last_name, "1.1 MakeBooking lastName of the test person")->capture_default_str();
  cmd->add_flag("--list", o->list, "Print every check with the rule it checks, and exit");
  cmd->callback([o, cmd, &exit_code] {
    if (o->list) {
      if (cmd->count("--family") == 0 || o->family == "2.0") print_catalogue(std::cout, conform::contract_family::sched2);
      if (cmd->count("--family") == 0) std::cout << "\n";
      if (cmd->count("--family") == 0 || o->family == "1.1") print_catalogue(std::cout, conform::contract_family::crm11);
      return;
    }
    check_options(*o);
    auto transport = conform::make_https_transport(o->run.url, o->run.tls, o->run.timeout);
    const auto report = conform::run_conformance(o->run, *transport, progress_printer());
    if (::isatty(STDERR_FILENO)) std::cerr << "\r\033[K" << std::flush;
    conform::write_summary(std::cout, report);
    if (!o->junit.empty()) write_file(o->junit, conform::junit_xml(report));
    if (!o->html.empty()) write_file(o->html, conform::html_report(report));
    exit_code = !report.errors.empty() ? 2 : (report.passed() ? 0 : 1);
  });
}

}  // namespace tidnav::cli
