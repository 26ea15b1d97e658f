// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/ei/ei_codec.hpp"

#include "contracts/envelope_codec.hpp"
#include "contracts/namespaces.hpp"
#include "contracts/operation_registry.hpp"
#define WITH_NOGLOBAL
#include "ei1H.h"

namespace tidnav::ei {
namespace {

using contracts::family;

const contracts::operation& op_of(ei_operation op) {
  static const contracts::operation* const ops[] = {
      contracts::find_operation(family::ei1, "Update"),
      contracts::find_operation(family::ei1, "FindContent"),
      contracts::find_operation(family::ei1, "ProcessNotification"),
  };
  return *ops[static_cast<int>(op)];
}

contracts::soap_context& reader() {
  thread_local contracts::soap_context ctx(contracts::namespaces_of(family::ei1));
  return ctx;
}

// Writing declares only the namespaces the operation uses (the registry's
// trimmed table), as every other writer in tidnav does.
contracts::soap_context& writer_for(ei_operation op) {
  thread_local contracts::soap_context ctx(contracts::namespaces_of(family::ei1));
  soap_set_namespaces(ctx.get(), op_of(op).write_namespaces.data());
  return ctx;
}

std::optional<std::string> present(const std::string* s) {
  if (!s || s->empty()) return std::nullopt;
  return *s;
}

engagement to_domain(const ei1::ei__EngagementType& in) {
  engagement e;
  e.registered_resident_identification = in.registeredResidentIdentification;
  e.service_domain = in.serviceDomain;
  e.categorization = in.categorization;
  e.logical_address = in.logicalAddress;
  e.business_object_instance_identifier = in.businessObjectInstanceIdentifier;
  e.clinical_process_interest_id = in.clinicalProcessInterestId;
  e.most_recent_content = present(in.mostRecentContent);
  e.source_system = in.sourceSystem;
  e.creation_time = present(in.creationTime);
  e.update_time = present(in.updateTime);
  e.data_controller = in.dataController;
  e.owner = present(in.owner);
  return e;
}

// `e` must outlive `out`: the optional fields are pointed to, not copied.
void to_wire(engagement& e, ei1::ei__EngagementType& out) {
  auto ptr = [](std::optional<std::string>& v) { return v ? &*v : nullptr; };
  out.registeredResidentIdentification = e.registered_resident_identification;
  out.serviceDomain = e.service_domain;
  out.categorization = e.categorization;
  out.logicalAddress = e.logical_address;
  out.businessObjectInstanceIdentifier = e.business_object_instance_identifier;
  out.clinicalProcessInterestId = e.clinical_process_interest_id;
  out.mostRecentContent = ptr(e.most_recent_content);
  out.sourceSystem = e.source_system;
  out.creationTime = ptr(e.creation_time);
  out.updateTime = ptr(e.update_time);
  out.dataController = e.data_controller;
  out.owner = ptr(e.owner);
}

template <class Body>
std::string read_transactions(ei_operation op, std::string_view xml, decoded_transactions& out) {
  contracts::soap_context& ctx = reader();
  Body body;
  contracts::soap_headers headers;
  contracts::codec_error err;
  if (!contracts::read_envelope(ctx, xml, body, op_of(op).request_tag.c_str(), &headers, err)) {
    ctx.clear();
    return err.message;
  }
  out.logical_address = headers.logical_address;
  out.transactions.clear();
  out.transactions.reserve(body.engagementTransaction.size());
  std::string problem;
  for (std::size_t i = 0; i < body.engagementTransaction.size(); ++i) {
    const auto* t = body.engagementTransaction[i];
    if (!t || !t->engagement) {
      problem = "engagementTransaction #" + std::to_string(i + 1) + " has no engagement";
      break;
    }
    out.transactions.push_back({t->deleteFlag, to_domain(*t->engagement)});
  }
  ctx.clear();
  return problem;
}

template <class Body>
std::string write_body(ei_operation op, const Body& body, bool request, const contracts::soap_headers* headers,
                       std::string& error) {
  contracts::soap_context& ctx = writer_for(op);
  const auto& o = op_of(op);
  contracts::codec_error err;
  std::string xml =
      contracts::write_envelope(ctx, body, (request ? o.request_tag : o.response_tag).c_str(), headers, err);
  ctx.clear();
  error = err ? err.message : std::string();
  return xml;
}

ei1::ei__ResultCodeEnum wire_code(result_code c) {
  switch (c) {
    case result_code::ok: return ei1::ei__ResultCodeEnum::OK;
    case result_code::error: return ei1::ei__ResultCodeEnum::ERROR;
    case result_code::info: return ei1::ei__ResultCodeEnum::INFO;
  }
  return ei1::ei__ResultCodeEnum::ERROR;
}

template <class Response>
std::string write_result(ei_operation op, result_code code, const std::optional<std::string>& comment,
                         std::string& error) {
  Response r;
  r.ResultCode = wire_code(code);
  std::string text = comment.value_or("");
  r.comment = comment ? &text : nullptr;
  return write_body(op, r, false, nullptr, error);
}

}  // namespace

std::string_view operation_name(ei_operation op) noexcept {
  switch (op) {
    case ei_operation::update: return "Update";
    case ei_operation::find_content: return "FindContent";
    case ei_operation::process_notification: return "ProcessNotification";
  }
  return "";
}

std::string_view soap_action_of(ei_operation op) noexcept { return op_of(op).soap_action; }

std::string_view responder_namespace(ei_operation op) noexcept { return op_of(op).responder_ns; }

std::string read_update(std::string_view envelope, decoded_transactions& out) {
  return read_transactions<ei1::eiu__UpdateType>(ei_operation::update, envelope, out);
}

std::string read_notification(std::string_view envelope, decoded_transactions& out) {
  return read_transactions<ei1::eipn__ProcessNotificationType>(ei_operation::process_notification, envelope, out);
}

std::string read_find(std::string_view envelope, decoded_find& out) {
  contracts::soap_context& ctx = reader();
  ei1::eif__FindContentType body;
  contracts::soap_headers headers;
  contracts::codec_error err;
  if (!contracts::read_envelope(ctx, envelope, body, op_of(ei_operation::find_content).request_tag.c_str(), &headers,
                                err)) {
    ctx.clear();
    return err.message;
  }
  out.logical_address = headers.logical_address;
  find_query& q = out.query;
  q.registered_resident_identification = body.registeredResidentIdentification;
  q.service_domain = body.serviceDomain;
  q.categorization = present(body.categorization);
  q.logical_address = present(body.logicalAddress);
  q.business_object_instance_identifier = present(body.businessObjectInstanceIdentifier);
  q.clinical_process_interest_id = present(body.clinicalProcessInterestId);
  q.most_recent_content = present(body.mostRecentContent);
  q.source_system = present(body.sourceSystem);
  q.data_controller = present(body.dataController);
  q.owner = present(body.owner);
  ctx.clear();
  return {};
}

std::string write_update_response(result_code code, const std::optional<std::string>& comment, std::string& error) {
  return write_result<ei1::eiu__UpdateResponseType>(ei_operation::update, code, comment, error);
}

std::string write_notification_response(result_code code, const std::optional<std::string>& comment,
                                        std::string& error) {
  return write_result<ei1::eipn__ProcessNotificationResponseType>(ei_operation::process_notification, code,
                                                                  comment, error);
}

std::string write_find_response(std::span<const engagement> found, std::string& error) {
  std::vector<engagement> values(found.begin(), found.end());
  std::vector<ei1::ei__EngagementType> wire(values.size());
  ei1::eif__FindContentResponseType r;
  r.engagement.reserve(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    to_wire(values[i], wire[i]);
    r.engagement.push_back(&wire[i]);
  }
  return write_body(ei_operation::find_content, r, false, nullptr, error);
}

namespace {

// Update and ProcessNotification requests have the same shape (a list of
// engagementTransaction) under different responder namespaces.
template <class Request>
std::string write_transactions_request(ei_operation op, std::string_view logical_address,
                                       std::span<const engagement_transaction> transactions, std::string& error) {
  std::vector<engagement> values;
  values.reserve(transactions.size());
  for (const auto& t : transactions) values.push_back(t.record);
  std::vector<ei1::ei__EngagementType> wire(values.size());
  std::vector<ei1::ei__EngagementTransactionType> wire_tx(values.size());
  Request r;
  r.engagementTransaction.reserve(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    to_wire(values[i], wire[i]);
    wire_tx[i].deleteFlag = transactions[i].delete_flag;
    wire_tx[i].engagement = &wire[i];
    r.engagementTransaction.push_back(&wire_tx[i]);
  }
  contracts::soap_headers headers;
  headers.logical_address = std::string(logical_address);
  return write_body(op, r, true, &headers, error);
}

// Whether a receiver took the message: HTTP 200 and ResultCode OK or INFO.
template <class Response>
bool transactions_accepted(ei_operation op, int http_status, std::string_view body, std::string& detail) {
  contracts::soap_context& ctx = reader();
  Response r;
  contracts::codec_error err;
  const bool read = contracts::read_envelope(ctx, body, r, op_of(op).response_tag.c_str(), nullptr, err);
  bool ok = false;
  if (!read) {
    detail = "HTTP " + std::to_string(http_status) + ": " +
             (err.what == contracts::codec_error::kind::fault ? err.fault_string : err.message);
  } else {
    const std::string comment = r.comment ? *r.comment : "";
    ok = http_status == 200 && r.ResultCode != ei1::ei__ResultCodeEnum::ERROR;
    detail = ok ? comment
                : "HTTP " + std::to_string(http_status) + ", ResultCode " +
                      (r.ResultCode == ei1::ei__ResultCodeEnum::ERROR ? "ERROR" : "OK") +
                      (comment.empty() ? "" : ": " + comment);
  }
  ctx.clear();
  return ok;
}

}  // namespace

std::string write_notification_request(std::string_view logical_address,
                                       std::span<const engagement_transaction> transactions, std::string& error) {
  return write_transactions_request<ei1::eipn__ProcessNotificationType>(ei_operation::process_notification,
                                                                        logical_address, transactions, error);
}

std::string write_update_request(std::string_view logical_address,
                                 std::span<const engagement_transaction> transactions, std::string& error) {
  return write_transactions_request<ei1::eiu__UpdateType>(ei_operation::update, logical_address, transactions, error);
}

bool notification_accepted(int http_status, std::string_view body, std::string& detail) {
  return transactions_accepted<ei1::eipn__ProcessNotificationResponseType>(ei_operation::process_notification,
                                                                           http_status, body, detail);
}

bool update_accepted(int http_status, std::string_view body, std::string& detail) {
  return transactions_accepted<ei1::eiu__UpdateResponseType>(ei_operation::update, http_status, body, detail);
}

}  // namespace tidnav::ei
