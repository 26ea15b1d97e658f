// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// The contracts the hub aggregates, and the few names each one needs: where the
// request keeps its unit and citizen, and which element of the response holds
// the items that are merged. One table, so the request and merge code never
// spell a namespace themselves.

#include <cstdint>
#include <optional>
#include <string_view>

namespace tidnav::core {

enum class aggregate_kind : std::uint8_t { schedule_11, appointments_20, timeslots_20, timeslots_11 };

std::string_view to_string(aggregate_kind k) noexcept;

/// Which kind a request is, from the Body's first child namespace + local name
/// (nullopt: not aggregatable). Both compare exactly: XML namespaces are case
/// sensitive, and an answer built in the canonical namespace would not match a
/// request spelled differently. crm 1.0 shares its namespaces with 1.1, so a
/// 1.0 GetSubjectOfCareSchedule also maps to schedule_11; retarget_request
/// refuses it (it has wsa:To, not LogicalAddress).
std::optional<aggregate_kind> aggregate_kind_of(std::string_view contract_ns, std::string_view operation) noexcept;

/// Names of one aggregatable contract as our schemas spell them.
struct aggregate_contract {
  std::string_view responder_ns;   ///< namespace of request, response and their children
  std::string_view operation;      ///< request element local name
  std::string_view response;       ///< response element local name
  std::string_view item;           ///< repeated response child that is merged
  std::string_view core_ns;        ///< namespace of the item's children
  std::string_view ext_ns;         ///< second core namespace used inside items ("" if none)
  std::string_view facility;       ///< request child carrying the unit HSA-id ("" if the contract has none)
  std::string_view response_prefix;  ///< prefix the merged answer uses for responder_ns
  bool has_result_code = false;    ///< response ends with resultCode (1..1), resultText (0..1)
};

const aggregate_contract& contract_of(aggregate_kind k) noexcept;

}  // namespace tidnav::core
