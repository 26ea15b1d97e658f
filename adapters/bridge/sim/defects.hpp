// SPDX-License-Identifier: GPL-2.0-or-later
// The known defects of real crm:scheduling producers, reproducible on demand
// so that the bridge's leniency is tested against them. Applied to the
// simulator's correct answer, on the XML, after it was written.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace tidnav::adapters::bridge::sim {

enum class defect {
  timestamps_12_digits,   // "12-digit-timestamps": TS without seconds (YYYYMMDDhhmm)
  empty_elements,         // "empty-elements": optional texts and flags sent as <x/>
  non_hsa_performer,      // "non-hsa-performer": performer is a local staff id (LAK-<HSA-id>)
  broken_personnummer,    // "broken-personnummer": subject_of_care as the published pattern reads, ^...$
  personnummer_hyphen,    // "personnummer-hyphen": subject_of_care as YYYYMMDD-NNNN
};

using defect_set = std::set<defect>;

std::string_view name_of(defect d);
std::optional<defect> defect_from_name(std::string_view name);
std::vector<std::string> defect_names();

// Rewrites a response envelope; returns it unchanged when it is not XML.
std::string apply_defects(const std::string& envelope, const defect_set& defects);
// A real producer understands its own local ids when they come back in a
// request: maps the simulator's local performer ids back to HSA-ids.
std::string restore_request(const std::string& envelope, const defect_set& defects);

}  // namespace tidnav::adapters::bridge::sim
