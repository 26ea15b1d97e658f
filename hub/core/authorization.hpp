// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Authorisation (anropsbehörighet) exactly in the platform's order:
//   "VG#VE" address: at most two distinct parts, contract and sender on the
//   default-routing allow-lists (empty list = all), then any part granted;
//   otherwise: the address itself -> "*" -> HSA parents up to and including
//   "SE" (when enabled for the contract).
// Note the order differs from routing, where "*" comes last.

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "hub/core/result.hpp"
#include "hub/core/routing_table.hpp"
#include "hub/core/vp_error.hpp"

namespace tidnav::core {

/// Whether `consumer` may call `address` through `contract` at `now`.
/// `trace` receives the platform's trace string when given.
bool is_authorized(const routing_snapshot& snap, std::string_view consumer, std::string_view contract,
                   std::string_view address, instant now, std::string* trace = nullptr);

/// "serviceNamespace: <ns>, receiverId: <address>, senderId: <consumer>", with
/// "null" for missing values, as in the platform's VP002/VP003/VP007 details.
std::string authorization_summary(std::optional<std::string_view> contract,
                                  std::optional<std::string_view> address,
                                  std::optional<std::string_view> consumer);

/// The platform's BehorighetProcessor: VP002 without a sender id, VP003 without
/// a logical address, VP007 when not authorised.
result<std::monostate, vp_fault> authorize(const routing_snapshot& snap, std::optional<std::string_view> consumer,
                                           std::optional<std::string_view> contract,
                                           std::optional<std::string_view> address, instant now,
                                           std::string* trace = nullptr);

}  // namespace tidnav::core
