// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/host/soap_service.hpp"

#include "adapters/core/crm11_frontend.hpp"
#include "adapters/core/sched2_frontend.hpp"
#include "adapters/core/swedish_time.hpp"
#include "contracts/envelope_codec.hpp"
#include "contracts/namespaces.hpp"
#include "contracts/operation_registry.hpp"
#include "contracts/soap_fault.hpp"
#include "hub/core/envelope_sniffer.hpp"
#define WITH_NOGLOBAL
#include "mon1H.h"

namespace tidnav::adapters::host {
namespace {

constexpr std::string_view sched2_prefix = "urn:riv:supportprocess:logistics:scheduling:";
constexpr std::string_view crm_prefix = "urn:riv:crm:scheduling:";
constexpr std::string_view ping_ns = "urn:riv:itintegration:monitoring:PingForConfigurationResponder:1";

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

producer_reply client_fault(std::string text) { return {500, contracts::make_soap_fault(true, text)}; }

std::string_view unquote(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  return s;
}

}  // namespace

soap_service::soap_service(booking_system& system, const unit_table& units, service_options options,
                           idempotency_store* writes, id_directory* ids)
    : system_(system), units_(units), options_(std::move(options)), writes_(writes), ids_(ids) {}

service_reply soap_service::handle(std::string_view soap_action, std::string_view envelope,
                                   const std::string& consumer, deadline until) const {
  service_reply out;
  // The SOAPAction is <responder namespace>:<operation>; without one, the Body says.
  std::string ns;
  const std::string_view action = unquote(soap_action);
  if (const auto colon = action.rfind(':'); !action.empty() && colon != std::string_view::npos) {
    ns = std::string(action.substr(0, colon));
    out.operation = std::string(action.substr(colon + 1));
  } else {
    auto sniffed = core::sniff_envelope(envelope);
    if (!sniffed) {
      out.reply = client_fault("Not a readable SOAP request: " + sniffed.error().detail);
      return out;
    }
    if (!sniffed.value().contract_namespace) {
      out.reply = client_fault("The SOAP Body is empty");
      return out;
    }
    ns = *sniffed.value().contract_namespace;
    out.operation = sniffed.value().operation;
  }

  call_info call;
  call.consumer = consumer;
  call.until = until;
  call.writes = writes_;
  call.ids = ids_;
  if (starts_with(ns, sched2_prefix)) {
    out.family = "scheduling-2.0";
    out.reply = options_.sched2 ? handle_sched2(system_, units_, envelope, call)
                                : client_fault("This adapter does not serve scheduling 2.0 (" + ns + ")");
  } else if (starts_with(ns, crm_prefix)) {
    out.family = "crm-scheduling-1.1";
    out.reply = options_.crm11 ? handle_crm11(system_, units_, envelope, call)
                               : client_fault("This adapter does not serve crm:scheduling 1.1 (" + ns + ")");
  } else if (ns == ping_ns) {
    // Answered without reading the body: the platform's own pings send it
    // without its two "mandatory" elements.
    out.family = "ping";
    out.reply = ping();
  } else {
    out.reply = client_fault("Unknown contract " + ns + ": this adapter serves scheduling 2.0, "
                             "crm:scheduling 1.1 and PingForConfiguration");
  }
  return out;
}

producer_reply soap_service::ping() const {
  const contracts::operation* op = contracts::find_operation(contracts::family::mon1, "PingForConfiguration");
  if (!op) return {500, contracts::make_soap_fault(false, "PingForConfiguration is not available")};
  thread_local contracts::soap_context ctx(contracts::namespaces_of(contracts::family::mon1));
  soap_set_namespaces(ctx.get(), op->write_namespaces.data());
  mon1::pfc__PingForConfigurationResponseType r;
  r.version = options_.version;
  r.pingDateTime = instant_to_ts(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  std::string families;
  if (options_.sched2) families = "scheduling-2.0";
  if (options_.crm11) families += std::string(families.empty() ? "" : ",") + "crm-scheduling-1.1";
  mon1::pfc__ConfigurationType items[4];
  const std::pair<std::string, std::string> values[4] = {
      {"name", options_.name}, {"system", options_.system}, {"families", families},
      {"units", std::to_string(units_.entries().size())}};
  for (int i = 0; i < 4; ++i) {
    items[i].name = values[i].first;
    items[i].value = values[i].second;
    r.configuration.push_back(&items[i]);
  }
  contracts::codec_error err;
  std::string xml = contracts::write_envelope(ctx, r, op->response_tag.c_str(), nullptr, err);
  ctx.clear();
  if (err) return {500, contracts::make_soap_fault(false, "PingForConfiguration answer: " + err.message)};
  return {200, std::move(xml)};
}

}  // namespace tidnav::adapters::host
