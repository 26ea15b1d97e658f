// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/conform/runner.hpp"

#include "contracts/schema_validator.hpp"
#include "tools/conform/flow.hpp"
#include "tools/conform/time_rules.hpp"

#include <chrono>
#include <ctime>
#include <random>

namespace tidnav::conform {
namespace {

std::string local_iso_time() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S%z", &tm);
  return buf;
}

std::string run_tag() {
  std::random_device rd;
  char buf[48];
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  std::snprintf(buf, sizeof buf, "tidnav conform %02d%02d%02d-%04x", tm.tm_hour, tm.tm_min, tm.tm_sec, rd() & 0xffff);
  return buf;
}

struct phase {
  const char* title;
  void (*run)(flow_context&);
  std::vector<std::string_view> checks;  // empty: always run
};

// Checks that need the kit's own booking (the write flow) to be judged fully.
const std::vector<std::string_view> write_dependent{
    "make", "update", "cancel", "errors.wrong-person", "errors.business-not-fault", "errors.result-codes",
    "flags", "schema", "format", "kit", "appointments", "invitations"};

}  // namespace

run_report run_conformance(const conform_options& options, soap_transport& transport, const progress_fn& on_progress) {
  const auto t0 = std::chrono::steady_clock::now();
  run_report report;
  report.tool_version = options.tool_version;
  report.url = options.url;
  report.logical_address = options.logical_address;
  report.family = std::string(family_label(options.family));
  report.person = options.person;
  report.started_at = local_iso_time();

  std::unique_ptr<contracts::schema_validator> validator;
  try {
    validator = std::make_unique<contracts::schema_validator>();
  } catch (const std::exception& e) {
    report.errors.push_back("cannot load the schemas: " + std::string(e.what()));
    return report;
  }
  contract_client client(transport, options.family, options.logical_address, options.person, *validator);
  auto driver = options.family == contract_family::sched2 ? make_sched2_driver(client, options)
                                                          : make_crm11_driver(client, options);
  check_board board(options.family, options.only);
  cleanup_list cleanup;  // after the driver: its undo actions call the driver
  search window;
  window.from = options.from.value_or(today_dt());
  window.to = add_days(window.from, std::max(options.days, 1) - 1);
  window.time_type = options.time_type;
  flow_context ctx{client, *driver, board, cleanup, options, window, {}, run_tag(), {}, {}, {}};
  report.notes.push_back("searched for free times " + window.from + ".." + window.to + "; reason texts marked \"" +
                         ctx.tag + "\"");

  const std::vector<phase> phases{
      {"pinging the producer", &ping_phase, {"ping"}},
      {"reading the unit's catalogue", &catalogue_phase, {}},
      {"reading the person's bookings", &person_list_phase, {}},
      {"reading free dates and times", &availability_phase, {}},
      {"booking, moving and cancelling a free time", &booking_phase, write_dependent},
      {"asking for unknown ids", &unknown_id_phase, {"errors", "schema", "format"}},
      {"sending malformed requests", &malformed_phase, {"errors.malformed"}},
      {"addressing the unit in another case", &address_case_phase, {"address.case-insensitive"}},
      {"sampling response times", &sla_phase, {"sla"}},
  };
  const std::size_t total = phases.size() + 2;  // + clean-up + wire checks
  progress p;
  p.phase_count = total;
  client.on_call = [&](std::string_view contract, std::string_view purpose) {
    p.calls = client.calls() + 1;
    p.call = std::string(contract) + ": " + std::string(purpose);
    if (on_progress) on_progress(p);
  };
  bool reachable = true;
  for (const auto& ph : phases) {
    ++p.phase_index;
    p.phase = ph.title;
    const bool wanted = ph.checks.empty() ||
                        std::any_of(ph.checks.begin(), ph.checks.end(), [&](std::string_view c) {
                          return options.only.empty() || std::any_of(options.only.begin(), options.only.end(),
                                                                      [&](const std::string& o) {
                                                                        return selected(o, {std::string(c)}) ||
                                                                               selected(c, {o});
                                                                      });
                        });
    if (!wanted || !reachable) continue;
    if (on_progress) on_progress(p);
    try {
      ph.run(ctx);
    } catch (const std::exception& e) {
      report.errors.push_back("kit error while " + std::string(ph.title) + ": " + e.what());
    }
    if (p.phase_index == 2) {
      const auto& h = client.history();
      reachable = std::any_of(h.begin(), h.end(), [](const answer& a) { return a.got_http(); });
      if (!reachable) {
        report.errors.push_back("no answer from " + options.url + ": " +
                               (h.empty() ? std::string("no call made") : h.back().ex().transport_error));
      }
    }
  }
  ++p.phase_index;
  p.phase = "cleaning up";
  if (on_progress) on_progress(p);
  try {
    if (reachable) cleanup_phase(ctx, report.notes);
  } catch (const std::exception& e) {
    report.errors.push_back("kit error while cleaning up: " + std::string(e.what()));
  }
  ++p.phase_index;
  p.phase = "judging every answer";
  if (on_progress) on_progress(p);
  wire_phase(ctx);

  report.checks = board.results();
  report.calls = client.calls();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return report;
}

}  // namespace tidnav::conform
