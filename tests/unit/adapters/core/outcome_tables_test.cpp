// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapter_test_support.hpp"
#include "adapters/core/outcome_texts.hpp"
#include "adapters/core/result_codes.hpp"

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <map>
#include <set>

using namespace tidnav::adapters;

namespace {

const business_code all_codes[] = {
    business_code::requested_time_already_reserved, business_code::requested_time_passed,
    business_code::slot_not_found,                  business_code::too_late_to_book,
    business_code::person_already_occupied,         business_code::appointment_already_canceled,
    business_code::appointment_already_updated,     business_code::appointment_already_confirmed,
    business_code::too_late_to_rebook,              business_code::too_late_to_cancel,
    business_code::too_late_to_confirm,             business_code::not_found,
    business_code::not_allowed,                     business_code::invalid_person,
    business_code::unit_not_found,                  business_code::invalid_request,
};

// ResultCodeEnum as our 2.0 core schema declares it.
std::set<std::string> schema_result_codes() {
  pugi::xml_document doc;
  const auto path = test::source_path(
      "schemas/supportprocess-logistics-scheduling-2.0/core_components/supportprocess_logistics_scheduling_2.0.xsd");
  REQUIRE(doc.load_file(path.c_str()));
  std::set<std::string> out;
  const auto type = doc.select_node("//*[local-name()='simpleType'][@name='ResultCodeEnum']").node();
  for (const auto& e : type.select_nodes(".//*[local-name()='enumeration']")) out.insert(e.node().attribute("value").value());
  return out;
}

}  // namespace

TEST_CASE("adapter-core: every business outcome has its own citizen-readable Swedish text", "[adapters][tables]") {
  std::set<std::string> seen;
  for (auto c : all_codes) {
    const std::string text(citizen_text(c));
    INFO(to_string(c));
    CHECK(text.size() > 10);
    CHECK(text.back() == '.');
    CHECK(seen.insert(text).second);
  }
  for (auto t : {technical_code::backend_down, technical_code::timeout, technical_code::unauthorized,
                 technical_code::bad_backend_answer}) {
    CHECK(std::string(fault_text(t)).rfind("Technical error", 0) == 0);
  }
}

TEST_CASE("adapter-core: 2.0 result codes: each updating contract only uses the codes the TKB allows it", "[adapters][tables]") {
  // TKB 2.0 §"Felkoder", per contract, besides OK/INFO/ERROR.
  const std::map<sched2_flow, std::set<std::string>> allowed = {
      {sched2_flow::read, {}},
      {sched2_flow::make,
       {"REQUESTED_TIME_IS_ALREADY_RESERVED", "REQUESTED_TIME_HAS_ALREADY_PASSED", "REQUESTED_TIME_IS_NO_LONGER_AVAILABLE",
        "TOO_LATE_TO_MAKE_APPOINTMENT", "USER_IS_ALREADY_OCCUPIED", "APPOINTMENT_IS_NOT_ALLOWED"}},
      {sched2_flow::update,
       {"APPOINTMENT_IS_ALREADY_CANCELED", "APPOINTMENT_IS_ALREADY_UPDATED", "REQUESTED_TIME_IS_ALREADY_RESERVED",
        "REQUESTED_TIME_HAS_ALREADY_PASSED", "REQUESTED_TIME_IS_NO_LONGER_AVAILABLE", "TOO_LATE_TO_UPDATE_APPOINTMENT",
        "APPOINTMENT_DOES_NOT_EXIST", "USER_IS_ALREADY_OCCUPIED", "UPDATE_APPOINTMENT_IS_NOT_ALLOWED"}},
      {sched2_flow::cancel,
       {"APPOINTMENT_IS_ALREADY_CANCELED", "APPOINTMENT_IS_ALREADY_UPDATED", "TOO_LATE_TO_CANCEL_APPOINTMENT",
        "APPOINTMENT_DOES_NOT_EXIST", "CANCEL_IS_NOT_ALLOWED"}},
      {sched2_flow::confirm,
       {"APPOINTMENT_IS_ALREADY_CONFIRMED", "TOO_LATE_TO_CONFIRM_APPOINTMENT", "APPOINTMENT_DOES_NOT_EXIST",
        "CONFIRM_IS_NOT_ALLOWED"}},
  };
  const auto in_schema = schema_result_codes();
  REQUIRE(in_schema.size() == 19);
  for (const auto& [flow, codes] : allowed) {
    for (auto c : all_codes) {
      const std::string code(sched2_result_code(c, flow));
      INFO(to_string(c) << " in flow " << static_cast<int>(flow) << " -> " << code);
      CHECK(in_schema.count(code) == 1);
      CHECK((code == "ERROR" || codes.count(code) == 1));
    }
  }
}

TEST_CASE("adapter-core: 2.0 result codes: the outcomes that have a specific code get it", "[adapters][tables]") {
  struct row {
    business_code c;
    sched2_flow flow;
    const char* code;
  };
  const row rows[] = {
      {business_code::requested_time_already_reserved, sched2_flow::make, "REQUESTED_TIME_IS_ALREADY_RESERVED"},
      {business_code::requested_time_already_reserved, sched2_flow::update, "REQUESTED_TIME_IS_ALREADY_RESERVED"},
      {business_code::slot_not_found, sched2_flow::make, "REQUESTED_TIME_IS_NO_LONGER_AVAILABLE"},
      {business_code::too_late_to_book, sched2_flow::make, "TOO_LATE_TO_MAKE_APPOINTMENT"},
      {business_code::appointment_already_canceled, sched2_flow::cancel, "APPOINTMENT_IS_ALREADY_CANCELED"},
      {business_code::appointment_already_canceled, sched2_flow::update, "APPOINTMENT_IS_ALREADY_CANCELED"},
      {business_code::too_late_to_cancel, sched2_flow::cancel, "TOO_LATE_TO_CANCEL_APPOINTMENT"},
      {business_code::too_late_to_rebook, sched2_flow::update, "TOO_LATE_TO_UPDATE_APPOINTMENT"},
      {business_code::not_found, sched2_flow::cancel, "APPOINTMENT_DOES_NOT_EXIST"},
      {business_code::not_allowed, sched2_flow::make, "APPOINTMENT_IS_NOT_ALLOWED"},
      {business_code::not_allowed, sched2_flow::cancel, "CANCEL_IS_NOT_ALLOWED"},
      {business_code::appointment_already_confirmed, sched2_flow::confirm, "APPOINTMENT_IS_ALREADY_CONFIRMED"},
      {business_code::not_found, sched2_flow::read, "ERROR"},
      {business_code::invalid_person, sched2_flow::make, "ERROR"},
  };
  for (const auto& r : rows) {
    INFO(to_string(r.c));
    CHECK(sched2_result_code(r.c, r.flow) == r.code);
  }
}

TEST_CASE("adapter-core: 1.1 result codes: updating contracts answer ERROR, reads fault or answer empty", "[adapters][tables]") {
  for (auto c : all_codes) {
    INFO(to_string(c));
    CHECK(crm11_result(c).write_result_code == "ERROR");
  }
  CHECK(crm11_result(business_code::not_found).read == crm11_read_answer::empty_answer);
  CHECK(crm11_result(business_code::invalid_person).read == crm11_read_answer::client_fault);
  CHECK(crm11_result(business_code::unit_not_found).read == crm11_read_answer::client_fault);
}
