// SPDX-License-Identifier: GPL-2.0-or-later
#include "legacy_contract_cases.hpp"

#include <catch2/catch.hpp>

#include <memory>

namespace tidnav::adapters::bridge::test {
namespace {

using run_case = void (*)(bridge_world& w, const std::string& prefix);

template <void (*Suite)(bridge_world&)>
void without_prefix(bridge_world& w, const std::string&) {
  Suite(w);
}

struct legacy_case {
  std::string name;        // after "<system>: "
  std::string extra_tags;  // after "[<system>]"
  run_case run;
};

std::vector<legacy_case> cases(const legacy_system& s) {
  return {
      {"2.0 books, rebooks and cancels; another person cannot cancel", "", without_prefix<suite_books_rebooks_cancels>},
      {"a time the person already holds, booked again, is USER_IS_ALREADY_OCCUPIED", "",
       without_prefix<suite_own_time_booked_again>},
      {"ids survive a restart of the adapter", "", suite_ids_survive_restart},
      {"an unknown or expired timeslot id is no longer available", "", without_prefix<suite_expired_and_unknown_slots>},
      {"every 1.1 contract through the bridge to a " + s.producer_version + " producer", "", suite_every_crm11_contract},
      {"every 2.0 reading contract, and Confirm", "", suite_every_sched2_read},
      {"each defect switch is read leniently and counted", "[defects]", without_prefix<suite_defects>},
      {"producer faults and timeouts become the right 2.0 answer", "", suite_faults_and_timeouts},
      {"a MakeBooking whose answer was lost is found, not repeated", "", without_prefix<suite_lost_answer_is_reconciled>},
      {"repeated writes are answered, not redone", "", without_prefix<suite_idempotent_retries>},
      {"reindex lists the person's future bookings", "", suite_reindex},
  };
}

// One case for one system: a fresh world, then the suite's checks.
class case_invoker final : public Catch::ITestInvoker {
 public:
  case_invoker(std::shared_ptr<const legacy_system> system, run_case run) : system_(std::move(system)), run_(run) {}
  void invoke() const override {
    auto w = system_->world();
    run_(w, system_->prefix);
  }

 private:
  std::shared_ptr<const legacy_system> system_;
  run_case run_;
};

}  // namespace

bool register_legacy_cases(const legacy_system& system) {
  auto shared = std::make_shared<const legacy_system>(system);
  for (const auto& c : cases(system)) {
    const std::string name = system.name + ": " + c.name;
    const std::string tags = "[" + system.name + "]" + c.extra_tags;
    // Catch copies the name and tags; the invoker is Catch's to delete.
    Catch::AutoReg(new case_invoker(shared, c.run), CATCH_INTERNAL_LINEINFO, Catch::StringRef(),
                   Catch::NameAndTags{name, tags});
  }
  return true;
}

}  // namespace tidnav::adapters::bridge::test
