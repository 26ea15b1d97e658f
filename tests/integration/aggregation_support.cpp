// SPDX-License-Identifier: GPL-2.0-or-later
#include "tests/integration/aggregation_support.hpp"

#include "hub/core/xml_names.hpp"
#include "hub/ei/sqlite_store.hpp"

namespace tidnav::test {
namespace {

using core::aggregate_kind;

constexpr const char* soap_open =
    R"(<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">)";
constexpr const char* soap_close = "</soapenv:Envelope>";
constexpr const char* hsa_root = "<core:root>1.2.752.129.2.1.4.1</core:root>";

std::string el(const std::string& name, const std::string& text) { return "<" + name + ">" + text + "</" + name + ">"; }

std::string hsa(const std::string& name, const std::string& id) {
  return "<" + name + ">" + hsa_root + el("core:extension", id) + "</" + name + ">";
}

std::string answer_body(const std::string& element, const std::string& ns, const std::string& core_ns,
                        const std::string& items) {
  return std::string(soap_open) + "<soapenv:Body><r:" + element + " xmlns:r=\"" + ns + "\" xmlns:core=\"" + core_ns +
         "\">" + items + "</r:" + element + "></soapenv:Body>" + soap_close;
}

std::string header(const std::string& address, const std::string& extra = "") {
  return R"(<soapenv:Header><itr:LogicalAddress xmlns:itr="urn:riv:itintegration:registry:1">)" + address +
         "</itr:LogicalAddress>" + extra + "</soapenv:Header>";
}

std::string actor20(const std::string& person) {
  return "<r:actor><core:actorId><core:root>1.2.752.129.2.1.3.1</core:root>" + el("core:extension", person) +
         "</core:actorId><core:actorType><core:code>116154003</core:code><core:codeSystem>1.2.752.116.2.1.1"
         "</core:codeSystem><core:displayName>Patient</core:displayName></core:actorType></r:actor>";
}

std::string person20(const std::string& person) {
  return "<r:personId><core:root>1.2.752.129.2.1.3.1</core:root>" + el("core:extension", person) + "</r:personId>";
}

std::string text_of_child(pugi::xml_node parent, std::string_view local) {
  return core::child_by_local_name(parent, local).child_value();
}

}  // namespace

std::string contract_ns(aggregate_kind k) { return std::string(core::contract_of(k).responder_ns); }

unit_producer::unit_producer(std::string body, unsigned status, std::chrono::milliseconds delay)
    : body_(std::move(body)), status_(status), delay_(delay) {
  producer_ = std::make_unique<recording_producer>(true, [this](const net::request_context&, net::responder r) {
    const net::header_list headers{{"Content-Type", "text/xml; charset=UTF-8"}};
    if (delay_.count() == 0) {
      r(status_, headers, body_);
      return;
    }
    std::lock_guard lock(mutex_);
    waiting_.emplace_back([this, r = std::move(r), headers] {
      {
        std::unique_lock wait(mutex_);
        wake_.wait_for(wait, delay_, [this] { return stopping_; });
      }
      r(status_, headers, body_);
    });
  });
}

unit_producer::~unit_producer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  // No new waiter can start: the server still runs, but the hub is gone by now
  // in every test (hub_world is declared after the units).
  std::vector<std::thread> threads;
  {
    std::lock_guard lock(mutex_);
    threads.swap(waiting_);
  }
  for (auto& t : threads) t.join();
  producer_.reset();
  // A request that came in after the swap has been answered by now.
  for (auto& t : waiting_) t.join();
}

