// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/bridge/legacy_client.hpp"

#include "adapters/bridge/error_texts.hpp"
#include "contracts/envelope_codec.hpp"
#include "contracts/namespaces.hpp"
#include "contracts/operation_registry.hpp"

#include <pugixml.hpp>

#include <array>
#include <memory>
#include <sstream>
#include <vector>

namespace tidnav::adapters::bridge {
namespace {

using contracts::family;

// gSOAP contexts are not thread-safe: one for writing and one for reading per
// family and thread.
contracts::soap_context& context(family fam, bool writing) {
  thread_local std::array<std::unique_ptr<contracts::soap_context>, 10> contexts;
  auto& slot = contexts[static_cast<std::size_t>(fam) * 2 + (writing ? 1 : 0)];
  if (!slot) slot = std::make_unique<contracts::soap_context>(contracts::namespaces_of(fam));
  return *slot;
}

// Marks a type that has no 1.0 twin.
struct none {};

std::string endpoint_for(const legacy_profile& p, std::string_view contract) {
  std::string url = p.endpoint;
  const auto at = url.find("{contract}");
  if (at != std::string::npos) url.replace(at, 10, contract);
  return url;
}

std::string shorten(std::string_view s) { return std::string(s.substr(0, 300)); }

std::string_view local_name(const char* qname) {
  std::string_view n(qname);
  const auto colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

bool blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Removes empty elements (<x/>, <x></x>) below the Body: producers send them
// for absent values, and the generated reader cannot read an empty boolean or
// enumeration. Each one is counted. Returns the input when there is none.
std::string without_empty_elements(const std::string& body, violation_counter& violations, std::string_view contract) {
  if (body.find("/>") == std::string::npos && body.find("></") == std::string::npos) return body;
  pugi::xml_document doc;
  if (!doc.load_buffer(body.data(), body.size(), pugi::parse_default | pugi::parse_declaration)) return body;
  std::vector<pugi::xml_node> empty;
  struct walker : pugi::xml_tree_walker {
    std::vector<pugi::xml_node>& out;
    explicit walker(std::vector<pugi::xml_node>& o) : out(o) {}
    bool for_each(pugi::xml_node& n) override {
      if (n.type() != pugi::node_element || n.first_attribute() || depth() < 3) return true;
      for (auto c = n.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element || !blank(c.value())) return true;
      }
      out.push_back(n);
      return true;
    }
  } w(empty);
  doc.traverse(w);
  if (empty.empty()) return body;
  for (auto& n : empty) {
    violations.note(violation::empty_element, std::string(contract) + "/" + std::string(local_name(n.name())), "");
    n.parent().remove_child(n);
  }
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw);
  return out.str();
}

// A SOAP fault from the producer. A Client fault on a reading contract is how
// 1.1 says "no" (TKB): when its text names a business outcome, it is one, with
// the producer's text for the citizen. Everything else is the producer's
// technical trouble.
booking_error from_fault(const legacy_profile& profile, const contracts::codec_error& err, std::string_view contract) {
  const std::string detail = std::string(contract) + ": producer fault " + err.fault_code + ": " + err.fault_string;
  const bool client = err.fault_code.find("Client") != std::string::npos;
  if (client) {
    const business_code outcome = outcome_of_text(profile, err.fault_string);
    if (outcome != profile.unmatched_error) {
      auto e = booking_error::of(outcome, detail);
      e.citizen_text = err.fault_string;
      return e;
    }
  }
  return booking_error::of(technical_code::backend_down, detail);
}

}  // namespace

bool legacy_client::offers(std::string_view contract) const {
  if (profile_.version == crm_version::v1_1) return true;
  return contract != "GetAllHealthcareFacilities" && contract != "GetAllPerformers" && contract != "GetAllCareTypes";
}

template <class Resp11, class Resp10, class Req11>
booking_result<Resp11*> legacy_client::exchange(const char* contract, object_arena& mem, const Req11& req,
                                                legacy_call& how) {
  const bool v10 = profile_.version == crm_version::v1_0;
  if constexpr (std::is_same_v<Resp10, none>) {
    if (v10) return fail(business_code::not_allowed, std::string(contract) + " does not exist in crm:scheduling 1.0");
  }
  const family fam = v10 ? family::crm10 : family::crm11;
  const contracts::operation* op = contracts::find_operation(fam, contract);
  if (!op) return fail(technical_code::bad_backend_answer, std::string("no generated binding for ") + contract);

  contracts::soap_headers headers;
  if (v10) {
    headers.wsa_to = how.address;
  } else {
    headers.logical_address = how.address;
    headers.actor = how.actor;
  }
  contracts::codec_error err;
  std::string envelope;
  {
    auto& out = context(fam, true);
    soap_set_namespaces(out.get(), op->write_namespaces.data());
    if constexpr (!std::is_same_v<Resp10, none>) {
      if (v10) {
        envelope = contracts::write_envelope(out, *to_crm10(mem, req), op->request_tag.c_str(), &headers, err);
      } else {
        envelope = contracts::write_envelope(out, req, op->request_tag.c_str(), &headers, err);
      }
    } else {
      envelope = contracts::write_envelope(out, req, op->request_tag.c_str(), &headers, err);
    }
    out.clear();
  }
  if (err) return fail(technical_code::bad_backend_answer, std::string(contract) + ": request not written: " + err.message);

  fhir::http_request request;
  request.method = "POST";
  request.url = endpoint_for(profile_, contract);
  request.headers = {{"Content-Type", "text/xml; charset=UTF-8"}, {"SOAPAction", "\"" + op->soap_action + "\""}};
  request.body = std::move(envelope);
  const fhir::http_response answer = transport_.send(request, how.until);
  how.maybe_delivered = answer.maybe_delivered;
  if (answer.what == fhir::http_response::outcome::timed_out) {
    how.maybe_delivered = true;
    return fail(technical_code::timeout, std::string(contract) + ": " + answer.detail);
  }
  if (answer.what == fhir::http_response::outcome::unreachable) {
    return fail(technical_code::backend_down, std::string(contract) + ": " + answer.detail);
  }
  if (answer.status == 401 || answer.status == 403) {
    return fail(technical_code::unauthorized, std::string(contract) + ": HTTP " + std::to_string(answer.status));
  }

  const std::string received = answer.status == 200 ? without_empty_elements(answer.body, violations_, contract)
                                                    : answer.body;
  auto& in = context(fam, false);
  auto* resp = mem.make<Resp11>();
  if constexpr (!std::is_same_v<Resp10, none>) {
    if (v10) {
      Resp10 old;
      if (contracts::read_envelope(in, received, old, op->response_tag.c_str(), nullptr, err)) {
        resp = to_crm11(mem, old);
      }
    } else {
      contracts::read_envelope(in, received, *resp, op->response_tag.c_str(), nullptr, err);
    }
  } else {
    contracts::read_envelope(in, received, *resp, op->response_tag.c_str(), nullptr, err);
  }
  if (err) {
    if (err.what == contracts::codec_error::kind::fault) {
      return core::failure<booking_error>{from_fault(profile_, err, contract)};
    }
    return fail(technical_code::bad_backend_answer, std::string(contract) + ": HTTP " + std::to_string(answer.status) +
                                                        ", unreadable answer: " + err.message + " [" +
                                                        shorten(answer.body) + "]");
  }
  if (answer.status != 200) {
    return fail(technical_code::bad_backend_answer,
                std::string(contract) + ": HTTP " + std::to_string(answer.status) + " with a non-fault answer");
  }
  return resp;
}

