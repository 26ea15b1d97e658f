// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/conform/contract_client.hpp"

#include "contracts/operation_registry.hpp"

#include <chrono>
#include <stdexcept>

namespace tidnav::conform {
namespace {

contracts::family wire_family(contract_family f) {
  return f == contract_family::sched2 ? contracts::family::sched2 : contracts::family::crm11;
}

const contracts::operation& operation_of(contracts::family fam, std::string_view contract) {
  const auto* op = contracts::find_operation(fam, contract);
  if (!op) throw std::runtime_error("no operation " + std::string(contract) + " in our contract registry");
  return *op;
}

std::string canonical_request(const contracts::operation& op, const fields& body, const contracts::soap_headers& h) {
  std::string error;
  const std::string loose = contracts::build_loose_element(op.name, body, error);
  if (!error.empty()) throw std::runtime_error("cannot build " + op.name + ": " + error);
  contracts::codec_error err;
  std::string xml =
      op.canonicalize(contracts::message_kind::request, loose, contracts::input_form::loose_element, &h, err);
  if (err) throw std::runtime_error("cannot build " + op.name + ": " + err.message);
  return xml;
}

}  // namespace

contract_client::contract_client(soap_transport& transport, contract_family fam, std::string logical_address,
                                 std::string person, contracts::schema_validator& validator)
    : transport_(transport),
      family_(fam),
      logical_address_(std::move(logical_address)),
      person_(std::move(person)),
      validator_(validator) {}

std::string contract_client::build(std::string_view contract, const fields& body, const call_options& options) const {
  const auto& op = operation_of(wire_family(family_), contract);
  contracts::soap_headers h;
  h.logical_address = options.logical_address.value_or(logical_address_);
  if (family_ == contract_family::crm11) {
    h.actor = options.actor.value_or(contracts::actor_header{person_, "subject_of_care"});
  }
  return canonical_request(op, body, h);
}

answer contract_client::call(std::string_view contract, const fields& body, std::string purpose,
                             const call_options& options) {
  const auto& op = operation_of(wire_family(family_), contract);
  return send(wire_family(family_), contract, op.soap_action, build(contract, body, options), std::move(purpose),
              true);
}

answer contract_client::ping(std::string purpose) {
  const auto& op = operation_of(contracts::family::mon1, "PingForConfiguration");
  const auto& list = operation_of(wire_family(family_),
                                  family_ == contract_family::sched2 ? "GetAppointments" : "GetSubjectOfCareSchedule");
  contracts::soap_headers h;
  h.logical_address = logical_address_;
  const std::string envelope = canonical_request(
      op, {{"serviceContractNamespace", list.responder_ns}, {"logicalAddress", logical_address_}}, h);
  return send(contracts::family::mon1, op.name, op.soap_action, envelope, std::move(purpose), true);
}

answer contract_client::send_raw(std::string_view contract, std::string envelope, std::string purpose) {
  const auto& op = operation_of(wire_family(family_), contract);
  return send(wire_family(family_), contract, op.soap_action, std::move(envelope), std::move(purpose), false);
}

answer contract_client::send(contracts::family fam, std::string_view contract, const std::string& action,
                             std::string envelope, std::string purpose, bool validate) {
  if (on_call) on_call(contract, purpose);
  exchange ex;
  ex.contract = std::string(contract);
  ex.purpose = std::move(purpose);
  ex.request = std::move(envelope);
  const auto t0 = std::chrono::steady_clock::now();
  http_answer got = transport_.post(action, ex.request);
  ex.elapsed_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  ++calls_;
  ex.http_status = got.status;
  ex.response = std::move(got.body);
  ex.transport_error = std::move(got.error);
  if (ex.transport_error.empty() && ex.http_status == 0) ex.transport_error = "no HTTP status";
  answer a(std::move(ex));
  if (!validate) {
    history_.push_back(a);
    return a;
  }
  auto& rec = records_[a.contract()];
  if (a.got_http()) rec.elapsed_ms.push_back(a.ex().elapsed_ms);
  if (const std::string why = not_offered_reason(a); !why.empty() && !rec.answered) {
    rec.not_offered = why;
  }
  // Faults have no schema of ours; everything else that came back with 200 must validate.
  if (a.got_http() && a.ex().http_status == 200 && !a.is_fault()) {
    a.validated = true;
    if (!a.well_formed()) {
      a.schema_issues.push_back("the answer is not well-formed XML");
    } else {
      for (const auto& issue : validator_.validate_envelope(a.ex().response, fam)) {
        a.schema_issues.push_back("line " + std::to_string(issue.line) + ": " + issue.message);
      }
    }
    ++rec.validated;
    if (!a.schema_issues.empty()) {
      ++rec.invalid;
      if (!rec.first_invalid) {
        rec.first_invalid = a.ex();
        for (const auto& i : a.schema_issues) rec.first_invalid_issues += i + "\n";
      }
    }
  }
  if (a.usable()) {
    rec.answered = true;
    rec.not_offered.clear();
  }
  history_.push_back(a);
  return a;
}

bool contract_client::offered(std::string_view contract) const {
  const auto it = records_.find(contract);
  return it == records_.end() || it->second.not_offered.empty();
}

}  // namespace tidnav::conform
