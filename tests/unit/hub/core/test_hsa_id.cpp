// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include <string>
#include <unordered_map>

#include "hub/core/default_routing.hpp"
#include "hub/core/hsa_id.hpp"

using namespace tidnav::core;

TEST_CASE("HSA-ids compare and hash without regard to ASCII case", "[unit][hsa_id]") {
  CHECK(iequals("SE2321000016-ABC1", "se2321000016-abc1"));
  CHECK_FALSE(iequals("SE2321000016-ABC1", "SE2321000016-ABC2"));
  CHECK_FALSE(iequals("SE2321000016-ABC1", "SE2321000016-ABC"));
  CHECK(ihash("SE2321000016-ABC1") == ihash("se2321000016-Abc1"));
  CHECK(ihash("SE2321000016-ABC1") != ihash("SE2321000016-ABC2"));
  // Only ASCII folds: "Å" and "å" differ.
  CHECK_FALSE(iequals("\xC3\x85", "\xC3\xA5"));
}

TEST_CASE("ci_hash/ci_equal give allocation-free heterogeneous lookup", "[unit][hsa_id]") {
  std::unordered_map<std::string, int, ci_hash, ci_equal> m;
  m.emplace("SE2321000016-ABC1", 1);
  const std::string_view probe = "se2321000016-abc1";
  const auto it = m.find(probe);  // string_view key: no std::string is built
  REQUIRE(it != m.end());
  CHECK(it->second == 1);
  CHECK(m.find(std::string_view("SE2321000016-ABC")) == m.end());
}

TEST_CASE("normalize_hsa_id trims and upper-cases for map keys", "[unit][hsa_id]") {
  CHECK(normalize_hsa_id("  se2321000016-abc1\t") == "SE2321000016-ABC1");
  CHECK(normalize_hsa_id("") == "");
  CHECK(trim_ascii(" \r\n x y \n") == "x y");
}

TEST_CASE("VG#VE parts come out as the platform's StringTokenizer order", "[unit][hsa_id]") {
  auto parts = [](std::string_view addr, std::string_view delim) {
    std::string out;
    for_each_default_routing_part(addr, delim, [&](std::string_view p) {
      out += std::string(p) + "|";
      return false;
    });
    return out;
  };
  CHECK(parts("VG#VE", "#") == "VE|VG|");
  CHECK(parts("A#B#A", "#") == "B|A|");
  CHECK(parts("A#B#C#B", "#") == "C|B|A|");
  CHECK(parts("##A###", "#") == "A|");
  CHECK(parts("A;B#C", ";#") == "C|B|A|");  // every delimiter character splits
  CHECK(parts("", "#") == "");
  CHECK(count_default_routing_parts("A#B#A", "#") == 2);
  CHECK(uses_default_routing("A#B", "#"));
  CHECK_FALSE(uses_default_routing("AB", "#"));
  CHECK_FALSE(uses_default_routing("A#B", ""));
  bool stopped_early = for_each_default_routing_part("X#Y#Z", "#", [](std::string_view p) { return p == "Y"; });
  CHECK(stopped_early);
}
