// SPDX-License-Identifier: GPL-2.0-or-later
// Reads and writes the engagement index's messages with the generated gSOAP
// serialisers (contracts/), converting to and from the plain types of
// engagement.hpp. No gSOAP type leaves this pair of files. Thread-safe: each
// thread uses its own gSOAP contexts.
#pragma once

#include "hub/ei/engagement.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tidnav::ei {

enum class ei_operation { update, find_content, process_notification };

std::string_view operation_name(ei_operation op) noexcept;  // "Update"
std::string_view soap_action_of(ei_operation op) noexcept;  // the responder namespace + ":" + name
std::string_view responder_namespace(ei_operation op) noexcept;

struct decoded_transactions {
  std::optional<std::string> logical_address;  // header, when present
  std::vector<engagement_transaction> transactions;
};

struct decoded_find {
  std::optional<std::string> logical_address;
  find_query query;
};

// Each returns "" on success, else why the message does not fit the contract.
// Empty optional elements read as absent.
std::string read_update(std::string_view envelope, decoded_transactions& out);
std::string read_notification(std::string_view envelope, decoded_transactions& out);
std::string read_find(std::string_view envelope, decoded_find& out);

enum class result_code { ok, error, info };

// Responses, without SOAP headers. Empty string + `error` when gSOAP fails.
std::string write_update_response(result_code code, const std::optional<std::string>& comment, std::string& error);
std::string write_notification_response(result_code code, const std::optional<std::string>& comment,
                                        std::string& error);
std::string write_find_response(std::span<const engagement> found, std::string& error);

// The ProcessNotification request the outbox sends to one subscriber.
std::string write_notification_request(std::string_view logical_address,
                                       std::span<const engagement_transaction> transactions, std::string& error);

// The Update request a source system sends to an index (the adapters' EI
// outbox, adapters/host): the same transactions, under Update's namespace.
std::string write_update_request(std::string_view logical_address,
                                 std::span<const engagement_transaction> transactions, std::string& error);

// For the hub's notification_sender: whether a subscriber's answer means the
// notification was taken (HTTP 200 with ResultCode OK or INFO). `detail`
// says why not, or carries the INFO comment.
bool notification_accepted(int http_status, std::string_view body, std::string& detail);

// The same for an Update answer (HTTP 200 with ResultCode OK or INFO).
bool update_accepted(int http_status, std::string_view body, std::string& detail);

}  // namespace tidnav::ei
