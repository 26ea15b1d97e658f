// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/core/id_directory.hpp"
#include "adapters/core/name_uuid.hpp"

#include <catch2/catch.hpp>

#include <cctype>

using namespace tidnav::adapters;

TEST_CASE("adapter-core: UUID v5 matches known vectors (Python uuid.uuid5)", "[adapters][uuid]") {
  const auto dns = *parse_uuid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
  const auto url = *parse_uuid("6ba7b811-9dad-11d1-80b4-00c04fd430c8");
  const auto oid = *parse_uuid("6ba7b812-9dad-11d1-80b4-00c04fd430c8");
  CHECK(format_uuid(uuid_v5(dns, "python.org")) == "886313e1-3b8a-5372-9b90-0c9aee199e5d");
  CHECK(format_uuid(uuid_v5(oid, "1.2.752.129.2.1.4.1")) == "5e0dac0c-dff6-5e3a-b0de-05a0e12a7b7a");
  // Our namespace is itself derived, so it can be re-derived by anyone.
  CHECK(format_uuid(uuid_v5(url, "urn:tidnav:adapters:native-id")) == tidnav_id_namespace);
}

TEST_CASE("adapter-core: native ids get stable contract ids, UUIDs stay themselves", "[adapters][uuid]") {
  // uuid5(tidnav namespace, "appointment\0VC-ASA\0BK-900"), computed with Python.
  CHECK(contract_id(native_id_kind::appointment, "VC-ASA", "BK-900") == "10891ee7-63b5-55b4-ae01-30a8c1db681a");
  CHECK(contract_id(native_id_kind::timeslot, "VC-ASA", "S-100") == "e2831c62-0915-523f-aacb-ed124a2a1e5f");
  CHECK(contract_id(native_id_kind::appointment, "VC-ASA", "BK-900") !=
        contract_id(native_id_kind::appointment, "VC-BERGA", "BK-900"));
  CHECK(contract_id(native_id_kind::appointment, "VC-ASA", "S-100") !=
        contract_id(native_id_kind::timeslot, "VC-ASA", "S-100"));
  CHECK(contract_id(native_id_kind::timeslot, "X", "5B6E26E4-6FE1-4F47-86A6-ACEC675EF419") ==
        "5b6e26e4-6fe1-4f47-86a6-acec675ef419");
}

TEST_CASE("adapter-core: UUID text is checked strictly", "[adapters][uuid]") {
  CHECK(is_uuid("5b6e26e4-6fe1-4f47-86a6-acec675ef419"));
  CHECK(is_uuid("5B6E26E4-6FE1-4F47-86A6-ACEC675EF419"));
  for (const char* bad : {"5b6e26e46fe14f4786a6acec675ef419", "5b6e26e4-6fe1-4f47-86a6-acec675ef41", "",
                          "5b6e26e4-6fe1-4f47-86a6-acec675ef41g", "{5b6e26e4-6fe1-4f47-86a6-acec675ef419}"}) {
    INFO(bad);
    CHECK_FALSE(is_uuid(bad));
  }
}

TEST_CASE("adapter-core: the id directory leads back from a contract id to the native id, and forgets the oldest", "[adapters][uuid]") {
  id_directory ids(2);
  const std::string a = ids.remember(native_id_kind::appointment, "VC-ASA", "BK-1");
  const std::string b = ids.remember(native_id_kind::timeslot, "VC-ASA", "S-1");
  REQUIRE(ids.find(native_id_kind::appointment, a));
  CHECK(ids.find(native_id_kind::appointment, a)->id == "BK-1");
  CHECK_FALSE(ids.find(native_id_kind::timeslot, a));  // kinds do not mix
  std::string upper = b;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  CHECK(ids.find(native_id_kind::timeslot, upper)->unit == "VC-ASA");
  ids.remember(native_id_kind::timeslot, "VC-ASA", "S-2");
  CHECK(ids.size() == 2);
  CHECK_FALSE(ids.find(native_id_kind::appointment, a));
}
