// SPDX-License-Identifier: GPL-2.0-or-later
// Every operation of every family: its fixtures validate against our schemas,
// survive a gSOAP read + write with the same data, and what gSOAP writes
// validates too.
#include "contracts/operation_registry.hpp"
#include "contracts/schema_validator.hpp"
#include "tests/unit/contracts/fixtures.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace tidnav;
using contracts::input_form;
using contracts::message_kind;

namespace {

std::string describe(const std::vector<contracts::validation_issue>& issues) {
  std::string s;
  for (const auto& i : issues) s += "line " + std::to_string(i.line) + ": " + i.message + "\n";
  return s;
}

contracts::schema_validator& validator() {
  static contracts::schema_validator v;
  return v;
}

}  // namespace

TEST_CASE("every operation of every family has a request and a response fixture", "[contracts]") {
  std::set<std::pair<contracts::family, std::string>> requests, responses;
  for (const auto& f : test::all_fixtures()) {
    (f.kind == message_kind::request ? requests : responses).insert({f.fam, f.contract});
  }
  const auto ops = contracts::all_operations();
  CHECK(ops.size() == 12 + 11 + 9 + 3 + 1);
  for (const auto& op : ops) {
    INFO(std::string(contracts::family_name(op.fam)) << " " << op.name);
    CHECK(requests.count({op.fam, op.name}) == 1);
    CHECK(responses.count({op.fam, op.name}) == 1);
  }
}

TEST_CASE("fixtures validate against our schemas", "[contracts][schema]") {
  REQUIRE(validator().schema_count() > 40);
  for (const auto& f : test::all_fixtures()) {
    INFO(f.path.string());
    const auto issues = validator().validate_envelope(test::read_file(f.path), f.fam);
    CHECK(describe(issues) == "");
  }
}

TEST_CASE("fixtures round-trip through the generated gSOAP bindings", "[contracts][roundtrip]") {
  for (const auto& f : test::all_fixtures()) {
    INFO(f.path.string());
    const auto* op = contracts::find_operation(f.fam, f.contract);
    REQUIRE(op != nullptr);
    const std::string original = test::read_file(f.path);
    contracts::codec_error err;
    const std::string written = op->canonicalize(f.kind, original, input_form::envelope, nullptr, err);
    INFO(err.message);
    REQUIRE_FALSE(err);
    // Same data, in the same order, in the same namespaces.
    CHECK(test::body_leaves(written) == test::body_leaves(original));
    // What we write is schema-valid, and writing it again changes nothing.
    CHECK(describe(validator().validate_envelope(written, f.fam)) == "");
    const std::string again = op->canonicalize(f.kind, written, input_form::envelope, nullptr, err);
    CHECK(again == written);
  }
}

TEST_CASE("request headers survive the round trip; responses carry none", "[contracts][roundtrip]") {
  const auto* op = contracts::find_operation(contracts::family::crm11, "GetSubjectOfCareSchedule");
  REQUIRE(op);
  contracts::codec_error err;
  const std::string req = op->canonicalize(
      message_kind::request, test::fixture_text("crm-scheduling-1.1", "GetSubjectOfCareSchedule-request.xml"),
      input_form::envelope, nullptr, err);
  REQUIRE_FALSE(err);
  CHECK(req.find("<itr:LogicalAddress>") != std::string::npos);
  CHECK(req.find("<ih:actorType>subject_of_care</ih:actorType>") != std::string::npos);
  CHECK(req.find("mustUnderstand") == std::string::npos);
  CHECK(req.find("encodingStyle") == std::string::npos);

  const std::string resp = op->canonicalize(
      message_kind::response, test::fixture_text("crm-scheduling-1.1", "GetSubjectOfCareSchedule-response.xml"),
      input_form::envelope, nullptr, err);
  REQUIRE_FALSE(err);
  CHECK(resp.find("Header") == std::string::npos);

  const auto* op10 = contracts::find_operation(contracts::family::crm10, "GetSubjectOfCareSchedule");
  const std::string req10 = op10->canonicalize(
      message_kind::request, test::fixture_text("crm-scheduling-1.0", "GetSubjectOfCareSchedule-request.xml"),
      input_form::envelope, nullptr, err);
  REQUIRE_FALSE(err);
  CHECK(req10.find("<wsa5:To>") != std::string::npos);
  CHECK(req10.find("mustUnderstand") == std::string::npos);
}
