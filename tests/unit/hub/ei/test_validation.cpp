// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/ei/validation.hpp"
#include "tests/unit/hub/ei/ei_test_support.hpp"

#include <catch2/catch.hpp>

#include <functional>

using namespace tidnav::ei;
using tidnav::ei::test::sample;
using tidnav::ei::test::upsert;

namespace {

validation_policy policy() {
  validation_policy p;
  p.own_hsa_id = "5565594230";
  p.alternative_hsa_ids = {"SE5565594230-ALT"};
  p.reserved_hsa_ids = {"5565594230", "SE2321000016-VP01"};
  return p;
}

bool has(const std::vector<problem>& ps, ei_error code, const std::string& text_part = "") {
  for (const auto& p : ps) {
    if (p.code == code && p.text.find(text_part) != std::string::npos) return true;
  }
  return false;
}

std::string dump(const std::vector<problem>& ps) {
  std::string s;
  for (const auto& p : ps) s += p.describe() + "\n";
  return s;
}

struct transaction_case {
  const char* name;
  std::function<void(engagement&)> mutate;
  ei_error code;
  const char* text_part;
};

// One row per way a single post can be refused.
const std::vector<transaction_case>& transaction_cases() {
  static const std::vector<transaction_case> cases = {
      {"empty registeredResidentIdentification", [](engagement& e) { e.registered_resident_identification.clear(); },
       ei_error::ei004, "\"registeredResidentIdentification\" is missing"},
      {"empty serviceDomain", [](engagement& e) { e.service_domain.clear(); }, ei_error::ei004,
       "\"serviceDomain\" is missing"},
      {"empty categorization", [](engagement& e) { e.categorization.clear(); }, ei_error::ei004,
       "\"categorization\" is missing"},
      {"empty logicalAddress", [](engagement& e) { e.logical_address.clear(); }, ei_error::ei004,
       "\"logicalAddress\" is missing"},
      {"empty businessObjectInstanceIdentifier",
       [](engagement& e) { e.business_object_instance_identifier.clear(); }, ei_error::ei004,
       "\"businessObjectInstanceIdentifier\" is missing"},
      {"empty clinicalProcessInterestId", [](engagement& e) { e.clinical_process_interest_id.clear(); },
       ei_error::ei004, "\"clinicalProcessInterestId\" is missing"},
      {"empty sourceSystem", [](engagement& e) { e.source_system.clear(); }, ei_error::ei004,
       "\"sourceSystem\" is missing"},
      {"empty dataController", [](engagement& e) { e.data_controller.clear(); }, ei_error::ei004,
       "\"dataController\" is missing"},
      {"leading space", [](engagement& e) { e.logical_address = " SE2321000016-ABC1"; }, ei_error::ei004,
       "\"logicalAddress\" begins or ends with whitespace"},
      {"trailing tab", [](engagement& e) { e.service_domain += "\t"; }, ei_error::ei004,
       "\"serviceDomain\" begins or ends with whitespace"},
      {"trailing newline", [](engagement& e) { e.business_object_instance_identifier += "\n"; }, ei_error::ei004,
       "\"businessObjectInstanceIdentifier\" begins or ends with whitespace"},
      {"leading no-break space", [](engagement& e) { e.data_controller = "\xC2\xA0" "SE2321000016-VG01"; },
       ei_error::ei004, "\"dataController\" begins or ends with whitespace"},
      {"registeredResidentIdentification 33 long",
       [](engagement& e) { e.registered_resident_identification = std::string(33, '1'); }, ei_error::ei004,
       "\"registeredResidentIdentification\" is longer than 32"},
      {"serviceDomain 256 long", [](engagement& e) { e.service_domain = std::string(256, 'd'); }, ei_error::ei004,
       "\"serviceDomain\" is longer than 255"},
      {"categorization 256 long", [](engagement& e) { e.categorization = std::string(256, 'c'); }, ei_error::ei004,
       "\"categorization\" is longer than 255"},
      {"logicalAddress 65 long", [](engagement& e) { e.logical_address = std::string(65, 'L'); }, ei_error::ei004,
       "\"logicalAddress\" is longer than 64"},
      {"businessObjectInstanceIdentifier 129 long",
       [](engagement& e) { e.business_object_instance_identifier = std::string(129, 'b'); }, ei_error::ei004,
       "\"businessObjectInstanceIdentifier\" is longer than 128"},
      {"clinicalProcessInterestId 129 long",
       [](engagement& e) { e.clinical_process_interest_id = std::string(129, 'p'); }, ei_error::ei004,
       "\"clinicalProcessInterestId\" is longer than 128"},
      {"sourceSystem 65 long", [](engagement& e) { e.source_system = std::string(65, 'S'); }, ei_error::ei004,
       "\"sourceSystem\" is longer than 64"},
      {"dataController 65 long", [](engagement& e) { e.data_controller = std::string(65, 'D'); }, ei_error::ei004,
       "\"dataController\" is longer than 64"},
      {"mostRecentContent 13 digits", [](engagement& e) { e.most_recent_content = "2027011509300"; },
       ei_error::ei004, "\"mostRecentContent\" is not a real date"},
      {"mostRecentContent 30 February", [](engagement& e) { e.most_recent_content = "20270230093000"; },
       ei_error::ei004, "\"mostRecentContent\" is not a real date"},
      {"mostRecentContent 29 February in a common year", [](engagement& e) { e.most_recent_content = "20230229120000"; },
       ei_error::ei004, "\"mostRecentContent\" is not a real date"},
      {"mostRecentContent month 13", [](engagement& e) { e.most_recent_content = "20271301093000"; },
       ei_error::ei004, "\"mostRecentContent\" is not a real date"},
      {"mostRecentContent hour 24", [](engagement& e) { e.most_recent_content = "20270115240000"; },
       ei_error::ei004, "\"mostRecentContent\" is not a real date"},
      {"mostRecentContent with separators", [](engagement& e) { e.most_recent_content = "2027-01-15T09:30"; },
       ei_error::ei004, "\"mostRecentContent\" is not a real date"},
      {"creationTime with a zone", [](engagement& e) { e.creation_time = "20270115093000Z"; }, ei_error::ei004,
       "\"creationTime\" is not a real date"},
      {"updateTime second 60", [](engagement& e) { e.update_time = "20270115093060"; }, ei_error::ei004,
       "\"updateTime\" is not a real date"},
      {"reserved logicalAddress", [](engagement& e) { e.logical_address = "5565594230"; }, ei_error::ei005,
       "logicalAddress 5565594230 is reserved"},
      {"reserved logicalAddress in other case", [](engagement& e) { e.logical_address = "se2321000016-vp01"; },
       ei_error::ei005, "is reserved"},
      {"reserved sourceSystem", [](engagement& e) { e.source_system = "SE2321000016-VP01"; }, ei_error::ei006,
       "sourceSystem SE2321000016-VP01 is reserved"},
  };
  return cases;
}

}  // namespace

