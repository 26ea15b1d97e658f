// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/demo/demo_producer.hpp"

#include "adapters/core/person_number.hpp"
#include "contracts/loose_builder.hpp"
#include "contracts/operation_registry.hpp"
#include "contracts/soap_fault.hpp"
#include "hub/core/envelope_sniffer.hpp"
#include "hub/core/hsa_id.hpp"

#include <pugixml.hpp>

#include <chrono>
#include <cstring>
#include <ctime>

namespace tidnav::adapters {
namespace {

using contracts::family;
using contracts::field;
using contracts::message_kind;

constexpr const char* pnr_oid = "1.2.752.129.2.1.3.1";
constexpr const char* hsa_oid = "1.2.752.129.2.1.4.1";

producer_reply client_fault(const std::string& text) { return {500, contracts::make_soap_fault(true, text)}; }

// First element with this local name anywhere in the Body (the request has been
// parsed by the generated reader already, so its shape is known to be right).
std::string body_value(const pugi::xml_document& doc, const char* local) {
  auto match = [local](pugi::xml_node n) {
    const char* name = n.name();
    const char* colon = std::strchr(name, ':');
    return std::strcmp(colon ? colon + 1 : name, local) == 0;
  };
  pugi::xml_node n = doc.find_node(match);
  return n ? n.text().get() : "";
}

// The first element with this local name, as a node (for reading its children).
pugi::xml_node body_node(const pugi::xml_document& doc, const char* local) {
  return doc.find_node([local](pugi::xml_node n) {
    const char* name = n.name();
    const char* colon = std::strchr(name, ':');
    return std::strcmp(colon ? colon + 1 : name, local) == 0;
  });
}

std::string child_value(pugi::xml_node parent, const char* local) {
  for (pugi::xml_node c : parent.children()) {
    const char* name = c.name();
    const char* colon = std::strchr(name, ':');
    if (std::strcmp(colon ? colon + 1 : name, local) == 0) return c.text().get();
  }
  return "";
}

constexpr const char* invalid_person_text = "Personnumret eller samordningsnumret är inte giltigt.";

// Why `number` (with its 2.0 root, when given) is not a person a producer can
// look up; empty when it is. The schema's pattern cannot check the date or the
// check digit, so a real producer checks them in code (as adapters/core does).
std::string person_problem(const std::string& number, const std::string* root = nullptr) {
  const auto check = check_person_number(number);
  if (!check) return std::string(to_string(check.problem));
  if (root && kind_of_oid(*root) != check.kind) return "root " + *root + " does not match the kind of number";
  return "";
}

std::string now_ts() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y%m%d%H%M%S", &tm);
  return buf;
}

producer_reply respond(const contracts::operation& op, const std::vector<field>& fields) {
  std::string error;
  const std::string loose = contracts::build_loose_element(op.name + "Response", fields, error);
  contracts::codec_error err;
  std::string xml = op.canonicalize(message_kind::response, loose, contracts::input_form::loose_element, nullptr, err);
  if (err) return {500, contracts::make_soap_fault(false, "demo producer could not write its answer", err.message)};
  return {200, std::move(xml)};
}

producer_reply schedule_11(const demo_unit& unit, const contracts::operation& op, const pugi::xml_document& req) {
  const std::string person = body_value(req, "subject_of_care");
  // A 1.1 read has no resultCode: a request it cannot answer is a Client fault.
  if (const std::string why = person_problem(person); !why.empty()) {
    return {500, contracts::make_soap_fault(true, invalid_person_text, "subject_of_care " + person + ": " + why)};
  }
  std::vector<field> fields;
  int n = 0;
  for (const auto& b : unit.bookings) {
    if (b.person != person) continue;
    const std::string p = "timeslotDetail[" + std::to_string(++n) + "].";
    for (auto [name, value] : {std::pair{"startTimeInclusive", b.start}, {"endTimeExclusive", b.end},
                               {"healthcare_facility", unit.hsa_id}, {"bookingId", b.booking_id},
                               {"subject_of_care", b.person}, {"reason", b.reason},
                               {"healthcare_facility_name", unit.name}, {"timeTypeName", b.time_type_name},
                               {"timeTypeID", b.time_type_code}, {"cancel_booking_allowed", std::string("true")},
                               {"rebooking_allowed", std::string("true")}}) {
      fields.push_back({p + name, value});
    }
  }
  return respond(op, fields);
}

producer_reply appointments_20(const demo_unit& unit, const contracts::operation& op, const pugi::xml_document& req) {
  const pugi::xml_node id = body_node(req, "personId");
  const std::string person = child_value(id, "extension");
  const std::string root = child_value(id, "root");
  // GetAppointments has no resultCode: a person it cannot look up is a Client fault.
  if (const std::string why = person_problem(person, &root); !why.empty()) {
    return {500, contracts::make_soap_fault(true, invalid_person_text, "personId " + person + ": " + why)};
  }
  std::vector<field> fields;
  int n = 0;
  for (const auto& b : unit.bookings) {
    if (b.person != person) continue;
    const std::string p = "appointment[" + std::to_string(++n) + "].";
    fields.push_back({p + "appointmentId", b.appointment_id});
    fields.push_back({p + "healthcareFacilityId.root", hsa_oid});
    fields.push_back({p + "healthcareFacilityId.extension", unit.hsa_id});
  }
  return respond(op, fields);
}

producer_reply appointment_20(const demo_unit& unit, const contracts::operation& op, const pugi::xml_document& req) {
  const std::string id = body_value(req, "appointmentId");
  const pugi::xml_node who = body_node(req, "personId");
  const std::string person = child_value(who, "extension");
  const std::string root = child_value(who, "root");
  // GetAppointment carries a resultCode: an invalid person is ERROR, as adapters/core answers it.
  if (const std::string why = person_problem(person, &root); !why.empty()) {
    return respond(op, {{"resultCode", "ERROR"}, {"resultText", std::string(invalid_person_text) + " (" + why + ")"}});
  }
  for (const auto& b : unit.bookings) {
    if (b.appointment_id != id || b.person != person) continue;
    return respond(op, {{"appointment.appointmentId", b.appointment_id},
                        {"appointment.timeslot.timeslotId", b.appointment_id},
                        {"appointment.timeslot.timeType.code", b.time_type_code},
                        {"appointment.timeslot.timeType.cancelAppointmentAllowed", "true"},
                        {"appointment.timeslot.timeType.updateAppointmentAllowed", "true"},
                        {"appointment.timeslot.startTime", b.start},
                        {"appointment.timeslot.endTime", b.end},
                        {"appointment.timeslot.healthcareFacilityHSAId.root", hsa_oid},
                        {"appointment.timeslot.healthcareFacilityHSAId.extension", unit.hsa_id},
                        {"appointment.personId.root", pnr_oid},
                        {"appointment.personId.extension", b.person},
                        {"appointment.status", "confirmed"},
                        {"resultCode", "OK"}});
  }
  return respond(op, {{"resultCode", "ERROR"}, {"resultText", "Bokningen finns inte."}});
}

}  // namespace

