// SPDX-License-Identifier: GPL-2.0-or-later
// The simulator's crm:scheduling 1.0 front: a 1.0 request is read with the
// generated 1.0 reader, converted to 1.1 (crm_versions.hpp), answered by the
// 1.1 front-end, and its answer converted back and written by the 1.0 writer.
// 1.0 has no Actor: the 1.1 front-end is told a staff member asks, so no
// selection depends on the stand-in subject_of_care 1.0 requests lack.
#include "adapters/bridge/crm_versions.hpp"
#include "adapters/bridge/sim/legacy_simulator.hpp"
#include "adapters/core/crm11_frontend.hpp"
#include "contracts/envelope_codec.hpp"
#include "contracts/namespaces.hpp"
#include "contracts/operation_registry.hpp"
#include "contracts/soap_fault.hpp"
#include "hub/core/envelope_sniffer.hpp"

#include <array>
#include <memory>

namespace tidnav::adapters::bridge::sim {
namespace {

using contracts::family;

constexpr const char* stand_in_subject = "191212121212";
constexpr const char* simulator_agent = "SE2321000016-SIM1";

contracts::soap_context& context(family fam, bool writing) {
  thread_local std::array<std::unique_ptr<contracts::soap_context>, 10> contexts;
  auto& slot = contexts[static_cast<std::size_t>(fam) * 2 + (writing ? 1 : 0)];
  if (!slot) slot = std::make_unique<contracts::soap_context>(contracts::namespaces_of(fam));
  return *slot;
}

std::string client_fault(int& status, std::string_view text, std::string_view detail = {}) {
  status = 500;
  return contracts::make_soap_fault(true, text, detail);
}

struct relay_context {
  memory_booking_system& system;
  const unit_table& units;
  instant now;
};

// One 1.0 exchange: read Req10, convert, answer as 1.1, convert back, write Resp10.
template <class Req10, class Resp11, class Convert>
std::string relay(const relay_context& rc, const contracts::operation& op10, std::string_view envelope, int& status,
                  Convert convert) {
  const contracts::operation* op11 = contracts::find_operation(family::crm11, op10.name);
  if (!op11) return client_fault(status, "This producer does not offer " + op10.name);
  object_arena mem;
  Req10 req;
  contracts::soap_headers headers;
  contracts::codec_error err;
  auto& in10 = context(family::crm10, false);
  if (!contracts::read_envelope(in10, envelope, req, op10.request_tag.c_str(), &headers, err)) {
    return client_fault(status, "Invalid " + op10.name + " request", err.message);
  }
  if (!headers.wsa_to) return client_fault(status, "The wsa:To header is missing");
  contracts::soap_headers h11;
  h11.logical_address = *headers.wsa_to;
  h11.actor = contracts::actor_header{simulator_agent, "subject_of_care_agent"};
  auto& out11 = context(family::crm11, true);
  soap_set_namespaces(out11.get(), op11->write_namespaces.data());
  std::string request11 = contracts::write_envelope(out11, *convert(mem, req), op11->request_tag.c_str(), &h11, err);
  out11.clear();
  in10.clear();
  if (err) return client_fault(status, "The request could not be converted", err.message);

  call_info call;
  call.consumer = "simulator";
  call.now = rc.now;
  const producer_reply reply = handle_crm11(rc.system, rc.units, request11, call);
  status = reply.http_status;
  if (reply.http_status != 200) return reply.body;  // a SOAP fault reads the same in 1.0

  Resp11 resp;
  auto& in11 = context(family::crm11, false);
  if (!contracts::read_envelope(in11, reply.body, resp, op11->response_tag.c_str(), nullptr, err)) {
    status = 500;
    return contracts::make_soap_fault(false, "The answer could not be converted", err.message);
  }
  auto& out10 = context(family::crm10, true);
  soap_set_namespaces(out10.get(), op10.write_namespaces.data());
  std::string answer = contracts::write_envelope(out10, *to_crm10(mem, resp), op10.response_tag.c_str(), nullptr, err);
  out10.clear();
  in11.clear();
  if (err) {
    status = 500;
    return contracts::make_soap_fault(false, "The answer could not be written", err.message);
  }
  return answer;
}

template <class In>
auto plain(object_arena& mem, const In& in) {
  return to_crm11(mem, in);
}

}  // namespace

std::string answer_crm10(memory_booking_system& system, const unit_table& units, std::string_view envelope,
                         int& status, instant now) {
  status = 200;
  auto sniffed = core::sniff_envelope(envelope);
  if (!sniffed) return client_fault(status, "Not a readable SOAP request", sniffed.error().detail);
  const auto& info = sniffed.value();
  const contracts::operation* op = nullptr;
  if (info.contract_namespace) {
    for (const auto* candidate : contracts::find_operations_by_namespace(*info.contract_namespace)) {
      if (candidate->fam == family::crm10 && candidate->name == info.operation) op = candidate;
    }
  }
  if (!op) return client_fault(status, "This producer does not offer " + info.operation);
  const relay_context rc{system, units, now};
  const std::string subject = stand_in_subject;
  const std::string& name = op->name;
  if (name == "GetSubjectOfCareSchedule") {
    return relay<crm10::socs__GetSubjectOfCareScheduleType, crm11::socs__GetSubjectOfCareScheduleResponseType>(
        rc, *op, envelope, status, [](object_arena& m, const auto& r) { return plain(m, r); });
  }
  if (name == "GetBookingDetails") {
    return relay<crm10::gbd__GetBookingDetailsType, crm11::gbd__GetBookingDetailsResponseType>(
        rc, *op, envelope, status, [](object_arena& m, const auto& r) { return plain(m, r); });
  }
  if (name == "MakeBooking") {
    return relay<crm10::mb__MakeBookingType, crm11::mb__MakeBookingResponseType>(
        rc, *op, envelope, status, [](object_arena& m, const crm10::mb__MakeBookingType& r) {
          auto* out = to_crm11(m, r);
          // 1.1 requires the names 1.0 cannot carry; the simulator does not check them.
          if (!out->subject_USCOREof_USCOREcare_USCOREinfo) {
            out->subject_USCOREof_USCOREcare_USCOREinfo = m.make<crm11::crm__SubjectOfCareType>();
          }
          auto* info = out->subject_USCOREof_USCOREcare_USCOREinfo;
          if (info->crmx__firstName.empty()) info->crmx__firstName = "-";
          if (info->crmx__lastName.empty()) info->crmx__lastName = "-";
          return out;
        });
  }
  if (name == "UpdateBooking") {
    return relay<crm10::ub__UpdateBookingType, crm11::ub__UpdateBookingResponseType>(
        rc, *op, envelope, status, [](object_arena& m, const auto& r) { return plain(m, r); });
  }
  if (name == "CancelBooking") {
    return relay<crm10::cb__CancelBookingType, crm11::cb__CancelBookingResponseType>(
        rc, *op, envelope, status, [](object_arena& m, const auto& r) { return plain(m, r); });
  }
  if (name == "GetAvailableDates") {
    return relay<crm10::gad__GetAvailableDatesType, crm11::gad__GetAvailableDatesResponseType>(
        rc, *op, envelope, status, [&](object_arena& m, const auto& r) { return to_crm11(m, r, subject); });
  }
  if (name == "GetAvailableTimeslots") {
    return relay<crm10::gat__GetAvailableTimeslotsType, crm11::gat__GetAvailableTimeslotsResponseType>(
        rc, *op, envelope, status, [&](object_arena& m, const auto& r) { return to_crm11(m, r, subject); });
  }
  if (name == "GetAllTimeTypes") {
    return relay<crm10::gtt__GetAllTimeTypesType, crm11::gtt__GetAllTimeTypesResponseType>(
        rc, *op, envelope, status, [&](object_arena& m, const auto& r) { return to_crm11(m, r, subject); });
  }
  // GetCancelledAndRebooked: expired in 1.1, and nothing uses it.
  return client_fault(status, "This producer does not offer " + name);
}

}  // namespace tidnav::adapters::bridge::sim
