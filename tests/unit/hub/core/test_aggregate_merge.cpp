// SPDX-License-Identifier: GPL-2.0-or-later
// Merging unit answers: order, de-duplication across units, namespaces, failed
// and unusable units, and a schema-valid answer in every case.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "aggregate_checks.hpp"
#include "aggregate_fixtures.hpp"
#include "hub/core/aggregate_merge.hpp"

using namespace tidnav::core;
using tidnav::test::booking;
using tidnav::test::make_answer;
using tidnav::test::merged_view;
using tidnav::test::read_fixture;
using tidnav::test::read_merged;
using tidnav::test::reprefix;
using tidnav::test::require_namespace_correct;
using tidnav::test::require_valid;
using tidnav::test::response_fixture;
using tidnav::test::text_of;

namespace {

constexpr std::string_view now = "20260310142535";
constexpr aggregate_kind all_kinds[] = {aggregate_kind::schedule_11, aggregate_kind::appointments_20,
                                        aggregate_kind::timeslots_20, aggregate_kind::timeslots_11};

unit_answer ok(std::string unit, std::string body) {
  unit_answer a;
  a.logical_address = std::move(unit);
  a.ok = true;
  a.body = std::move(body);
  return a;
}

unit_answer failed(std::string unit, causing_agent agent, std::string code, std::string text) {
  unit_answer a;
  a.logical_address = std::move(unit);
  a.agent = agent;
  a.code = std::move(code);
  a.text = std::move(text);
  return a;
}

/// Merges, checks schema validity and namespaces, and reads the result back.
void merge_valid(aggregate_kind k, const std::vector<unit_answer>& answers, merged_view& v) {
  const std::string xml = merge_answers(k, answers, now);
  require_valid(k, xml);
  read_merged(k, xml, v);
  REQUIRE(v.has_status_element);
  REQUIRE(v.status.size() == answers.size());
  for (std::size_t i = 0; i < answers.size(); ++i) CHECK(v.status[i].logical_address == answers[i].logical_address);
}

/// "start unit id" of each merged item, in order.
std::vector<std::string> keys(aggregate_kind k, const merged_view& v) {
  std::vector<std::string> out;
  for (const pugi::xml_node i : v.items) {
    switch (k) {
      case aggregate_kind::schedule_11:
        out.push_back(text_of(i, "startTimeInclusive") + " " + text_of(i, "healthcare_facility") + " " +
                      text_of(i, "bookingId"));
        break;
      case aggregate_kind::appointments_20:
        out.push_back(text_of(child_by_local_name(i, "healthcareFacilityId"), "extension") + " " +
                      text_of(i, "appointmentId"));
        break;
      case aggregate_kind::timeslots_20:
        out.push_back(text_of(i, "startTime") + " " + text_of(child_by_local_name(i, "healthcareFacilityHSAId"), "extension") +
                      " " + text_of(i, "timeslotId"));
        break;
      case aggregate_kind::timeslots_11:
        out.push_back(text_of(i, "startTimeInclusive") + " " + text_of(i, "healthcare_facility") + " " +
                      text_of(i, "performer"));
        break;
    }
  }
  return out;
}

using strings = std::vector<std::string>;

void check_source(const tidnav::test::status_row& r) {
  CHECK(r.status == "DataFromSource");
  CHECK(r.from_cache == "false");
  CHECK(r.in_synch == "true");
  CHECK(r.last_ok == now);
  CHECK_FALSE(r.has_error);
}

void check_failed(const tidnav::test::status_row& r, std::string_view agent, std::string_view code) {
  CHECK(r.status == "NoDataSynchFailed");
  CHECK(r.from_cache == "false");
  CHECK(r.in_synch == "false");
  CHECK(r.has_last_ok);
  CHECK(r.last_ok.empty());
  CHECK(r.last_failed == now);
  REQUIRE(r.has_error);
  CHECK(r.agent == agent);
  CHECK(r.code == code);
}

}  // namespace