TEST_CASE("a valid Update batch has no problems", "[ei][validation]") {
  std::vector<engagement_transaction> batch = {upsert(sample(1)), upsert(sample(2)), test::remove(sample(3))};
  auto leap = sample(4);
  leap.most_recent_content = "20240229235959";
  batch.push_back(upsert(leap));
  CHECK(validate_update("5565594230", batch, policy()).empty());
  CHECK(validate_update("SE5565594230-ALT", batch, policy()).empty());
  CHECK(validate_update("se5565594230-alt", batch, policy()).empty());  // HSA-ids ignore case
}

TEST_CASE("every post-level rule of Update is enforced with its code", "[ei][validation]") {
  for (const auto& c : transaction_cases()) {
    DYNAMIC_SECTION(c.name) {
      engagement bad = sample(2);
      c.mutate(bad);
      const std::vector<engagement_transaction> batch = {upsert(sample(1)), upsert(bad)};
      const auto problems = validate_update("5565594230", batch, policy());
      INFO(dump(problems));
      REQUIRE(problems.size() == 1);
      CHECK(problems[0].code == c.code);
      CHECK(problems[0].text.find(c.text_part) != std::string::npos);
      CHECK(problems[0].text.find("engagementTransaction #2") != std::string::npos);  // 1-based
      CHECK(problems[0].describe().rfind(std::string(code_of(c.code)) + ": ", 0) == 0);
    }
  }
}