std::string answer_of(aggregate_kind k, const std::vector<item>& items) {
  std::string x;
  switch (k) {
    case aggregate_kind::schedule_11:
      for (const auto& i : items) {
        x += "<r:timeslotDetail>" + el("core:startTimeInclusive", i.start) + el("core:endTimeExclusive", i.start) +
             el("core:healthcare_facility", i.unit) + el("core:bookingId", i.id) + "</r:timeslotDetail>";
      }
      return answer_body("GetSubjectOfCareScheduleResponse", contract_ns(k), "urn:riv:crm:scheduling:1", x);
    case aggregate_kind::timeslots_11:
      for (const auto& i : items) {
        x += "<r:timeslotDetail>" + el("core:startTimeInclusive", i.start) + el("core:endTimeExclusive", i.start) +
             el("core:healthcare_facility", i.unit) + el("core:resourceID", i.id) + "</r:timeslotDetail>";
      }
      return answer_body("GetAvailableTimeslotsResponse", contract_ns(k), "urn:riv:crm:scheduling:1", x);
    case aggregate_kind::appointments_20:
      for (const auto& i : items) {
        x += "<r:appointment>" + el("core:appointmentId", i.id) + hsa("core:healthcareFacilityId", i.unit) +
             "</r:appointment>";
      }
      return answer_body("GetAppointmentsResponse", contract_ns(k), "urn:riv:supportprocess:logistics:scheduling:2", x);
    case aggregate_kind::timeslots_20:
      for (const auto& i : items) {
        x += "<r:timeslot>" + el("core:timeslotId", i.id) +
             "<core:timeType><core:code>TT30</core:code><core:cancelAppointmentAllowed>true</core:cancelAppointmentAllowed>"
             "<core:updateAppointmentAllowed>true</core:updateAppointmentAllowed></core:timeType>" +
             el("core:startTime", i.start) + hsa("core:healthcareFacilityHSAId", i.unit) + "</r:timeslot>";
      }
      x += "<r:resultCode>OK</r:resultCode>";
      return answer_body("GetAvailableTimeslotsResponse", contract_ns(k), "urn:riv:supportprocess:logistics:scheduling:2",
                         x);
  }
  return {};
}

std::string soap_fault(const std::string& text) {
  return std::string(soap_open) + "<soapenv:Body><soapenv:Fault><faultcode>soapenv:Server</faultcode><faultstring>" +
         text + "</faultstring></soapenv:Fault></soapenv:Body>" + soap_close;
}

std::string request_of(aggregate_kind k, const std::string& address, const std::string& person) {
  const std::string ns = contract_ns(k);
  switch (k) {
    case aggregate_kind::schedule_11:
      return std::string(soap_open) + header(address) + "<soapenv:Body><r:GetSubjectOfCareSchedule xmlns:r=\"" + ns +
             "\">" + el("r:healthcare_facility", address) + el("r:subject_of_care", person) +
             "</r:GetSubjectOfCareSchedule></soapenv:Body>" + soap_close;
    case aggregate_kind::timeslots_11:
      return std::string(soap_open) + header(address) + "<soapenv:Body><r:GetAvailableTimeslots xmlns:r=\"" + ns +
             "\" xmlns:r11=\"urn:riv:crm:scheduling:GetAvailableTimeslotsResponder:1.1\">" +
             el("r:healthcare_facility", address) + el("r:startDateInclusive", "20261207") +
             el("r:endDateInclusive", "20261218") + el("r11:subject_of_care", person) +
             "</r:GetAvailableTimeslots></soapenv:Body>" + soap_close;
    case aggregate_kind::appointments_20:
      return std::string(soap_open) + header(address) + "<soapenv:Body><r:GetAppointments xmlns:r=\"" + ns +
             "\" xmlns:core=\"urn:riv:supportprocess:logistics:scheduling:2\">" + actor20(person) + person20(person) +
             "</r:GetAppointments></soapenv:Body>" + soap_close;
    case aggregate_kind::timeslots_20:
      return std::string(soap_open) + header(address) + "<soapenv:Body><r:GetAvailableTimeslots xmlns:r=\"" + ns +
             "\" xmlns:core=\"urn:riv:supportprocess:logistics:scheduling:2\">" + actor20(person) + person20(person) +
             el("r:startDateInclusive", "20261207") + el("r:endDateInclusive", "20261218") +
             "</r:GetAvailableTimeslots></soapenv:Body>" + soap_close;
  }
  return {};
}