TEST_CASE("schedule 1.1: bookings of all units, by start time, then unit, then bookingId", "[aggregate][merge]") {
  const aggregate_kind k = aggregate_kind::schedule_11;
  merged_view v;
  merge_valid(k,
              {ok("SE2321000016-BBB2", make_answer(k, {{"SE2321000016-BBB2", "B-2", "20260320100000"},
                                                       {"SE2321000016-BBB2", "B-1", "20260305090000"},
                                                       {"SE2321000016-BBB2", "B-3", "20260310080000"}})),
               ok("SE2321000016-AAA1", make_answer(k, {{"SE2321000016-AAA1", "A-9", "20260310080000"},
                                                       {"SE2321000016-AAA1", "A-1", "20260310080000"},
                                                       {"SE2321000016-AAA1", "A-5", "20260301120000"}}))},
              v);
  CHECK(keys(k, v) == strings{"20260301120000 SE2321000016-AAA1 A-5", "20260305090000 SE2321000016-BBB2 B-1",
                              "20260310080000 SE2321000016-AAA1 A-1", "20260310080000 SE2321000016-AAA1 A-9",
                              "20260310080000 SE2321000016-BBB2 B-3", "20260320100000 SE2321000016-BBB2 B-2"});
  check_source(v.status.at(0));
  check_source(v.status.at(1));
}

TEST_CASE("schedule 1.1: units compare case-folded in the order", "[aggregate][merge]") {
  const aggregate_kind k = aggregate_kind::schedule_11;
  merged_view v;
  merge_valid(k,
              {ok("se2321000016-bbb2", make_answer(k, {{"se2321000016-bbb2", "X", "20260310080000"}})),
               ok("SE2321000016-CCC3", make_answer(k, {{"SE2321000016-CCC3", "X", "20260310080000"}})),
               ok("SE2321000016-AAA1", make_answer(k, {{"SE2321000016-AAA1", "X", "20260310080000"}}))},
              v);
  CHECK(keys(k, v) == strings{"20260310080000 SE2321000016-AAA1 X", "20260310080000 se2321000016-bbb2 X",
                              "20260310080000 SE2321000016-CCC3 X"});
}

TEST_CASE("schedule 1.1: a booking two units report is kept once, HSA-ids compared without case",
          "[aggregate][merge]") {
  const aggregate_kind k = aggregate_kind::schedule_11;
  const std::string upper = response_fixture(k);  // SE2321000016-ABC1: BK-000123, INV-004711
  const std::string lower = read_fixture("aggregation/GetSubjectOfCareSchedule-response-jaxb-prefixes.xml");

  merged_view v;
  merge_valid(k, {ok("SE2321000016-ABC1", upper), ok("se2321000016-abc1", lower)}, v);
  CHECK(keys(k, v) == strings{"20260302074500 se2321000016-abc1 BK-000200", "20260314093000 SE2321000016-ABC1 BK-000123",
                              "20260402141500 SE2321000016-ABC1 INV-004711"});
  // The first answer's copy wins: it has the reason the second one lacks.
  CHECK(text_of(v.items.at(1), "reason") == "Återbesök efter provtagning");
  // Escaped text survives the copy.
  CHECK(text_of(v.items.at(0), "purpose") == "Provtagning & blodtryck <fastande>");
  check_source(v.status.at(0));
  check_source(v.status.at(1));

  merged_view w;
  merge_valid(k, {ok("se2321000016-abc1", lower), ok("SE2321000016-ABC1", upper)}, w);
  CHECK(keys(k, w) == strings{"20260302074500 se2321000016-abc1 BK-000200", "20260314093000 se2321000016-abc1 BK-000123",
                              "20260402141500 SE2321000016-ABC1 INV-004711"});
}

TEST_CASE("schedule 1.1: the same bookingId at different units is not a duplicate", "[aggregate][merge]") {
  const aggregate_kind k = aggregate_kind::schedule_11;
  merged_view v;
  merge_valid(k,
              {ok("SE2321000016-AAA1", make_answer(k, {{"SE2321000016-AAA1", "1", "20260310080000"}})),
               ok("SE2321000016-BBB2", make_answer(k, {{"SE2321000016-BBB2", "1", "20260310080000"}}))},
              v);
  CHECK(v.items.size() == 2);
}

