// SPDX-License-Identifier: GPL-2.0-or-later
// When the public reference schemas are beside the checkout
// (../shared/reference/xsd), our fixtures and what gSOAP writes from them must
// validate there too: the reference is the oracle that our own schemas say the
// same thing. Its personnummer pattern is wrapped in ^...$, which XSD takes
// literally, so a temporary copy with the anchors removed is used. Without the
// folder the test says so and passes (there is nothing to compare with).
#include "contracts/operation_registry.hpp"
#include "contracts/schema_validator.hpp"
#include "tests/unit/contracts/fixtures.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <regex>

namespace fs = std::filesystem;
using namespace tidnav;

namespace {

fs::path reference_xsd() { return fs::path(TIDNAV_SOURCE_DIR) / ".." / "shared" / "reference" / "xsd"; }

// Copies the reference tree to a temporary folder with the pnr anchors removed.
fs::path patched_copy() {
  const fs::path dest = fs::temp_directory_path() / ("tidnav-oracle-" + std::to_string(::getpid()));
  fs::remove_all(dest);
  fs::copy(reference_xsd(), dest, fs::copy_options::recursive);
  const std::regex anchored(R"re(value="\^(\[0-9\][^"]*)\$")re");
  for (const auto& e : fs::recursive_directory_iterator(dest)) {
    if (e.path().extension() != ".xsd") continue;
    std::string text = test::read_file(e.path());
    const std::string patched = std::regex_replace(text, anchored, R"(value="$1")");
    if (patched != text) std::ofstream(e.path(), std::ios::binary | std::ios::trunc) << patched;
  }
  return dest;
}

}  // namespace

TEST_CASE("crm 1.1, crm 1.0 and EI messages validate against the reference schemas", "[contracts][oracle]") {
  if (!fs::exists(reference_xsd())) {
    WARN("skipped: " << reference_xsd().string() << " is not present");
    return;
  }
  const fs::path root = patched_copy();
  contracts::schema_validator oracle(root.string());
  int checked = 0;
  for (const auto& f : test::all_fixtures()) {
    if (f.fam != contracts::family::crm11 && f.fam != contracts::family::crm10 &&
        f.fam != contracts::family::ei1) {
      continue;  // no public reference for 2.0 and monitoring
    }
    INFO(f.path.string());
    const std::string original = test::read_file(f.path);
    const auto* op = contracts::find_operation(f.fam, f.contract);
    REQUIRE(op);
    contracts::codec_error err;
    const std::string written =
        op->canonicalize(f.kind, original, contracts::input_form::envelope, nullptr, err);
    REQUIRE_FALSE(err);
    for (const std::string* msg : {&original, &written}) {
      for (const auto& issue : oracle.validate_envelope(*msg, f.fam)) {
        FAIL_CHECK("line " << issue.line << ": " << issue.message);
      }
      ++checked;
    }
  }
  CHECK(checked >= 2 * (23 + 18 + 6));
  fs::remove_all(root);
}
