// SPDX-License-Identifier: GPL-2.0-or-later
// A small world for the adapter-core tests: the memory booking system seeded
// from tests/fixtures/adapters, its unit table, and requests built the way
// `tidnav call --field` builds them (loose fields, then the generated writer).
#pragma once

#include "adapters/core/id_directory.hpp"
#include "adapters/core/idempotency_store.hpp"
#include "adapters/core/memory_booking_system.hpp"
#include "adapters/core/producer_reply.hpp"
#include "adapters/core/unit_table.hpp"
#include "contracts/codec_types.hpp"
#include "contracts/loose_builder.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tidnav::adapters::test {

inline const std::string asa = "SE2321000016-ABC1";    // VC-ASA
inline const std::string berga = "SE2321000016-BRG2";  // VC-BERGA
inline const std::string tolvan = "191212121212";      // Skatteverket's test person
inline const std::string consumer_1177 = "SE165565594230-1000";
inline constexpr std::string_view fixture_now = "20310301120000";

using fields = std::vector<contracts::field>;

std::string source_path(const std::string& relative);
memory_seed fixture_seed();
unit_table fixture_units();

struct world {
  world();
  memory_booking_system system;
  unit_table units;
  id_directory ids;
  idempotency_store* store = nullptr;

  call_info call(const std::string& consumer = consumer_1177) const;
  producer_reply sched2(const std::string& envelope, const std::string& consumer = consumer_1177);
  producer_reply crm11(const std::string& envelope, const std::string& consumer = consumer_1177);
};

// 2.0: the actor and personId elements of a citizen acting for themself.
fields actor(const std::string& pnr = tolvan);
fields person(const std::string& pnr = tolvan);
fields concat(std::initializer_list<fields> parts);

std::string sched2_request(const std::string& operation, const fields& body, const std::string& address = asa);
std::string crm11_request(const std::string& operation, const fields& body, const std::string& address = asa,
                          const std::string& actor_id = tolvan, const std::string& actor_type = "subject_of_care");

std::string first_text(const std::string& xml, std::string_view local_name);
std::vector<std::string> all_texts(const std::string& xml, std::string_view local_name);
// Schema issues of an answer, as one printable string ("" when valid).
std::string schema_issues(const std::string& xml, contracts::family fam);
// A fresh path in the build tree for an SQLite file.
std::string scratch_file(const std::string& name);

}  // namespace tidnav::adapters::test
