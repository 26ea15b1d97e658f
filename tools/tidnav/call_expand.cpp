// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/tidnav/call_expand.hpp"

#include "contracts/envelope_codec.hpp"
#include "contracts/namespaces.hpp"
#include "contracts/operation_registry.hpp"
#include "hub/core/hsa_id.hpp"
#include "hub/core/hsa_loader.hpp"
#include "hub/core/xml_names.hpp"

#define WITH_NOGLOBAL
#include "sched2H.h"

#include <pugixml.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <tuple>

namespace tidnav::cli {
namespace {

constexpr std::string_view soap_env_ns = "http://schemas.xmlsoap.org/soap/envelope/";
constexpr std::string_view interop_ns = "urn:riv:interoperability:headers:1";

const contracts::operation& operation(std::string_view name) {
  const auto* op = contracts::find_operation(contracts::family::sched2, name);
  if (!op) throw std::logic_error("no scheduling 2.0 operation " + std::string(name));
  return *op;
}

std::string text_of(pugi::xml_node parent, std::string_view local) {
  return std::string(core::trim_ascii(core::child_by_local_name(parent, local).child_value()));
}

// The ProcessingStatus records whose unit gave no data.
void read_processing_status(std::string_view envelope, appointment_list& out) {
  pugi::xml_document doc;
  if (!doc.load_buffer(envelope.data(), envelope.size())) return;
  const pugi::xml_node env = doc.document_element();
  if (!core::is_element(env, soap_env_ns, "Envelope")) return;
  pugi::xml_node status;
  for (pugi::xml_node h = core::child_by_local_name(env, "Header").first_child(); h; h = h.next_sibling()) {
    if (core::is_element(h, interop_ns, "ProcessingStatus")) status = h;
  }
  for (pugi::xml_node r = status.first_child(); r; r = r.next_sibling()) {
    if (!core::is_element(r, interop_ns, "ProcessingStatusList")) continue;
    ++out.units_reported;
    const std::string code = text_of(r, "statusCode");
    if (code == "DataFromSource" || code == "DataFromCache") continue;
    const pugi::xml_node e = core::child_by_local_name(r, "lastUnsuccessfulSynchError");
    out.failed_units.push_back({text_of(r, "logicalAddress"), text_of(e, "code"), text_of(e, "causingAgent"),
                                text_of(e, "text")});
  }
}

std::string fault_text(const contracts::codec_error& err) {
  if (err.what == contracts::codec_error::kind::fault) return "SOAP fault: " + err.fault_string;
  return err.message;
}

// Width on a terminal: UTF-8 continuation bytes take no column.
std::size_t columns(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool is_ts(std::string_view s) {
  return s.size() == 14 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string display_span(const std::string& start, const std::string& end) {
  if (start.empty()) return "(no time)";
  std::string s = display_time(start);
  if (end.empty()) return s;
  if (is_ts(start) && is_ts(end) && start.compare(0, 8, end, 0, 8) == 0) return s + "-" + display_time(end).substr(11);
  return s + " - " + display_time(end);
}

}  // namespace

std::string display_time(std::string_view ts) {
  if (!is_ts(ts)) return std::string(ts);
  std::string s;
  s.append(ts.substr(0, 4)).append("-").append(ts.substr(4, 2)).append("-").append(ts.substr(6, 2));
  s.append(" ").append(ts.substr(8, 2)).append(":").append(ts.substr(10, 2));
  return s;
}

std::string read_appointment_list(std::string_view envelope, appointment_list& out) {
  const auto& op = operation("GetAppointments");
  contracts::soap_context ctx(contracts::namespaces_of(contracts::family::sched2));
  sched2::gas__GetAppointmentsResponseType resp;
  contracts::codec_error err;
  if (!contracts::read_envelope(ctx, envelope, resp, op.response_tag.c_str(), nullptr, err)) {
    return "not a GetAppointments 2.0 answer: " + fault_text(err);
  }
  for (const auto* a : resp.appointment) {
    if (!a) continue;
    out.appointments.push_back({a->appointmentId, a->healthcareFacilityId ? a->healthcareFacilityId->extension : ""});
  }
  read_processing_status(envelope, out);
  return {};
}

struct appointment_request_builder::state {
  contracts::soap_context read{contracts::namespaces_of(contracts::family::sched2)};
  mutable contracts::soap_context write{contracts::namespaces_of(contracts::family::sched2)};
  sched2::gas__GetAppointmentsType request;
  const contracts::operation* op = nullptr;
};

appointment_request_builder::appointment_request_builder(std::string_view get_appointments_request)
    : state_(std::make_unique<state>()) {
  const auto& list_op = operation("GetAppointments");
  state_->op = &operation("GetAppointment");
  contracts::codec_error err;
  if (!contracts::read_envelope(state_->read, get_appointments_request, state_->request, list_op.request_tag.c_str(),
                                nullptr, err)) {
    throw std::runtime_error("--expand needs a GetAppointments 2.0 request: " + fault_text(err));
  }
}

appointment_request_builder::~appointment_request_builder() = default;

std::string appointment_request_builder::soap_action() const { return "\"" + state_->op->soap_action + "\""; }

std::string appointment_request_builder::request_for(const appointment_ref& ref) const {
  sched2::ga__GetAppointmentType body;
  body.actor = state_->request.actor;
  body.personId = state_->request.personId;
  body.appointmentId = ref.appointment_id;
  contracts::soap_headers headers;
  headers.logical_address = ref.unit;
  soap_set_namespaces(state_->write.get(), state_->op->write_namespaces.data());
  contracts::codec_error err;
  std::string xml = contracts::write_envelope(state_->write, body, state_->op->request_tag.c_str(), &headers, err);
  state_->write.clear();
  if (err) throw std::runtime_error("cannot write GetAppointment for " + ref.appointment_id + ": " + err.message);
  return xml;
}

appointment_row row_from_answer(const appointment_ref& ref, unsigned http_status, std::string_view body,
                                const std::string& transport_error) {
  appointment_row row;
  row.unit = ref.unit;
  row.appointment_id = ref.appointment_id;
  if (!transport_error.empty()) {
    row.status = "not fetched: " + transport_error;
    return row;
  }
  const auto& op = operation("GetAppointment");
  contracts::soap_context ctx(contracts::namespaces_of(contracts::family::sched2));
  sched2::ga__GetAppointmentResponseType resp;
  contracts::codec_error err;
  if (!contracts::read_envelope(ctx, body, resp, op.response_tag.c_str(), nullptr, err)) {
    row.status = "HTTP " + std::to_string(http_status) + ", " + fault_text(err);
    return row;
  }
  if (resp.resultCode == sched2::sch__ResultCodeEnum::ERROR || !resp.appointment) {
    row.status = std::string("ERROR") + (resp.resultText ? ": " + *resp.resultText : "");
    return row;
  }
  const sched2::sch__AppointmentType& a = *resp.appointment;
  row.fetched = true;
  row.status = soap_sch__AppointmentStatusEnum2s(ctx.get(), a.status);
  if (const auto* t = a.timeslot) {
    row.start = t->startTime;
    if (t->endTime) row.end = *t->endTime;
    if (t->healthcareFacilityHSAId && !t->healthcareFacilityHSAId->extension.empty()) {
      row.unit = t->healthcareFacilityHSAId->extension;
    }
    if (const auto* type = t->timeType) {
      row.time_type = type->code;
      for (const auto* service : type->healthcareService) {
        if (service && service->code && service->code->displayName) {
          row.time_type += " (" + *service->code->displayName + ")";
          break;
        }
      }
    }
  }
  return row;
}

unit_names unit_names_from_hsa_files(const std::vector<std::string>& paths) {
  unit_names names;
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("unit names: cannot read " + path);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto file = core::parse_hsa_xml(text, path);
    if (!file) throw std::runtime_error("unit names: " + file.error());
    for (const auto& u : file.value().units) {
      if (!u.name.empty()) names[core::normalize_hsa_id(u.hsa_id)] = u.name;
    }
  }
  return names;
}

std::string render_appointment_table(std::vector<appointment_row> rows, const std::vector<unit_failure>& failed,
                                     const unit_names& names) {
  std::stable_sort(rows.begin(), rows.end(), [](const appointment_row& a, const appointment_row& b) {
    const auto key = [](const appointment_row& r) {
      return std::make_tuple(r.start.empty(), r.start, core::normalize_hsa_id(r.unit), r.appointment_id);
    };
    return key(a) < key(b);
  });
  for (auto& r : rows) {
    if (!r.unit_name.empty()) continue;
    if (auto it = names.find(core::normalize_hsa_id(r.unit)); it != names.end()) r.unit_name = it->second;
  }

  const std::vector<std::string> heads{"TIME", "UNIT", "NAME", "TIME TYPE", "STATUS", "APPOINTMENT"};
  std::vector<std::vector<std::string>> cells;
  cells.reserve(rows.size());
  for (const auto& r : rows) {
    cells.push_back({display_span(r.start, r.end), r.unit, r.unit_name.empty() ? "-" : r.unit_name,
                     r.time_type.empty() ? "-" : r.time_type, r.status, r.appointment_id});
  }
  std::vector<std::size_t> width(heads.size());
  for (std::size_t c = 0; c < heads.size(); ++c) {
    width[c] = columns(heads[c]);
    for (const auto& line : cells) width[c] = std::max(width[c], columns(line[c]));
  }
  std::string out;
  auto emit = [&](const std::vector<std::string>& line) {
    std::string text;
    for (std::size_t c = 0; c < line.size(); ++c) {
      text += line[c];
      if (c + 1 < line.size()) text.append(width[c] - columns(line[c]) + 2, ' ');
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  };
  emit(heads);
  for (const auto& line : cells) emit(line);
  out += std::to_string(rows.size()) + (rows.size() == 1 ? " appointment" : " appointments") + "\n";
  for (const auto& f : failed) {
    const auto it = names.find(core::normalize_hsa_id(f.unit));
    out += "no data from " + f.unit + (it != names.end() ? " (" + it->second + ")" : "") + ": " +
           (f.code.empty() ? "" : f.code + " ") + (f.agent.empty() ? "" : f.agent + ", ") + f.text + "\n";
  }
  return out;
}

expand_result expand_appointments(const std::string& url, const call_tls& tls, std::string_view request,
                                  std::string_view response, double timeout_seconds, const unit_names& names,
                                  std::size_t parallel) {
  appointment_list list;
  if (auto why = read_appointment_list(response, list); !why.empty()) throw std::runtime_error(why);
  const appointment_request_builder builder(request);
  std::vector<soap_call> calls;
  calls.reserve(list.appointments.size());
  for (const auto& ref : list.appointments) calls.push_back({builder.soap_action(), builder.request_for(ref)});
  const auto answers = send_soap_parallel(url, tls, calls, timeout_seconds, parallel);
  std::vector<appointment_row> rows;
  rows.reserve(answers.size());
  expand_result out;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    rows.push_back(row_from_answer(list.appointments[i], answers[i].status, answers[i].body, answers[i].error));
    if (!rows.back().fetched) ++out.not_fetched;
  }
  out.appointments = rows.size();
  out.table = render_appointment_table(std::move(rows), list.failed_units, names);
  return out;
}

}  // namespace tidnav::cli
