// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// HSA unit files (FileGetHsaUnitsResponse, urn:riv:hsa:HsaWsResponder:3) into
// the HSA tree. Like the platform: local names only; a unit needs a non-blank
// hsaIdentity, a DN and a name, otherwise it is skipped with a warning; the
// same DN twice in one file fails the whole file; several files are merged in
// order, later files replacing earlier units with the same DN.

#include <string>
#include <string_view>
#include <vector>

#include "hub/core/hsa_tree.hpp"
#include "hub/core/result.hpp"

namespace tidnav::core {

struct hsa_file {
  std::string created;                ///< the file's own endDate, its creation time
  std::vector<hsa_unit> units;        ///< valid units in file order
  std::vector<std::string> warnings;  ///< skipped units
};

/// Parses one file's text. Errors carry "<source>:<line>: ".
result<hsa_file, std::string> parse_hsa_xml(std::string_view xml, std::string_view source_name = "hsa");

/// Loads and merges `paths` in order and builds the tree. Any unreadable or
/// invalid file fails the load, so the caller keeps its previous tree.
result<hsa_tree_build, std::vector<std::string>> load_hsa_files(const std::vector<std::string>& paths);

}  // namespace tidnav::core