std::string ei_update(const std::string& person, const std::string& domain, const std::vector<std::string>& units,
                      const std::string& index) {
  std::string x = std::string(soap_open) + header(index) +
                  "<soapenv:Body><upd:Update xmlns:upd=\"" + ei_update_ns +
                  "\" xmlns:ei=\"urn:riv:itintegration:engagementindex:1\">";
  int n = 0;
  for (const auto& u : units) {
    x += "<upd:engagementTransaction><ei:deleteFlag>false</ei:deleteFlag><ei:engagement>" +
         el("ei:registeredResidentIdentification", person) + el("ei:serviceDomain", domain) +
         el("ei:categorization", "NA") + el("ei:logicalAddress", u) +
         el("ei:businessObjectInstanceIdentifier", "B-" + std::to_string(n++)) +
         el("ei:clinicalProcessInterestId", "NA") + el("ei:mostRecentContent", "20261206120000") +
         el("ei:sourceSystem", "SE2321000016-SYS1") + el("ei:dataController", "SE2321000016-VG01") +
         "</ei:engagement></upd:engagementTransaction>";
  }
  return x + "</upd:Update></soapenv:Body>" + soap_close;
}

void ei_insert_directly(const std::string& db_path, const std::string& person, const std::string& domain,
                        const std::vector<std::string>& units) {
  ei::sqlite_store store(db_path);
  ei::update_batch batch;
  batch.now_ts = "20261206120000";
  int n = 0;
  for (const auto& u : units) {
    ei::engagement e;
    e.registered_resident_identification = person;
    e.service_domain = domain;
    e.categorization = "NA";
    e.logical_address = u;
    e.business_object_instance_identifier = "DIRECT-" + std::to_string(n++);
    e.clinical_process_interest_id = "NA";
    e.most_recent_content = "20261206120000";
    e.source_system = "SE2321000016-SYS1";
    e.data_controller = "SE2321000016-VG01";
    e.owner = platform_id;
    batch.items.push_back({{false, std::move(e)}, {}});
  }
  store.apply_update(batch);
}

std::string tak_unit(const std::string& id, const std::string& address, const std::string& url, const std::string& ns) {
  return tak_route("r-" + id, address, url, "RIVTABP21", ns) +
         tak_permission("p-" + id, address, test_consumer_hsa_id, ns);
}

std::string hsa_file(const std::vector<std::pair<std::string, std::string>>& units) {
  std::string x = R"(<?xml version="1.0" encoding="UTF-8"?>
<FileGetHsaUnitsResponse xmlns="urn:riv:hsa:HsaWsResponder:3"><startDate>2026-12-01T01:00:00.000+01:00</startDate><endDate>2026-12-01T01:01:00.000+01:00</endDate><hsaUnits>)";
  for (const auto& [id, dn] : units) {
    x += "<hsaUnit><hsaIdentity>" + id + "</hsaIdentity><DN>" + dn + "</DN><name>" + id + "</name></hsaUnit>";
  }
  return x + "</hsaUnits></FileGetHsaUnitsResponse>\n";
}

const status_row* merged::status_of(const std::string& unit) const {
  for (const auto& s : view.status) {
    if (s.logical_address == unit) return &s;
  }
  return nullptr;
}

void read_valid(aggregate_kind k, const std::string& body, merged& out) {
  require_valid(k, body);
  read_merged(k, body, out.view);
  REQUIRE(out.view.has_status_element);
  for (const pugi::xml_node i : out.view.items) {
    item it;
    switch (k) {
      case aggregate_kind::schedule_11:
        it = {text_of_child(i, "healthcare_facility"), text_of_child(i, "bookingId"), text_of_child(i, "startTimeInclusive")};
        break;
      case aggregate_kind::timeslots_11:
        it = {text_of_child(i, "healthcare_facility"), text_of_child(i, "resourceID"), text_of_child(i, "startTimeInclusive")};
        break;
      case aggregate_kind::appointments_20:
        it = {text_of_child(core::child_by_local_name(i, "healthcareFacilityId"), "extension"),
              text_of_child(i, "appointmentId"), ""};
        break;
      case aggregate_kind::timeslots_20:
        it = {text_of_child(core::child_by_local_name(i, "healthcareFacilityHSAId"), "extension"),
              text_of_child(i, "timeslotId"), text_of_child(i, "startTime")};
        break;
    }
    out.items.push_back(std::move(it));
  }
}

bool is_ts(const std::string& s) {
  if (s.size() != 14) return false;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace tidnav::test
