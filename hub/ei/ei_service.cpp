// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/ei/ei_service.hpp"

#include "contracts/schema_validator.hpp"
#include "contracts/soap_fault.hpp"
#include "hub/core/envelope_sniffer.hpp"
#include "hub/core/hsa_id.hpp"
#include "hub/ei/ei_codec.hpp"
#include "hub/ei/identity.hpp"
#include "hub/ei/timestamp.hpp"
#include "hub/ei/validation.hpp"

#include <exception>

namespace tidnav::ei {
namespace {

// A batch of 1000 bad posts must not produce a megabyte of fault detail.
constexpr std::size_t max_listed_problems = 100;

producer_reply fault(bool client, const std::vector<problem>& problems) {
  std::string text = problems.front().describe();
  if (problems.size() > 1) text += " (and " + std::to_string(problems.size() - 1) + " more, see detail)";
  std::string detail;
  for (std::size_t i = 0; i < problems.size() && i < max_listed_problems; ++i) {
    detail += problems[i].describe();
    detail += '\n';
  }
  if (problems.size() > max_listed_problems) {
    detail += "... " + std::to_string(problems.size() - max_listed_problems) + " more not listed\n";
  }
  return {500, contracts::make_soap_fault(client, text, detail)};
}

producer_reply fault(bool client, ei_error code, std::string text) {
  return fault(client, std::vector<problem>{{code, std::move(text)}});
}

producer_reply technical(const std::string& why) { return fault(false, ei_error::ei000, "technical error: " + why); }

producer_reply answer(std::string body, const std::string& write_error) {
  if (body.empty()) return technical("the answer could not be written: " + write_error);
  return {200, std::move(body)};
}

std::string_view unquote(std::string_view action) {
  action = core::trim_ascii(action);
  if (action.size() >= 2 && action.front() == '"' && action.back() == '"') action = action.substr(1, action.size() - 2);
  return action;
}

validation_policy policy_for(const ei_config& config, const call_context& ctx) {
  validation_policy p;
  p.own_hsa_id = ctx.platform_hsa_id;
  p.alternative_hsa_ids = config.alternative_hsa_ids;
  p.reserved_hsa_ids = config.reserved_hsa_ids;
  p.reserved_hsa_ids.push_back(ctx.platform_hsa_id);
  p.max_transactions = config.max_transactions;
  return p;
}

std::string skipped_comment(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " post hoppades över" : " poster hoppades över") +
         ": ägaren är denna instans.";
}

}  // namespace

ei_service::ei_service(engagement_store& store, ei_config config) : store_(store), config_(std::move(config)) {
  if (config_.validate_schema) {
    validator_ = std::make_unique<contracts::schema_validator>(
        config_.schema_root.empty() ? contracts::default_schema_root() : config_.schema_root);
  }
}

ei_service::~ei_service() = default;

std::chrono::system_clock::time_point ei_service::now() const {
  return config_.clock ? config_.clock() : std::chrono::system_clock::now();
}

producer_reply ei_service::handle(std::string_view soap_action_or_empty, std::string_view request,
                                  const call_context& ctx) {
  std::optional<ei_operation> op;
  producer_reply reply = dispatch(soap_action_or_empty, request, ctx, op);
  if (reply.http_status != 200 || !op) {
    counters_.refused();
  } else if (*op == ei_operation::update) {
    counters_.update_answered();
  } else if (*op == ei_operation::process_notification) {
    counters_.notification_answered();
  } else {
    counters_.find_content_answered();
  }
  return reply;
}

producer_reply ei_service::dispatch(std::string_view soap_action_or_empty, std::string_view request,
                                    const call_context& ctx, std::optional<ei_operation>& op) {
  try {
    auto sniffed = core::sniff_envelope(request);
    if (!sniffed) {
      return fault(true, ei_error::ei001, "the request is not a readable SOAP envelope: " + sniffed.error().detail);
    }
    const core::envelope_info& info = sniffed.value();
    const std::string ns = info.contract_namespace.value_or("");
    for (ei_operation candidate :
         {ei_operation::update, ei_operation::find_content, ei_operation::process_notification}) {
      if (ns == responder_namespace(candidate) && info.operation == operation_name(candidate)) op = candidate;
    }
    if (!op) {
      return fault(true, ei_error::ei000,
                   "the engagement index offers Update, FindContent and ProcessNotification, not {" + ns + "}" +
                       info.operation);
    }
    const std::string_view action = unquote(soap_action_or_empty);
    if (!action.empty() && action != soap_action_of(*op)) {
      return fault(true, ei_error::ei000,
                   "SOAPAction " + std::string(action) + " does not match the " +
                       std::string(operation_name(*op)) + " request in the body");
    }
    if (validator_) {
      const auto issues = validator_->validate_envelope(request, contracts::family::ei1);
      if (!issues.empty()) {
        std::vector<problem> problems;
        for (const auto& i : issues) {
          problems.push_back({ei_error::ei001, "line " + std::to_string(i.line) + ": " + i.message});
        }
        return fault(true, problems);
      }
    }
    switch (*op) {
      case ei_operation::update: return update(request, ctx);
      case ei_operation::process_notification: return notification(request, ctx);
      case ei_operation::find_content: return find_content(request);
    }
    return technical("unreachable");
  } catch (const std::exception& e) {
    return technical(e.what());
  } catch (...) {
    return technical("unknown exception");
  }
}