TEST_CASE("ProcessNotification applies the same post rules", "[ei][validation]") {
  for (const auto& c : transaction_cases()) {
    DYNAMIC_SECTION(c.name) {
      engagement bad = sample(2);
      bad.owner = "SE2321000016-NAT1";
      c.mutate(bad);
      engagement good = sample(1);
      good.owner = "SE2321000016-NAT1";
      const auto problems = validate_notification(std::vector{upsert(good), upsert(bad)}, policy());
      INFO(dump(problems));
      REQUIRE(problems.size() == 1);
      CHECK(problems[0].code == c.code);
    }
  }
}

TEST_CASE("EI000: an Update needs 1 to 1000 transactions", "[ei][validation]") {
  struct row {
    std::size_t count;
    bool refused;
  };
  for (const row r : {row{0, true}, row{1, false}, row{1000, false}, row{1001, true}}) {
    DYNAMIC_SECTION(r.count << " transactions") {
      std::vector<engagement_transaction> batch;
      for (std::size_t i = 0; i < r.count; ++i) batch.push_back(upsert(sample(static_cast<int>(i))));
      const auto problems = validate_update("5565594230", batch, policy());
      CHECK(has(problems, ei_error::ei000, "from 1 to 1000") == r.refused);
      CHECK(problems.empty() == !r.refused);
    }
  }
}

TEST_CASE("EI000: the limit is configurable", "[ei][validation]") {
  auto p = policy();
  p.max_transactions = 2;
  const std::vector<engagement_transaction> batch = {upsert(sample(1)), upsert(sample(2)), upsert(sample(3))};
  CHECK(has(validate_update("5565594230", batch, p), ei_error::ei000, "from 1 to 2"));
}

TEST_CASE("EI002: two transactions with one key are refused, with both positions", "[ei][validation]") {
  auto again = sample(1);
  again.most_recent_content = "20280101000000";  // not part of the key
  const std::vector<engagement_transaction> batch = {upsert(sample(1)), upsert(sample(2)), test::remove(again)};
  const auto problems = validate_update("5565594230", batch, policy());
  INFO(dump(problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].code == ei_error::ei002);
  CHECK(problems[0].text.find("#1 and #3") != std::string::npos);
}

TEST_CASE("EI002: HSA-id case does not make a different key, other fields' case does", "[ei][validation]") {
  auto upper = sample(1);
  upper.logical_address = "se2321000016-abc1";
  upper.source_system = "se2321000016-sys1";
  CHECK(has(validate_update("5565594230", std::vector{upsert(sample(1)), upsert(upper)}, policy()), ei_error::ei002));

  auto other_case = sample(1);
  other_case.categorization = "na";
  CHECK(validate_update("5565594230", std::vector{upsert(sample(1)), upsert(other_case)}, policy()).empty());
}

TEST_CASE("EI002: an Update's owner field does not split keys, a notification's does", "[ei][validation]") {
  auto a = sample(1);
  a.owner = "SE2321000016-X";
  auto b = sample(1);
  b.owner = "SE2321000016-Y";
  // Update: both will be stored with the index's own owner, so they collide.
  CHECK(has(validate_update("5565594230", std::vector{upsert(a), upsert(b)}, policy()), ei_error::ei002));
  // Notification: owners are kept, so these are two posts.
  CHECK(validate_notification(std::vector{upsert(a), upsert(b)}, policy()).empty());
}

