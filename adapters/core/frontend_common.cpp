// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/core/frontend_common.hpp"

#include "adapters/core/outcome_texts.hpp"
#include "contracts/namespaces.hpp"
#include "contracts/soap_fault.hpp"
#include "hub/core/envelope_sniffer.hpp"

#include <array>

namespace tidnav::adapters::detail {
namespace {

contracts::soap_context& context(contracts::family fam, bool writing) {
  // gSOAP contexts are not thread-safe; one pair per thread and family.
  thread_local std::array<std::unique_ptr<contracts::soap_context>, 10> contexts;
  auto& slot = contexts[static_cast<std::size_t>(fam) * 2 + (writing ? 1 : 0)];
  if (!slot) slot = std::make_unique<contracts::soap_context>(contracts::namespaces_of(fam));
  return *slot;
}

}  // namespace

contracts::soap_context& read_context(contracts::family fam) { return context(fam, false); }
contracts::soap_context& write_context(contracts::family fam) { return context(fam, true); }

void use_write_namespaces(const contracts::operation& op) {
  soap_set_namespaces(write_context(op.fam).get(), op.write_namespaces.data());
}

located_operation locate(contracts::family fam, std::string_view envelope) {
  auto sniffed = core::sniff_envelope(envelope);
  if (!sniffed) return {nullptr, client_fault("Not a readable SOAP request", sniffed.error().detail)};
  const auto& info = sniffed.value();
  if (!info.contract_namespace) return {nullptr, client_fault("The SOAP Body is empty")};
  for (const auto* op : contracts::find_operations_by_namespace(*info.contract_namespace)) {
    if (op->fam == fam && op->name == info.operation) return {op, {}};
  }
  return {nullptr, client_fault("This producer does not offer " + info.operation + " in " + *info.contract_namespace)};
}

booking_result<availability_query> date_range(std::string_view start, std::string_view end) {
  const auto from = parse_dt(start);
  const auto to = parse_dt(end);
  if (!from || !to) return fail(business_code::invalid_request, "startDateInclusive/endDateInclusive is not a date");
  if (std::chrono::sys_days{*to} < std::chrono::sys_days{*from}) {
    return fail(business_code::invalid_request, "endDateInclusive is before startDateInclusive");
  }
  availability_query q;
  q.from = start_of_day(*from);
  q.to = start_of_day(std::chrono::year_month_day{std::chrono::sys_days{*to} + std::chrono::days{1}});
  return q;
}

producer_reply client_fault(std::string_view text, std::string_view detail) {
  return {500, contracts::make_soap_fault(true, text, detail)};
}

producer_reply server_fault(std::string_view text, std::string_view detail) {
  return {500, contracts::make_soap_fault(false, text, detail)};
}

producer_reply technical_fault(const booking_error& e) {
  return server_fault(fault_text(e.technical), e.detail);
}

}  // namespace tidnav::adapters::detail
