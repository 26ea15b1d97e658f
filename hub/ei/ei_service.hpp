// SPDX-License-Identifier: GPL-2.0-or-later
// The engagement index as a producer: one SOAP request in, one answer out.
// The hub routes `local:ei` here after authorising the consumer, exactly as
// it would forward to a remote producer.
//
// Answers:
//   - 200 + UpdateResponse/ProcessNotificationResponse with ResultCode OK, or
//     INFO and a comment when some notified posts were skipped as our own;
//   - 200 + FindContentResponse;
//   - 500 + SOAP fault "EIxxx: text" for every refused request (Client) and
//     for storage failures (Server, EI000). Every problem found is listed in
//     the fault detail, one per line; the fault string names the first.
// Update is committed durably before OK is answered.
#pragma once

#include "hub/ei/ei_codec.hpp"
#include "hub/ei/ei_counters.hpp"
#include "hub/ei/engagement_store.hpp"
#include "hub/ei/subscriber.hpp"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tidnav::contracts {
class schema_validator;
}

namespace tidnav::ei {

struct call_context {
  std::string consumer_hsa_id;               // from the caller's certificate
  std::string logical_address;               // the address the call was routed on ("" = read the header)
  std::string platform_hsa_id = "5565594230";  // this index's own HSA-id: owner of posts it receives first
};

struct producer_reply {
  int http_status = 200;
  std::string body;
};

struct ei_config {
  std::vector<std::string> alternative_hsa_ids;  // other addresses Update may be sent to
  std::vector<std::string> reserved_hsa_ids;     // refused as logicalAddress/sourceSystem, besides the platform's id
  std::vector<subscriber> subscribers;           // told about every change they filter for
  std::size_t max_transactions = 1000;
  // Validate requests against schemas/ before reading them (EI001 with line
  // numbers). Off by default: the generated reader already refuses messages
  // it cannot map, and libxml2 validation costs more than the rest together.
  bool validate_schema = false;
  std::string schema_root;  // "" = contracts::default_schema_root()
  std::function<std::chrono::system_clock::time_point()> clock;  // null = system_clock::now
};

class ei_service {
 public:
  ei_service(engagement_store& store, ei_config config);
  ~ei_service();
  ei_service(const ei_service&) = delete;
  ei_service& operator=(const ei_service&) = delete;

  // Called after a commit that enqueued notifications (the outbox worker's
  // wake()). Set before the first request.
  void on_enqueued(std::function<void()> callback) { on_enqueued_ = std::move(callback); }

  // Thread-safe; never throws.
  producer_reply handle(std::string_view soap_action_or_empty, std::string_view request_envelope,
                        const call_context& ctx);

  const ei_config& config() const { return config_; }

  // What this service has answered and committed since it was made.
  ei_counters& counters() { return counters_; }
  const ei_counters& counters() const { return counters_; }

 private:
  producer_reply dispatch(std::string_view soap_action_or_empty, std::string_view request_envelope,
                          const call_context& ctx, std::optional<ei_operation>& op);
  producer_reply update(std::string_view request, const call_context& ctx);
  producer_reply notification(std::string_view request, const call_context& ctx);
  producer_reply find_content(std::string_view request);
  std::chrono::system_clock::time_point now() const;

  engagement_store& store_;
  ei_config config_;
  std::function<void()> on_enqueued_;
  std::unique_ptr<contracts::schema_validator> validator_;
  ei_counters counters_;
};

}  // namespace tidnav::ei