demo_unit default_demo_unit() {
  demo_unit u;
  u.bookings = {
      {"191212121212", "7c9e6679-7425-40de-944b-e07fc1f90ae7", "DEMO-1001", "20270115093000", "20270115100000",
       "LAK30", "Läkarbesök", "Återbesök efter provtagning"},
      {"191212121212", "9b2f4c2e-5d1a-4b8e-8f3c-2a6d7e9f0a11", "DEMO-1002", "20270203140000", "20270203141500",
       "VID15", "Videobesök", "Uppföljning"},
  };
  return u;
}

producer_reply handle_demo_request(const demo_unit& unit, std::string_view request) {
  auto sniffed = core::sniff_envelope(request);
  if (!sniffed) return client_fault("Not a readable SOAP request: " + sniffed.error().detail);
  const core::envelope_info& info = sniffed.value();
  if (!info.contract_namespace) return client_fault("The SOAP Body is empty");
  const family fam_guess = info.profile == core::riv_profile::rivtabp20 ? family::crm10 : family::crm11;
  const contracts::operation* op = nullptr;
  for (const auto* candidate : contracts::find_operations_by_namespace(*info.contract_namespace)) {
    if (!op || candidate->fam == fam_guess) op = candidate;
  }
  if (!op) return client_fault("Unknown contract " + *info.contract_namespace);
  if (info.logical_address && !core::iequals(*info.logical_address, unit.hsa_id) &&
      op->fam != family::mon1) {
    return client_fault("This producer serves " + unit.hsa_id + ", not " + *info.logical_address);
  }
  // Parse with the generated reader first: malformed requests fail here.
  contracts::codec_error err;
  op->canonicalize(message_kind::request, request, contracts::input_form::envelope, nullptr, err);
  if (err) return client_fault("Invalid " + op->name + " request: " + err.message);
  pugi::xml_document doc;
  doc.load_buffer(request.data(), request.size());

  if (op->fam == family::crm11 && op->name == "GetSubjectOfCareSchedule") return schedule_11(unit, *op, doc);
  if (op->fam == family::sched2 && op->name == "GetAppointments") return appointments_20(unit, *op, doc);
  if (op->fam == family::sched2 && op->name == "GetAppointment") return appointment_20(unit, *op, doc);
  if (op->fam == family::mon1) {
    return respond(*op, {{"version", "tidnav-demo 0.1"}, {"pingDateTime", now_ts()},
                         {"configuration.name", "unit"}, {"configuration.value", unit.hsa_id}});
  }
  return client_fault(op->name + " is not offered by this producer");
}

}  // namespace tidnav::adapters
