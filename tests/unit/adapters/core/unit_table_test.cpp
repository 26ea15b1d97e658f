// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/core/unit_table.hpp"

#include <catch2/catch.hpp>

using namespace tidnav::adapters;

TEST_CASE("adapter-core: units are found by HSA-id in any case, and by native id", "[adapters][units]") {
  std::vector<std::string> errors;
  const auto table = unit_table::build({{" SE2321000016-ABC1 ", "VC-ASA", "Åsa"}, {"SE2321000016-brg2", "VC-BERGA", ""}},
                                       errors);
  REQUIRE(errors.empty());
  for (const char* id : {"SE2321000016-ABC1", "se2321000016-abc1", "Se2321000016-AbC1", "  SE2321000016-ABC1\t"}) {
    INFO(id);
    REQUIRE(table.by_hsa_id(id));
    CHECK(table.by_hsa_id(id)->native_id == "VC-ASA");
  }
  CHECK(table.by_hsa_id("SE2321000016-BRG2")->hsa_id == "SE2321000016-brg2");  // written back as configured
  CHECK_FALSE(table.by_hsa_id("SE2321000016-ABC"));
  CHECK_FALSE(table.by_hsa_id("SE2321000016-ABC12"));
  CHECK(table.by_native_id("VC-BERGA")->hsa_id == "SE2321000016-brg2");
  CHECK_FALSE(table.by_native_id("vc-berga"));  // native ids are the booking system's, compared exactly
}

TEST_CASE("adapter-core: a unit table with duplicates or holes reports every problem", "[adapters][units]") {
  std::vector<std::string> errors;
  const auto table = unit_table::build({{"SE2321000016-ABC1", "A", ""},
                                        {"se2321000016-abc1", "B", ""},
                                        {"SE2321000016-XYZ9", "A", ""},
                                        {"", "C", ""}},
                                       errors);
  CHECK(errors.size() == 3);
  CHECK(table.entries().size() == 1);
}

TEST_CASE("adapter-core: HSA-ids are the same unit regardless of case and surrounding blanks", "[adapters][units]") {
  CHECK(same_hsa_id("SE2321000016-1hz5", "SE2321000016-1HZ5"));
  CHECK(same_hsa_id(" SE2321000016-1HZ5", "SE2321000016-1HZ5 "));
  CHECK_FALSE(same_hsa_id("SE2321000016-1HZ5", "SE2321000016-1HZ6"));
}
