// SPDX-License-Identifier: GPL-2.0-or-later
// The identity of a post: SHA-256 over the nine key fields (every field except
// mostRecentContent, creationTime and updateTime).
//
// Encoding: each field as "<byte length>:<bytes>;" in the order
// registeredResidentIdentification, serviceDomain, categorization,
// logicalAddress, businessObjectInstanceIdentifier, sourceSystem,
// dataController, owner, clinicalProcessInterestId. The length prefix makes
// the encoding injective ("ab"+"c" and "a"+"bc" differ), which a plain
// concatenation is not.
//
// Case: HSA-ids are case-insensitive by rule, so logicalAddress, sourceSystem
// and owner (all HSA-ids) are ASCII upper-cased before hashing. Every other
// field is hashed as sent: personnummer letters, service domains,
// categorizations and business ids carry no such rule. dataController may be
// an organisation number or a source-internal id, so it is not folded either.
// An absent owner hashes as "", and an empty categorization,
// businessObjectInstanceIdentifier or clinicalProcessInterestId as "NA",
// the value stored for them.
#pragma once

#include "hub/ei/engagement.hpp"

#include <string>

namespace tidnav::ei {

// 64 lower-case hex digits.
std::string engagement_id(const engagement& e);

// The same post under another owner (the owner-change rule of ProcessNotification).
std::string engagement_id_with_owner(const engagement& e, std::string_view owner);

// The exact bytes that are hashed; exposed for tests.
std::string identity_encoding(const engagement& e);

// "NA" for the three key fields the contract lets domains leave unused.
std::string_view na_if_empty(std::string_view v) noexcept;

}  // namespace tidnav::ei