booking_result<crm11::socs__GetSubjectOfCareScheduleResponseType*> legacy_client::call(
    object_arena& mem, const crm11::socs__GetSubjectOfCareScheduleType& req, legacy_call& how) {
  return exchange<crm11::socs__GetSubjectOfCareScheduleResponseType, crm10::socs__GetSubjectOfCareScheduleResponseType>(
      "GetSubjectOfCareSchedule", mem, req, how);
}
booking_result<crm11::gbd__GetBookingDetailsResponseType*> legacy_client::call(
    object_arena& mem, const crm11::gbd__GetBookingDetailsType& req, legacy_call& how) {
  return exchange<crm11::gbd__GetBookingDetailsResponseType, crm10::gbd__GetBookingDetailsResponseType>(
      "GetBookingDetails", mem, req, how);
}
booking_result<crm11::mb__MakeBookingResponseType*> legacy_client::call(object_arena& mem,
                                                                        const crm11::mb__MakeBookingType& req,
                                                                        legacy_call& how) {
  return exchange<crm11::mb__MakeBookingResponseType, crm10::mb__MakeBookingResponseType>("MakeBooking", mem, req, how);
}
booking_result<crm11::ub__UpdateBookingResponseType*> legacy_client::call(object_arena& mem,
                                                                          const crm11::ub__UpdateBookingType& req,
                                                                          legacy_call& how) {
  return exchange<crm11::ub__UpdateBookingResponseType, crm10::ub__UpdateBookingResponseType>("UpdateBooking", mem, req,
                                                                                              how);
}
booking_result<crm11::cb__CancelBookingResponseType*> legacy_client::call(object_arena& mem,
                                                                          const crm11::cb__CancelBookingType& req,
                                                                          legacy_call& how) {
  return exchange<crm11::cb__CancelBookingResponseType, crm10::cb__CancelBookingResponseType>("CancelBooking", mem, req,
                                                                                              how);
}
booking_result<crm11::gad__GetAvailableDatesResponseType*> legacy_client::call(
    object_arena& mem, const crm11::gad__GetAvailableDatesType& req, legacy_call& how) {
  return exchange<crm11::gad__GetAvailableDatesResponseType, crm10::gad__GetAvailableDatesResponseType>(
      "GetAvailableDates", mem, req, how);
}
booking_result<crm11::gat__GetAvailableTimeslotsResponseType*> legacy_client::call(
    object_arena& mem, const crm11::gat__GetAvailableTimeslotsType& req, legacy_call& how) {
  return exchange<crm11::gat__GetAvailableTimeslotsResponseType, crm10::gat__GetAvailableTimeslotsResponseType>(
      "GetAvailableTimeslots", mem, req, how);
}
booking_result<crm11::gtt__GetAllTimeTypesResponseType*> legacy_client::call(
    object_arena& mem, const crm11::gtt__GetAllTimeTypesType& req, legacy_call& how) {
  return exchange<crm11::gtt__GetAllTimeTypesResponseType, crm10::gtt__GetAllTimeTypesResponseType>(
      "GetAllTimeTypes", mem, req, how);
}
booking_result<crm11::ghf__GetAllHealthcareFacilitiesResponseType*> legacy_client::call(
    object_arena& mem, const crm11::ghf__GetAllHealthcareFacilitiesType& req, legacy_call& how) {
  return exchange<crm11::ghf__GetAllHealthcareFacilitiesResponseType, none>("GetAllHealthcareFacilities", mem, req, how);
}
booking_result<crm11::gap__GetAllPerformersResponseType*> legacy_client::call(
    object_arena& mem, const crm11::gap__GetAllPerformersType& req, legacy_call& how) {
  return exchange<crm11::gap__GetAllPerformersResponseType, none>("GetAllPerformers", mem, req, how);
}

}  // namespace tidnav::adapters::bridge
