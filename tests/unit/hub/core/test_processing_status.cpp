// SPDX-License-Identifier: GPL-2.0-or-later
// The ProcessingStatus header: the semantics table for each status code, and a
// schema-valid header whatever the records hold.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "aggregate_checks.hpp"
#include "hub/core/processing_status.hpp"

using namespace tidnav::core;
using tidnav::test::merged_view;
using tidnav::test::read_merged;
using tidnav::test::require_valid;

namespace {

constexpr std::string_view now = "20260310142535";
constexpr std::string_view earlier = "20260309080000";

/// An empty GetSubjectOfCareSchedule answer carrying `records`; `ih_elsewhere`
/// binds "ih" to another namespace on the Envelope, to show the header does not
/// depend on its surroundings.
std::string envelope_with(const std::vector<processing_status_record>& records, bool ih_elsewhere = false) {
  pugi::xml_document doc;
  pugi::xml_node env = doc.append_child("soapenv:Envelope");
  env.append_attribute("xmlns:soapenv").set_value("http://schemas.xmlsoap.org/soap/envelope/");
  if (ih_elsewhere) env.append_attribute("xmlns:ih").set_value("urn:example:not-the-headers");
  append_processing_status(env.append_child("soapenv:Header"), records);
  pugi::xml_node resp = env.append_child("soapenv:Body").append_child("gs:GetSubjectOfCareScheduleResponse");
  resp.append_attribute("xmlns:gs").set_value("urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1");
  std::ostringstream out;
  doc.save(out, "  ");
  return out.str();
}

void require_valid_header(const std::vector<processing_status_record>& records, merged_view& v,
                          bool ih_elsewhere = false) {
  const std::string xml = envelope_with(records, ih_elsewhere);
  require_valid(aggregate_kind::schedule_11, xml);
  read_merged(aggregate_kind::schedule_11, xml, v);
  REQUIRE(v.has_status_element);
  REQUIRE(v.status.size() == records.size());
}

}  // namespace

TEST_CASE("processing status enumerations are spelled as in the schema", "[aggregate][processing_status]") {
  CHECK(to_string(causing_agent::service_catalog) == "service_catalog");
  CHECK(to_string(causing_agent::virtualization_platform) == "virtualization_platform");
  CHECK(to_string(causing_agent::service_producer) == "service_producer");
  CHECK(to_string(causing_agent::engagement_index) == "engagement_index");
  CHECK(to_string(causing_agent::other) == "other");
  CHECK(to_string(processing_status_code::data_from_source) == "DataFromSource");
  CHECK(to_string(processing_status_code::data_from_cache) == "DataFromCache");
  CHECK(to_string(processing_status_code::data_from_cache_synch_failed) == "DataFromCacheSynchFailed");
  CHECK(to_string(processing_status_code::no_data_synch_failed) == "NoDataSynchFailed");
}

TEST_CASE("DataFromSource: not from cache, in synch, synchronised now", "[aggregate][processing_status]") {
  merged_view v;
  require_valid_header({data_from_source("SE2321000016-ABC1", now)}, v);
  const auto& r = v.status.at(0);
  CHECK(r.logical_address == "SE2321000016-ABC1");
  CHECK(r.status == "DataFromSource");
  CHECK(r.from_cache == "false");
  CHECK(r.in_synch == "true");
  CHECK(r.last_ok == now);
  CHECK(r.last_failed.empty());
  CHECK_FALSE(r.has_error);
}

TEST_CASE("DataFromCache: from cache, in synch, last good call", "[aggregate][processing_status]") {
  merged_view v;
  require_valid_header({data_from_cache("SE2321000016-ABC1", earlier)}, v);
  const auto& r = v.status.at(0);
  CHECK(r.status == "DataFromCache");
  CHECK(r.from_cache == "true");
  CHECK(r.in_synch == "true");
  CHECK(r.last_ok == earlier);
  CHECK_FALSE(r.has_error);
}

TEST_CASE("DataFromCacheSynchFailed: from cache, not in synch, both times, error", "[aggregate][processing_status]") {
  merged_view v;
  require_valid_header({data_from_cache_synch_failed("SE2321000016-ABC1", earlier, now,
                                                     {causing_agent::virtualization_platform, "504", "Read timed out"})},
                       v);
  const auto& r = v.status.at(0);
  CHECK(r.status == "DataFromCacheSynchFailed");
  CHECK(r.from_cache == "true");
  CHECK(r.in_synch == "false");
  CHECK(r.last_ok == earlier);
  CHECK(r.last_failed == now);
  REQUIRE(r.has_error);
  CHECK(r.agent == "virtualization_platform");
  CHECK(r.code == "504");
  CHECK(r.text == "Read timed out");
}

TEST_CASE("NoDataSynchFailed: lastSuccessfulSynch is present and empty, so the header is valid",
          "[aggregate][processing_status]") {
  merged_view v;
  require_valid_header({no_data_synch_failed("SE2321000016-QWE5", now, {causing_agent::service_producer, "500", "Fault"})},
                       v);
  const auto& r = v.status.at(0);
  CHECK(r.status == "NoDataSynchFailed");
  CHECK(r.from_cache == "false");
  CHECK(r.in_synch == "false");
  CHECK(r.has_last_ok);  // the national aggregator leaves it out: invalid against minOccurs=1
  CHECK(r.last_ok.empty());
  CHECK(r.last_failed == now);
  REQUIRE(r.has_error);
  CHECK(r.agent == "service_producer");
  CHECK(r.code == "500");
  CHECK(r.text == "Fault");
}

TEST_CASE("ProcessingStatus with no records is an empty, valid element", "[aggregate][processing_status]") {
  merged_view v;
  require_valid_header({}, v);
  CHECK(v.status.empty());
}

TEST_CASE("ProcessingStatus keeps record order and declares its own prefix", "[aggregate][processing_status]") {
  merged_view v;
  require_valid_header({data_from_source("B", now), no_data_synch_failed("A", now, {causing_agent::other, "", ""}),
                        data_from_source("C", now)},
                       v, /*ih_elsewhere=*/true);
  CHECK(v.status.at(0).logical_address == "B");
  CHECK(v.status.at(1).logical_address == "A");
  CHECK(v.status.at(2).logical_address == "C");
}

TEST_CASE("ProcessingStatus stays well-formed and valid with hostile text", "[aggregate][processing_status]") {
  const std::string nasty = std::string("bad \x01\x1f bytes \xff\xfe <&> ]]> \xed\xa0\x80 end");
  const std::string long_text(5000, 'x');
  merged_view v;
  require_valid_header({no_data_synch_failed(nasty, nasty, {causing_agent::service_producer, nasty, nasty}),
                        no_data_synch_failed("U", now, {causing_agent::service_producer, "500", long_text})},
                       v);
  CHECK_THAT(v.status.at(0).text, Catch::Contains("<&> ]]>"));
  CHECK_THAT(v.status.at(0).text, Catch::Contains("\xEF\xBF\xBD"));
  CHECK(v.status.at(1).text.size() == 1000);
}
