// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// TAK data into routes and permissions. Two documents carry it:
//  - a SokVagvalsInfo v2 SOAP response (hamtaAllaVirtualiseringarResponse
//    and/or hamtaAllaAnropsBehorigheterResponse), as fetched from TAK;
//  - the platform's local TAK cache file (<persistentCache>).
// Both hold virtualiseringsInfo and anropsBehorighetsInfo elements with the
// same children, so one reader serves both: it collects those elements
// wherever they are, matching local names (the children are in
// urn:skl:tp:vagvalsinfo:v2, the cache's root and list elements in none).

#include <string>
#include <string_view>
#include <vector>

#include "hub/core/result.hpp"
#include "hub/core/routing_table.hpp"

namespace tidnav::core {

struct tak_data {
  std::vector<route> routes;             ///< source = "tak:<virtualiseringsInfoId>"
  std::vector<permission> permissions;   ///< source = "tak:<anropsBehorighetsInfoId>"
};

/// Parses one document. Every problem is reported (with line numbers) and any
/// problem fails the whole document, so a broken export never half-replaces a
/// working table. Key fields and the URL are trimmed of surrounding
/// whitespace. DOCTYPEs are rejected.
result<tak_data, std::vector<std::string>> parse_tak_xml(std::string_view xml, std::string_view source_name = "tak");

/// read_text_file + parse_tak_xml.
result<tak_data, std::vector<std::string>> load_tak_file(const std::string& path);

/// Appends `more` to `into` (e.g. the two SokVagvalsInfo responses).
void merge_tak_data(tak_data& into, tak_data&& more);

}  // namespace tidnav::core
