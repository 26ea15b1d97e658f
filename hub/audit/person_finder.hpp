// SPDX-License-Identifier: GPL-2.0-or-later
// Who a request is about. Every person-data contract names the person in one
// of three elements, whatever its namespace prefix:
//   crm:scheduling 1.0/1.1     subject_of_care               (text)
//   scheduling 2.0             personId/extension            (root says which kind of id)
//   engagement index 1.0       registeredResidentIdentification (text; Update may carry many)
// A lexical scan over the tags (comments, CDATA and PIs skipped) finds the
// start tag; pugixml then reads just that element (entities, CDATA, nested
// children). The payload is never parsed as a whole or copied, so the cost is
// one pass over the bytes (docs/performance.md has the figure).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tidnav::audit {

/// Distinct person ids in document order, normalised (normalize_person), at
/// most `max`. Empty when the request names no one or is not XML we can read:
/// the call is then audited with an empty person if its contract is one of
/// the person-data contracts (see is_person_operation).
std::vector<std::string> find_persons(std::string_view xml, std::size_t max = 64);

/// Operations that read or change one person's bookings although their request
/// may not name the person (e.g. 1.x CancelBooking and GetBookingDetails, which
/// carry only a booking id): audited even without a person.
bool is_person_operation(std::string_view operation) noexcept;

}  // namespace tidnav::audit
