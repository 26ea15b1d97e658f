// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Everything one request needs, frozen: the parsed configuration, the routing
// snapshot, compiled regexes and allow-lists, and the TLS contexts toward
// producers. A reload builds a whole new runtime off the request path and swaps
// one pointer (runtime_holder); a request keeps the runtime it started with,
// so it never sees half of an old and half of a new configuration.

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "hub/core/cidr.hpp"
#include "hub/core/hsa_id.hpp"
#include "hub/core/hub_config.hpp"
#include "hub/core/result.hpp"
#include "hub/core/routing_table.hpp"
#include "hub/core/sender_id.hpp"
#include "hub/core/snapshot_loader.hpp"
#include "hub/core/wsdl_catalog.hpp"
#include "hub/net/tls_context.hpp"

namespace tidnav::app {

/// A Java-style remove/keep pair: a name is dropped when it matches `remove`
/// and does not match `keep` (an empty pattern matches nothing).
struct header_filter {
  std::optional<std::regex> remove;
  std::optional<std::regex> keep;
  bool drops(std::string_view name) const;
};

class runtime {
 public:
  core::hub_config config;
  core::loaded_snapshot routing;  ///< routing.snapshot is never null
  core::sender_id_extractor sender_ids;
  core::cidr_list internal_callers;
  header_filter request_headers;
  header_filter response_headers;
  std::vector<std::string> original_consumer_allowed;  ///< normalised HSA-ids
  std::shared_ptr<const core::wsdl_catalog> wsdl;      ///< null when wsdl_dir is not set
  net::tls_context_ptr server_tls;                     ///< null without an https listener
  std::chrono::system_clock::time_point loaded_at;
  std::uint64_t generation = 0;

  /// The client TLS context for a producer at host:port (per-producer overrides
  /// applied). Built once per distinct setting and cached for this runtime's
  /// life; throws net::tls_error when the files are bad (they were checked at load).
  net::tls_context_ptr producer_tls(std::string_view host, std::uint16_t port) const;

  bool original_consumer_allowed_for(std::string_view sender) const;

  explicit runtime(core::sender_id_extractor x) : sender_ids(std::move(x)) {}

 private:
  mutable std::mutex tls_mutex_;
  mutable std::map<std::string, net::tls_context_ptr, std::less<>> tls_by_target_;
  mutable std::map<std::string, net::tls_context_ptr, std::less<>> tls_by_setting_;
};

using runtime_ptr = std::shared_ptr<const runtime>;

/// Reads the config file, then everything it points at, and builds a runtime.
/// Every error from every source is returned at once; nothing is half-applied.
core::result<runtime_ptr, std::vector<std::string>> load_runtime(const std::string& config_path, std::uint64_t generation);

/// The same from a parsed config (tests): files it names are still read.
core::result<runtime_ptr, std::vector<std::string>> build_runtime(core::hub_config cfg, std::uint64_t generation);

/// The one pointer requests read and reloads replace.
class runtime_holder {
 public:
  runtime_ptr get() const noexcept { return current_.load(std::memory_order_acquire); }
  void set(runtime_ptr r) noexcept { current_.store(std::move(r), std::memory_order_release); }

 private:
  std::atomic<runtime_ptr> current_;
};

}  // namespace tidnav::app
