// SPDX-License-Identifier: GPL-2.0-or-later
// The one way out of the engagement index: the hub implements this to deliver
// a ProcessNotification (over its routing and connection pools), so hub/ei
// itself needs no sockets.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace tidnav::ei {

struct outbound_notification {
  std::int64_t id = 0;          // outbox id: the same id may be sent again after a restart
  std::string logical_address;  // the subscriber; also in the envelope's LogicalAddress header
  std::string target;           // URL or route key from the subscriber's configuration
  std::string soap_action;      // ProcessNotification's SOAPAction, unquoted
  std::string envelope;         // the complete request
  int attempt = 1;              // 1 for the first try
  std::size_t transactions = 0;
};

class notification_sender {
 public:
  virtual ~notification_sender() = default;
  // Delivers asynchronously and calls `done` exactly once, from any thread
  // (also from inside send). ok = the subscriber took it: HTTP 200 and
  // ResultCode OK or INFO (ei_codec.hpp's notification_accepted decides that
  // from the answer). `done` may be called after the worker has stopped; it
  // is then ignored and the entry is sent again after the restart.
  virtual void send(const outbound_notification& n, std::function<void(bool ok, std::string detail)> done) = 0;
};

}  // namespace tidnav::ei
