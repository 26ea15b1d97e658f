// SPDX-License-Identifier: GPL-2.0-or-later
// What the hub logs for one consumer call and for each attempt at a producer.
// Strings are moved in by the caller; an empty string or an empty optional is
// left out of the JSON line. Never put a message payload here.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace tidnav::obs {

enum class call_event : std::uint8_t {
  call,              // one per consumer request, written when the answer has been sent
  producer_attempt,  // one per attempt at a producer (a retried call has two)
};

struct call_record {
  call_event event = call_event::call;
  // Left at the epoch, submit() stamps the time of submission.
  std::chrono::system_clock::time_point timestamp{};
  std::string correlation_id;
  std::string consumer;           // HSA-id from the client certificate
  std::string original_consumer;  // x-rivta-original-serviceconsumer-hsaid
  std::string contract;           // namespace of the Body's first child
  std::string operation;          // SOAPAction
  std::string logical_address;    // redacted when it holds a personnummer
  std::string riv_profile_in;     // "RIVTABP20" / "RIVTABP21"
  std::string riv_profile_out;
  std::string producer;           // URL
  std::string outcome;            // "ok", "producer_fault", "VP009", ...
  std::optional<int> http_status;
  std::optional<std::int64_t> hub_us;       // time spent in the hub itself
  std::optional<std::int64_t> producer_us;  // time waiting for the producer
  std::optional<int> attempts;
  std::optional<std::int64_t> request_bytes;
  std::optional<std::int64_t> response_bytes;
  std::optional<std::uint64_t> connection_id;
  std::string remote_ip;
  std::string tls_protocol;
  std::string detail;  // short error text; redacted like logical_address
};

}  // namespace tidnav::obs
