// SPDX-License-Identifier: GPL-2.0-or-later
// `tidnav adapter reindex --config adapter.yaml --person P`: rebuilds one
// person's engagement-index posts from the booking system itself (for the
// crm:scheduling bridges: the producer's GetSubjectOfCareSchedule), because
// legacy producers may never have posted them. The posts go into the
// adapter's durable EI outbox (state_dir/ei-outbox.db), which the running
// adapter delivers (or the next one to start).
#include "adapters/bridge/reindex.hpp"
#include "adapters/core/person_number.hpp"
#include "adapters/host/adapter_config.hpp"
#include "adapters/host/ei_outbox.hpp"
#include "adapters/host/ei_post.hpp"
#include "adapters/host/net/builtin_systems.hpp"
#include "hub/ei/timestamp.hpp"
#include "tools/tidnav/commands.hpp"

#include <filesystem>
#include <iostream>

namespace tidnav::cli {
namespace {

struct reindex_opts {
  std::string config;
  std::string person;
  bool dry_run = false;
};

int run_reindex(const reindex_opts& o) {
  using namespace adapters;
  const auto check = check_person_number(o.person);
  if (!check) {
    std::cerr << "tidnav adapter reindex: --person: " << to_string(check.problem) << "\n";
    return 2;
  }
  auto cfg = host::load_adapter_config(o.config, host::builtin_systems());
  if (!cfg) {
    std::cerr << o.config << ": " << cfg.error().size() << " error(s)\n";
    for (const auto& e : cfg.error()) std::cerr << "  " << e.to_string() << "\n";
    return 1;
  }
  const host::adapter_config& c = *cfg.value();
  if (!c.engagement_index && !o.dry_run) {
    std::cerr << "tidnav adapter reindex: " << o.config << " has no engagement_index to post to\n";
    return 1;
  }
  auto system = c.build_system();
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const person_id who{*check.kind, o.person};
  const auto report = bridge::bookings_to_index(*system, c.units, who, now,
                                                std::chrono::steady_clock::now() + c.backend_timeout * 4);
  for (const auto& f : report.failed_units) std::cerr << "  not read: " << f << "\n";
  std::cout << report.entries.size() << " booking(s) of " << o.person.substr(0, 8) << "-****\n";
  for (const auto& e : report.entries) {
    std::cout << "  " << e.unit_hsa_id << " " << e.native_id << " " << instant_to_ts(e.start) << "\n";
  }
  if (o.dry_run || report.entries.empty()) return report.failed_units.empty() ? 0 : 1;

  const auto& ei = *c.engagement_index;
  host::ei_post_settings settings{ei.source_system, ei.data_controller, ei.post_sched2, ei.post_crm11};
  host::ei_outbox outbox((c.state_dir / "ei-outbox.db").string());
  std::size_t posts = 0;
  for (const auto& e : report.entries) {
    const host::booking_key key{o.person, e.unit_hsa_id, e.native_unit, e.native_id};
    const auto transactions = host::upsert_posts(settings, key, e.start, now);
    if (transactions.empty()) continue;
    // The decorator's queue: one per person, so these arrive after earlier changes.
    outbox.append(o.person, ei.logical_address, ei.url, transactions,
                  ei::to_unix_ms(std::chrono::system_clock::now()));
    posts += transactions.size();
  }
  std::cout << posts << " EI transaction(s) queued in " << (c.state_dir / "ei-outbox.db").string() << "\n";
  return report.failed_units.empty() ? 0 : 1;
}

}  // namespace

void register_adapter_reindex(CLI::App& adapter, int& exit_code) {
  auto opt = std::make_shared<reindex_opts>();
  auto* cmd = adapter.add_subcommand("reindex", "Rebuild a person's engagement-index posts from the booking system "
                                                "(GetSubjectOfCareSchedule for the crm:scheduling bridges)");
  cmd->add_option("--config,-c", opt->config, "Adapter configuration (YAML)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--person,-p", opt->person, "Personnummer or samordningsnummer (12 digits)")->required();
  cmd->add_flag("--dry-run", opt->dry_run, "List the bookings found, post nothing");
  cmd->callback([opt, &exit_code] {
    try {
      exit_code = run_reindex(*opt);
    } catch (const std::exception& e) {
      std::cerr << "tidnav adapter reindex: " << e.what() << "\n";
      exit_code = 1;
    }
  });
}

}  // namespace tidnav::cli