TEST_CASE("EI003: Update must be addressed to this index", "[ei][validation]") {
  struct row {
    const char* name;
    std::optional<std::string> address;
    const char* text_part;
  };
  const std::vector<row> rows = {
      {"no header", std::nullopt, "has no LogicalAddress"},
      {"empty header", std::string(""), "has no LogicalAddress"},
      {"blank header", std::string("  "), "has no LogicalAddress"},
      {"another address", std::string("SE2321000016-ABC1"), "sent to logical address SE2321000016-ABC1"},
  };
  for (const auto& r : rows) {
    DYNAMIC_SECTION(r.name) {
      std::optional<std::string_view> address;
      if (r.address) address = *r.address;
      const auto problems = validate_update(address, std::vector{upsert(sample(1))}, policy());
      INFO(dump(problems));
      REQUIRE(problems.size() == 1);
      CHECK(problems[0].code == ei_error::ei003);
      CHECK(problems[0].text.find(r.text_part) != std::string::npos);
      CHECK(problems[0].text.find("5565594230") != std::string::npos);
    }
  }
}

TEST_CASE("ProcessNotification requires an owner (EI004)", "[ei][validation]") {
  const auto problems = validate_notification(std::vector{upsert(sample(1))}, policy());
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].code == ei_error::ei004);
  CHECK(problems[0].text.find("\"owner\" is missing") != std::string::npos);

  auto padded = sample(1);
  padded.owner = "SE2321000016-NAT1 ";
  CHECK(has(validate_notification(std::vector{upsert(padded)}, policy()), ei_error::ei004, "\"owner\" begins"));
}

TEST_CASE("every problem of a batch is reported at once", "[ei][validation]") {
  auto a = sample(1);
  a.service_domain.clear();
  a.most_recent_content = "20271332000000";
  auto b = sample(2);
  b.source_system = "5565594230";
  const auto problems = validate_update("SE2321000016-ELSE", std::vector{upsert(a), upsert(b), upsert(b)},
                                        policy());
  INFO(dump(problems));
  CHECK(has(problems, ei_error::ei003));
  CHECK(has(problems, ei_error::ei004, "#1: mandatory field \"serviceDomain\""));
  CHECK(has(problems, ei_error::ei004, "#1: field \"mostRecentContent\""));
  CHECK(has(problems, ei_error::ei006, "#2"));
  CHECK(has(problems, ei_error::ei006, "#3"));
  CHECK(has(problems, ei_error::ei002, "#2 and #3"));
  CHECK(problems.size() == 6);
}

TEST_CASE("lengths count characters, not bytes", "[ei][validation]") {
  auto e = sample(1);
  e.categorization = std::string(255 / 2, 'a');
  for (int i = 0; i < 128; ++i) e.categorization += "\xC3\xA5";  // 'å': 2 bytes, 1 character
  REQUIRE(e.categorization.size() > 255);
  CHECK(validate_update("5565594230", std::vector{upsert(e)}, policy()).size() == 0);
}

TEST_CASE("EI000: FindContent needs a resident and a service domain", "[ei][validation]") {
  find_query q;
  q.registered_resident_identification = "191212121212";
  q.service_domain = "riv:crm:scheduling";
  CHECK(validate_find(q).empty());

  auto no_person = q;
  no_person.registered_resident_identification.clear();
  auto p1 = validate_find(no_person);
  REQUIRE(p1.size() == 1);
  CHECK(p1[0].code == ei_error::ei000);
  CHECK(p1[0].text.find("registeredResidentIdentification") != std::string::npos);

  auto no_domain = q;
  no_domain.service_domain.clear();
  auto p2 = validate_find(no_domain);
  REQUIRE(p2.size() == 1);
  CHECK(p2[0].text.find("serviceDomain") != std::string::npos);

  CHECK(validate_find(find_query{}).size() == 2);
}
