// SPDX-License-Identifier: GPL-2.0-or-later
// Every check the kit makes, with the rule it checks in each contract family.
// `tidnav conform --list` prints this table; docs/conformance.md explains it.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tidnav::conform {

enum class contract_family { sched2, crm11 };  // "2.0", "1.1"
std::string_view family_label(contract_family f);

struct check_info {
  std::string id;
  std::string title;
  std::string rule;  // contract and TKB rule or field rule, for this family
};

// In report order. Per-contract schema checks ("schema.<Contract>") are included.
std::vector<check_info> catalogue(contract_family f);

// The contracts of a family in the order the kit calls them.
std::span<const std::string_view> contracts_of(contract_family f);
bool is_reading_contract(contract_family f, std::string_view contract);

// --only: an exact id, or a group ("make" selects make.*). Empty: everything.
bool selected(std::string_view id, const std::vector<std::string>& only);
// Ids in `only` that match no check of the family (a typo should not pass silently).
std::vector<std::string> unknown_selections(contract_family f, const std::vector<std::string>& only);

}  // namespace tidnav::conform
