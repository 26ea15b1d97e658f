// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "hub/audit/person_finder.hpp"

using tidnav::audit::find_persons;
using tidnav::audit::is_person_operation;
using V = std::vector<std::string>;

namespace {
std::string fixture(const std::string& rel) {
  std::ifstream in(std::string(TIDNAV_SOURCE_DIR) + "/tests/fixtures/" + rel, std::ios::binary);
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

TEST_CASE("the person of every person-data contract family is found", "[audit]") {
  CHECK(find_persons(fixture("scheduling-2.0/GetAppointments-request.xml")) == V{"197710102384"});
  CHECK(find_persons(fixture("crm-scheduling-1.1/MakeBooking-request.xml")) == V{"191212121212"});
  CHECK(find_persons(fixture("crm-scheduling-1.1/GetSubjectOfCareSchedule-request.xml")).size() == 1);
  CHECK(find_persons(fixture("crm-scheduling-1.0/GetSubjectOfCareSchedule-request.xml")).size() == 1);
  CHECK_FALSE(find_persons(fixture("engagementindex-1.0/Update-request.xml")).empty());
  CHECK_FALSE(find_persons(fixture("engagementindex-1.0/FindContent-request.xml")).empty());
}

TEST_CASE("calls that name nobody find nobody", "[audit]") {
  CHECK(find_persons(fixture("crm-scheduling-1.0/GetAllTimeTypes-request.xml")).empty());
  // 1.1 added an optional subject_of_care to the catalogue calls: then they name someone.
  CHECK(find_persons(fixture("crm-scheduling-1.1/GetAllTimeTypes-request.xml")) == V{"191212121212"});
  CHECK(find_persons(fixture("crm-scheduling-1.1/CancelBooking-request.xml")).empty());
  CHECK(is_person_operation("CancelBooking"));
  CHECK(is_person_operation("GetAppointments"));
  CHECK_FALSE(is_person_operation("GetAllTimeTypes"));
  CHECK_FALSE(is_person_operation("GetAvailableTimeslots"));
}

TEST_CASE("only whole element names count, whatever the prefix", "[audit]") {
  CHECK(find_persons("<a><b:subject_of_care_info><c:subject_of_care>191212121212</c:subject_of_care></b:subject_of_care_info></a>") ==
        V{"191212121212"});
  CHECK(find_persons("<subject_of_care_info>191212121212</subject_of_care_info>").empty());
  CHECK(find_persons("<subject_of_care>19121212-1212</subject_of_care>") == V{"191212121212"});
  CHECK(find_persons("<x:personId><x:root>1.2.752.129.2.1.3.1</x:root><x:extension> 191212121212 </x:extension></x:personId>") ==
        V{"191212121212"});
}

TEST_CASE("comments, CDATA, entities and self-closing tags are read as XML", "[audit]") {
  CHECK(find_persons("<a><!-- <subject_of_care>199001011234</subject_of_care> --><subject_of_care>191212121212</subject_of_care></a>") ==
        V{"191212121212"});
  CHECK(find_persons("<a><![CDATA[<subject_of_care>199001011234</subject_of_care>]]></a>").empty());
  CHECK(find_persons("<subject_of_care><![CDATA[191212121212]]></subject_of_care>") == V{"191212121212"});
  CHECK(find_persons("<subject_of_care>&#x31;91212121212</subject_of_care>") == V{"191212121212"});
  CHECK(find_persons("<subject_of_care/><subject_of_care a='>'>191212121212</subject_of_care>") == V{"191212121212"});
}

TEST_CASE("many persons: distinct, in order, capped", "[audit]") {
  std::string xml = "<Update>";
  for (int i = 0; i < 10; ++i) {
    xml += "<registeredResidentIdentification>1912121212" + std::to_string(10 + i % 5) + "</registeredResidentIdentification>";
  }
  xml += "</Update>";
  const auto all = find_persons(xml);
  REQUIRE(all.size() == 5);
  CHECK(all.front() == "191212121210");
  CHECK(find_persons(xml, 2).size() == 2);
}

TEST_CASE("broken input finds nothing and never crashes", "[audit]") {
  CHECK(find_persons("").empty());
  CHECK(find_persons("<").empty());
  CHECK(find_persons("<subject_of_care>191212121212").empty());
  CHECK(find_persons("<subject_of_care").empty());
  CHECK(find_persons("<!-- never closed <subject_of_care>191212121212</subject_of_care>").empty());
  CHECK(find_persons("<subject_of_care>" + std::string(100, '1') + "</subject_of_care>").empty());
  CHECK(find_persons("<personId><extension>1</extension>").empty());
}