TEST_CASE("merge keeps names meaning the same whatever prefixes each unit used", "[aggregate][merge][namespaces]") {
  const aggregate_kind k = aggregate_kind::schedule_11;
  const std::string plain = make_answer(k, {{"SE2321000016-AAA1", "A", "20260310080000"}});
  // Responder namespace as the default namespace, core on another prefix.
  const std::string defaulted =
      reprefix(make_answer(k, {{"SE2321000016-BBB2", "B", "20260310090000"}}), {{"gs", ""}, {"core", "c"}, {"soapenv", "S"}});
  // The output's own prefixes bound the other way round: gs <-> core.
  const std::string swapped =
      reprefix(make_answer(k, {{"SE2321000016-CCC3", "C", "20260310070000"}}), {{"gs", "core"}, {"core", "gs"}});
  REQUIRE_THAT(defaulted, Catch::Contains("<GetSubjectOfCareScheduleResponse>"));
  REQUIRE_THAT(swapped, Catch::Contains("<core:timeslotDetail>"));
  REQUIRE_THAT(swapped, Catch::Contains("<gs:bookingId>C</gs:bookingId>"));

  merged_view v;
  merge_valid(k, {ok("SE2321000016-AAA1", plain), ok("SE2321000016-BBB2", defaulted), ok("SE2321000016-CCC3", swapped)},
              v);
  CHECK(keys(k, v) == strings{"20260310070000 SE2321000016-CCC3 C", "20260310080000 SE2321000016-AAA1 A",
                              "20260310090000 SE2321000016-BBB2 B"});
  for (const auto& r : v.status) check_source(r);
}

