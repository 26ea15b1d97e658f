// SPDX-License-Identifier: GPL-2.0-or-later
// Scheduling 2.0 wants UUIDs for appointment and timeslot ids; most booking
// systems have other ids. A name-based UUID (RFC 4122 version 5, SHA-1) gives
// every native id the same UUID on every call and after every restart, with no
// table to keep in step. It cannot be reversed: see id_directory.hpp.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tidnav::adapters {

using uuid_bytes = std::array<std::uint8_t, 16>;

// uuid5(NAMESPACE_URL, "urn:tidnav:adapters:native-id"). Fixed forever: changing
// it changes every id a consumer has seen.
inline constexpr std::string_view tidnav_id_namespace = "2a9d1eb1-85bc-5f4a-9662-4dfeda10dd6f";

// Canonical 8-4-4-4-12 hex, either case.
bool is_uuid(std::string_view text);
std::optional<uuid_bytes> parse_uuid(std::string_view text);
std::string format_uuid(const uuid_bytes& id);  // lower case, as we emit

uuid_bytes uuid_v5(const uuid_bytes& name_space, std::string_view name);

enum class native_id_kind { appointment, timeslot };

// The contract id of a native id: the native id itself (lower-cased) when it
// already is a UUID, else uuid5(tidnav_id_namespace, "<kind>\0<unit>\0<id>").
// The unit is part of the name because native ids are often only unique per unit.
std::string contract_id(native_id_kind kind, std::string_view native_unit, std::string_view native_id);

}  // namespace tidnav::adapters
