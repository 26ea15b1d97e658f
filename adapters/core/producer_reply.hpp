// SPDX-License-Identifier: GPL-2.0-or-later
// What a contract front-end hands back to the transport, and what it is told
// about the call. The transport (wired in tools/) is a plain function: bytes
// in, {status, bytes} out; adapters never see a socket.
#pragma once

#include "adapters/core/swedish_time.hpp"

#include <chrono>
#include <string>

namespace tidnav::adapters {

class idempotency_store;
class id_directory;

// adapters/demo declares its own tidnav::adapters::producer_reply (unsigned
// status); this inline namespace keeps the two distinct entities until the demo
// uses this header, instead of two definitions of one class (an ODR violation).
inline namespace core_v1 {

struct producer_reply {
  int http_status = 200;  // 200, or 500 with a SOAP fault
  std::string body;
};

}  // namespace core_v1

struct call_info {
  // HSA-id of the calling system (SERIALNUMBER of its certificate). Part of the
  // identity of a write: the same request from two consumers is two requests.
  std::string consumer;
  // Answer by then; passed on to the booking system.
  std::chrono::steady_clock::time_point until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  // "Now" for the front-end's own checks (no times in the past are listed).
  instant now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  // Remembers answers to writes so a repeated write is answered, not redone.
  // Null: no protection against repeats.
  idempotency_store* writes = nullptr;
  // 2.0 only: the way back from UUIDs to native ids (id_directory.hpp). Null:
  // only ids that are UUIDs already, or appointments found by listing, resolve.
  id_directory* ids = nullptr;
};

}  // namespace tidnav::adapters
