// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// In-process producers (the engagement index, the aggregating services) sit
// behind routes whose address is "local:<name>", so routing, authorisation,
// logging and metrics treat them exactly like remote producers. They answer
// with the same client_result a remote call produces.

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "hub/net/http_client.hpp"
#include "hub/net/http_types.hpp"

namespace tidnav::app {

struct local_call {
  std::string name;  ///< "ei" for "local:ei"
  std::string body;
  net::header_list headers;  ///< as a remote producer would receive them
  std::string sender;
  std::string original_consumer;
  std::string contract;
  std::string operation;
  std::string logical_address;
  std::string correlation_id;
  std::chrono::steady_clock::time_point deadline;
};

class local_producer {
 public:
  virtual ~local_producer() = default;
  /// Runs on an io thread: must not block. Call `done` exactly once, from any thread.
  virtual void call(local_call call, std::function<void(net::client_result)> done) = 0;
};

using local_producer_map = std::map<std::string, std::shared_ptr<local_producer>, std::less<>>;

}  // namespace tidnav::app