TEST_CASE("merge keeps prefixes used in attribute values (xsi:type) bound", "[aggregate][merge][namespaces]") {
  const aggregate_kind k = aggregate_kind::schedule_11;
  const std::string xml = merge_answers(
      k, {ok("se2321000016-abc1", read_fixture("aggregation/GetSubjectOfCareSchedule-response-jaxb-prefixes.xml"))}, now);
  require_valid(k, xml);
  CHECK_THAT(xml, Catch::Contains("xsi:type=\"ns3:TimeslotType\""));
  CHECK_THAT(xml, Catch::Contains("xmlns:ns3=\"urn:riv:crm:scheduling:1\""));
  CHECK_THAT(xml, Catch::Contains("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""));
}

TEST_CASE("merge does not repeat declarations the merged answer already has", "[aggregate][merge][namespaces]") {
  const aggregate_kind k = aggregate_kind::schedule_11;
  const std::string xml = merge_answers(k, {ok("SE2321000016-ABC1", response_fixture(k))}, now);
  std::size_t declarations = 0;
  for (std::size_t at = xml.find("xmlns"); at != std::string::npos; at = xml.find("xmlns", at + 1)) ++declarations;
  CHECK(declarations == 5);  // soapenv, ih, gs, core, ext: none on the items
}

TEST_CASE("appointments 2.0: de-duplicated on appointmentId and unit without case, ordered by unit then id",
          "[aggregate][merge]") {
  const aggregate_kind k = aggregate_kind::appointments_20;
  merged_view v;
  merge_valid(k,
              {ok("SE2321000016-XYZ9", make_answer(k, {{"SE2321000016-XYZ9", "3aab1fcc-4965-4a60-a707-e59d9f39e5c9", ""}})),
               ok("SE2321000016-ABC1", response_fixture(k)),  // 95de473c…, e9ec7ba2… at ABC1
               ok("se2321000016-abc1", read_fixture("aggregation/GetAppointments-response-default-ns.xml"))},
              v);
  CHECK(keys(k, v) == strings{"SE2321000016-AAA0 0b7f3c52-95a1-4c55-9a7e-2f1d3e4c5b6a",
                              "SE2321000016-ABC1 95de473c-5441-42db-8434-11f428f3a111",
                              "SE2321000016-ABC1 e9ec7ba2-dd97-42fd-88d0-8e0c190d5996",
                              "SE2321000016-XYZ9 3aab1fcc-4965-4a60-a707-e59d9f39e5c9"});
  for (const auto& r : v.status) check_source(r);
}

TEST_CASE("appointments 2.0: the same appointmentId at two units is kept twice", "[aggregate][merge]") {
  const aggregate_kind k = aggregate_kind::appointments_20;
  const std::string id = "3aab1fcc-4965-4a60-a707-e59d9f39e5c9";
  merged_view v;
  merge_valid(k,
              {ok("SE2321000016-BBB2", make_answer(k, {{"SE2321000016-BBB2", id, ""}})),
               ok("SE2321000016-AAA1", make_answer(k, {{"SE2321000016-AAA1", id, ""}}))},
              v);
  CHECK(keys(k, v) == strings{"SE2321000016-AAA1 " + id, "SE2321000016-BBB2 " + id});
}

TEST_CASE("timeslots 2.0: earliest first, de-duplicated on timeslotId and unit, resultCode OK", "[aggregate][merge]") {
  const aggregate_kind k = aggregate_kind::timeslots_20;
  const std::string t1 = "297e4de2-15c1-4674-98df-765774382c71";
  const std::string t2 = "8dc89813-9d91-4af0-87be-c52206b4eda9";
  merged_view v;
  merge_valid(k,
              {ok("SE2321000016-K3M8", response_fixture(k)),  // t1 20251104081500, t2 20251106134500
               ok("SE2321000016-XYZ9", make_answer(k, {{"SE2321000016-XYZ9", t1, "20251105080000"},
                                                       {"se2321000016-k3m8", "8DC89813-9D91-4AF0-87BE-C52206B4EDA9",
                                                        "20251106134500"}}))},
              v);
  CHECK(keys(k, v) == strings{"20251104081500 SE2321000016-K3M8 " + t1, "20251105080000 SE2321000016-XYZ9 " + t1,
                              "20251106134500 SE2321000016-K3M8 " + t2});
  CHECK(v.result_code == "OK");
  CHECK(v.result_text.empty());
}

TEST_CASE("timeslots 2.0: a unit's resultCode ERROR is a failed unit, INFO is passed on", "[aggregate][merge]") {
  const aggregate_kind k = aggregate_kind::timeslots_20;
  std::string error_answer = make_answer(k, {});
  error_answer.replace(error_answer.find(">OK<"), 4, ">ERROR<");
  error_answer.insert(error_answer.find("</gat:GetAvailableTimeslotsResponse>"),
                      "<gat:resultText>Tidboken är stängd</gat:resultText>");
  std::string info_answer = make_answer(k, {{"SE2321000016-BBB2", tidnav::test::uuid_for(1), "20251105080000"}});
  info_answer.replace(info_answer.find(">OK<"), 4, ">INFO<");
  info_answer.insert(info_answer.find("</gat:GetAvailableTimeslotsResponse>"),
                     "<gat:resultText>Fler tider finns i 1177</gat:resultText>");

  merged_view v;
  merge_valid(k, {ok("SE2321000016-AAA1", error_answer), ok("SE2321000016-BBB2", info_answer)}, v);
  check_failed(v.status.at(0), "service_producer", "ERROR");
  CHECK(v.status.at(0).text == "Tidboken är stängd");
  check_source(v.status.at(1));
  CHECK(v.items.size() == 1);
  CHECK(v.result_code == "INFO");
  CHECK(v.result_text == "SE2321000016-BBB2: Fler tider finns i 1177");

  merged_view w;
  merge_valid(k, {ok("SE2321000016-AAA1", error_answer), failed("SE2321000016-BBB2", causing_agent::virtualization_platform, "504", "Read timed out")}, w);
  CHECK(w.items.empty());
  CHECK(w.result_code == "ERROR");
  CHECK_FALSE(w.result_text.empty());
}

TEST_CASE("timeslots 1.1: earliest first; the same free time from two answers is kept once", "[aggregate][merge]") {
  const aggregate_kind k = aggregate_kind::timeslots_11;
  merged_view v;
  merge_valid(k,
              {ok("SE2321000016-ABC1", response_fixture(k)),  // 20260317080000 and 20260317103000, PRF7
               ok("se2321000016-abc1", make_answer(k, {{"se2321000016-abc1", "se2321000016-prf7", "20260317080000",
                                                        "20260317083000"},
                                                       {"se2321000016-abc1", "SE2321000016-PRF8", "20260317080000"},
                                                       {"se2321000016-abc1", "SE2321000016-PRF7", "20260316150000"}}))},
              v);
  // The fixture's 08:00 slot has resourceID RUM-4 and the template is that very
  // slot, so the re-sent 08:00/PRF7 copy (performer case aside) is a duplicate.
  CHECK(keys(k, v) == strings{"20260316150000 se2321000016-abc1 SE2321000016-PRF7",
                              "20260317080000 SE2321000016-ABC1 SE2321000016-PRF7",
                              "20260317080000 se2321000016-abc1 SE2321000016-PRF8",
                              "20260317103000 SE2321000016-ABC1 SE2321000016-PRF7"});
}

TEST_CASE("one unit failed: its record says why, the others' items are there", "[aggregate][merge]") {
  for (const aggregate_kind k : all_kinds) {
    INFO(to_string(k));
    merged_view v;
    merge_valid(k,
                {ok("SE2321000016-AAA1", make_answer(k, {{"SE2321000016-AAA1", tidnav::test::uuid_for(7), "20260310080000"}})),
                 failed("SE2321000016-QWE5", causing_agent::virtualization_platform, "504", "Read timed out")},
                v);
    CHECK(v.items.size() == 1);
    check_source(v.status.at(0));
    check_failed(v.status.at(1), "virtualization_platform", "504");
    CHECK(v.status.at(1).text == "Read timed out");
    if (k == aggregate_kind::timeslots_20) CHECK(v.result_code == "OK");
  }
}

TEST_CASE("all units failed: empty response, one failure record each", "[aggregate][merge]") {
  for (const aggregate_kind k : all_kinds) {
    INFO(to_string(k));
    merged_view v;
    merge_valid(k,
                {failed("SE2321000016-AAA1", causing_agent::service_producer, "500", "Internal error"),
                 failed("SE2321000016-BBB2", causing_agent::virtualization_platform, "504", "Read timed out"),
                 ok("SE2321000016-CCC3", "not xml at all")},
                v);
    CHECK(v.items.empty());
    check_failed(v.status.at(0), "service_producer", "500");
    check_failed(v.status.at(1), "virtualization_platform", "504");
    check_failed(v.status.at(2), "service_producer", "invalid_response");
  }
}

TEST_CASE("no units at all: empty response and an empty ProcessingStatus", "[aggregate][merge]") {
  for (const aggregate_kind k : all_kinds) {
    INFO(to_string(k));
    const std::string xml = empty_aggregate_response(k, now);
    require_valid(k, xml);
    merged_view v;
    read_merged(k, xml, v);
    CHECK(v.has_status_element);
    CHECK(v.status.empty());
    CHECK(v.items.empty());
    if (k == aggregate_kind::timeslots_20) CHECK(v.result_code == "OK");
    CHECK(xml == merge_answers(k, {}, now));
  }
}

TEST_CASE("an ok answer that is not a usable response counts as a failed unit", "[aggregate][merge][garbage]") {
  const aggregate_kind k = aggregate_kind::schedule_11;
  const std::string good = make_answer(k, {{"SE2321000016-AAA1", "A", "20260310080000"}});
  const std::string item_open = "<gs:timeslotDetail>";
  const auto with_item_text = [&](std::string_view text) {
    std::string s = good;
    s.replace(s.find("<core:purpose>") + 14, s.find("</core:purpose>") - s.find("<core:purpose>") - 14, text);
    return s;
  };
  const std::vector<std::pair<std::string, std::string>> bad{
      {"empty body", ""},
      {"not XML", "garbage \x01\xff"},
      {"truncated", good.substr(0, good.size() / 2)},
      {"no envelope", "<gs:GetSubjectOfCareScheduleResponse xmlns:gs=\"urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1\"/>"},
      {"SOAP 1.2", std::string(good).replace(good.find("http://schemas.xmlsoap.org/soap/envelope/"), 41,
                                             "http://www.w3.org/2003/05/soap-envelope")},
      {"no body", "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"/>"},
      {"empty body element", "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body/></soapenv:Envelope>"},
      {"fault", read_fixture("aggregation/GetSubjectOfCareSchedule-fault.xml")},
      {"other contract's response", response_fixture(aggregate_kind::appointments_20)},
      {"response in the wrong namespace", std::string(good).replace(good.find("GetSubjectOfCareScheduleResponder:1"), 35,
                                                                    "GetSubjectOfCareScheduleResponder:9")},
      {"DOCTYPE", "<!DOCTYPE x [<!ENTITY e \"boom\">]>" + good.substr(good.find("<soapenv:Envelope"))},
      {"undeclared prefix", std::string(good).replace(good.find("<core:purpose>"), 14, "<zz:purpose>")
                                .replace(good.find("</core:purpose>") - 2, 15, "</zz:purpose>")},
      {"control character reference", with_item_text("a&#1;b")},
      {"invalid UTF-8", with_item_text("a\xC3(b")},
      {"xmlns:p=\"\"", std::string(good).replace(good.find(item_open), item_open.size(),
                                                 "<gs:timeslotDetail xmlns:core=\"\">")},
  };
  for (const auto& [what, body] : bad) {
    INFO(what);
    merged_view v;
    merge_valid(k, {ok("SE2321000016-BAD0", body), ok("SE2321000016-AAA1", good)}, v);
    check_failed(v.status.at(0), "service_producer", "invalid_response");
    CHECK_FALSE(v.status.at(0).text.empty());
    check_source(v.status.at(1));
    CHECK(keys(k, v) == strings{"20260310080000 SE2321000016-AAA1 A"});
    if (what == "fault") CHECK_THAT(v.status.at(0).text, Catch::Contains("PMO timeout"));
  }
}

TEST_CASE("answers in other encodings are read and the merged answer is UTF-8", "[aggregate][merge]") {
  const aggregate_kind k = aggregate_kind::schedule_11;
  // Latin-1 by declaration: "Vårdcentralen" with å as one byte.
  std::string latin1 = make_answer(k, {{"SE2321000016-AAA1", "A", "20260310080000"}});
  REQUIRE(latin1.rfind("<?xml version=\"1.0\"?>", 0) == 0);
  latin1.replace(0, 21, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>");
  const std::string utf8_name = "Vårdcentralen Exempelby";
  for (std::size_t at = latin1.find(utf8_name); at != std::string::npos; at = latin1.find(utf8_name, at)) {
    latin1.replace(at, utf8_name.size(), "V\xE5rdcentralen Exempelby");
  }
  merged_view v;
  merge_valid(k, {ok("SE2321000016-AAA1", latin1)}, v);
  CHECK(text_of(v.items.at(0), "healthcare_facility_name") == utf8_name);

  // UTF-16LE with a BOM (the 2.0 answer is ASCII, so widening each byte converts it).
  const std::string ascii = make_answer(aggregate_kind::appointments_20, {{"SE2321000016-AAA1", tidnav::test::uuid_for(3), ""}});
  std::string utf16 = "\xFF\xFE";
  for (const char c : ascii) {
    utf16 += c;
    utf16 += '\0';
  }
  merged_view w;
  merge_valid(aggregate_kind::appointments_20, {ok("SE2321000016-AAA1", utf16)}, w);
  CHECK(w.items.size() == 1);
}

TEST_CASE("extension elements of one unit's response are left out of the merged one", "[aggregate][merge]") {
  const aggregate_kind k = aggregate_kind::schedule_11;
  std::string with_ext = make_answer(k, {{"SE2321000016-AAA1", "A", "20260310080000"}});
  with_ext.insert(with_ext.find("</gs:GetSubjectOfCareScheduleResponse>"),
                  "<x:unitNote xmlns:x=\"urn:example:ext\">local</x:unitNote>");
  merged_view v;
  merge_valid(k, {ok("SE2321000016-AAA1", with_ext)}, v);
  CHECK(v.items.size() == 1);
  CHECK_FALSE(v.doc.find_node([](pugi::xml_node n) { return std::string_view(n.name()) == "x:unitNote"; }));
}

TEST_CASE("merge never crashes and stays well-formed on mutated answers", "[aggregate][merge][garbage]") {
  const aggregate_kind k = aggregate_kind::schedule_11;
  const std::string good = read_fixture("aggregation/GetSubjectOfCareSchedule-response-jaxb-prefixes.xml");
  const std::string other = make_answer(k, {{"SE2321000016-AAA1", "A", "20260310080000"}});
  std::mt19937 rng(20260310);
  const char alphabet[] = "<>/:=\"'&;x \x01\x80\xff";
  for (int round = 0; round < 300; ++round) {
    std::string body = good;
    if (round < 60) {
      body.resize(rng() % body.size());
    } else {
      for (int flips = 1 + static_cast<int>(rng() % 4); flips > 0; --flips) {
        body[rng() % body.size()] = alphabet[rng() % (sizeof alphabet - 1)];
      }
    }
    INFO("round " << round << "\n" << body);
    const std::string xml = merge_answers(k, {ok("se2321000016-abc1", body), ok("SE2321000016-AAA1", other)}, now);
    merged_view v;
    read_merged(k, xml, v);
    require_namespace_correct(xml);
    REQUIRE(v.status.size() == 2);
    // Producers' answers are not schema-checked, so validity is only owed when the answer itself was valid.
    const bool answer_valid = tidnav::test::validator().validate_envelope(body, tidnav::contracts::family::crm11).empty();
    if (answer_valid || v.status.at(0).status != "DataFromSource") require_valid(k, xml);
  }
}