producer_reply ei_service::update(std::string_view request, const call_context& ctx) {
  decoded_transactions in;
  if (auto why = read_update(request, in); !why.empty()) {
    return fault(true, ei_error::ei001, "the Update does not follow the schema: " + why);
  }
  const std::string address = ctx.logical_address.empty() ? in.logical_address.value_or("") : ctx.logical_address;
  const auto problems = validate_update(address.empty() ? std::nullopt : std::optional<std::string_view>(address),
                                        in.transactions, policy_for(config_, ctx));
  if (!problems.empty()) return fault(true, problems);

  const auto t = now();
  update_batch batch;
  batch.origin = change_origin::update;
  batch.now_ts = stockholm_ts(t);
  batch.now_ms = to_unix_ms(t);
  batch.subscribers = config_.subscribers;
  batch.items.reserve(in.transactions.size());
  for (auto& tx : in.transactions) {
    // The index that first receives a post owns it and keeps its times; what a
    // source system sends in these fields is not its to set.
    tx.record.owner = ctx.platform_hsa_id;
    tx.record.creation_time.reset();
    tx.record.update_time.reset();
    batch.items.push_back({std::move(tx), {}});
  }
  const apply_result result = store_.apply_update(batch);
  counters_.committed(result.outcomes);
  if (result.notifications > 0 && on_enqueued_) on_enqueued_();
  std::string error;
  return answer(write_update_response(result_code::ok, std::nullopt, error), error);
}

producer_reply ei_service::notification(std::string_view request, const call_context& ctx) {
  decoded_transactions in;
  if (auto why = read_notification(request, in); !why.empty()) {
    return fault(true, ei_error::ei001, "the ProcessNotification does not follow the schema: " + why);
  }
  const auto problems = validate_notification(in.transactions, policy_for(config_, ctx));
  if (!problems.empty()) return fault(true, problems);

  const auto t = now();
  update_batch batch;
  batch.origin = change_origin::notification;
  batch.now_ts = stockholm_ts(t);
  batch.now_ms = to_unix_ms(t);
  batch.subscribers = config_.subscribers;
  std::size_t skipped = 0;
  for (auto& tx : in.transactions) {
    // A post we own has been round the index network and back: storing it
    // again would restart the round (loop guard).
    if (core::iequals(tx.record.owner.value_or(""), ctx.platform_hsa_id)) {
      ++skipped;
      continue;
    }
    // Another index owns the post now; our own copy of it, if any, goes.
    std::string ours = engagement_id_with_owner(tx.record, ctx.platform_hsa_id);
    batch.items.push_back({std::move(tx), std::move(ours)});
  }
  if (!batch.items.empty()) {
    const apply_result result = store_.apply_update(batch);
    counters_.committed(result.outcomes);
    if (result.notifications > 0 && on_enqueued_) on_enqueued_();
  }
  std::string error;
  if (skipped == 0) return answer(write_notification_response(result_code::ok, std::nullopt, error), error);
  return answer(write_notification_response(result_code::info, skipped_comment(skipped), error), error);
}

producer_reply ei_service::find_content(std::string_view request) {
  decoded_find in;
  if (auto why = read_find(request, in); !why.empty()) {
    return fault(true, ei_error::ei001, "the FindContent does not follow the schema: " + why);
  }
  if (const auto problems = validate_find(in.query); !problems.empty()) return fault(true, problems);
  const auto found = store_.find(in.query);
  std::string error;
  return answer(write_find_response(found, error), error);
}

}  // namespace tidnav::ei
