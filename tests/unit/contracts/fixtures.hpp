// SPDX-License-Identifier: GPL-2.0-or-later
// Access to tests/fixtures/<family>/<Contract>-request|response[-variant].xml.
#pragma once

#include "contracts/codec_types.hpp"
#include "contracts/operation_registry.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace tidnav::test {

struct fixture {
  std::filesystem::path path;
  contracts::family fam;
  std::string contract;
  contracts::message_kind kind;
};

std::filesystem::path fixture_root();
std::string read_file(const std::filesystem::path& p);
std::vector<fixture> all_fixtures();
std::string fixture_text(std::string_view folder, std::string_view file);

// Every leaf element of the SOAP Body as "{ns}name/{ns}name=text" lines, in
// document order: two messages carry the same data when these are equal.
std::vector<std::string> body_leaves(const std::string& envelope);

}  // namespace tidnav::test
