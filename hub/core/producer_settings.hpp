// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// How the hub talks to producers: timeouts per contract and TLS per target.
// Defaults are the platform's (connect 2 s, producer timeout 29 s) except
// hostname verification, which is on: the platform leaves it off only for
// backward compatibility.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tidnav::core {

/// timeoutconfig.json's producertimeout for one contract (exact namespace).
struct producer_timeout {
  std::string contract;
  std::chrono::milliseconds timeout{0};
};

/// Client TLS toward a producer, fully resolved.
struct producer_tls {
  std::string ca;    ///< trust anchors (PEM file); empty = system default
  std::string cert;  ///< client certificate (PEM file) presented to producers
  std::string key;
  std::string sni;   ///< empty = the URL's host
  bool verify_hostname = true;

  friend bool operator==(const producer_tls&, const producer_tls&) = default;
};

/// Changes to the default TLS for matching producers. Every matcher given
/// must match; the first matching override wins, as on the platform.
struct producer_tls_override {
  std::string host;         ///< exact host, case-insensitive
  std::string host_suffix;  ///< e.g. ".example.se", case-insensitive
  std::optional<std::uint16_t> port;

  std::optional<std::string> ca, cert, key, sni;
  std::optional<bool> verify_hostname;

  bool matches(std::string_view host_name, std::uint16_t target_port) const noexcept;
};

struct producer_settings {
  std::chrono::milliseconds connect_timeout{2'000};
  std::chrono::milliseconds default_timeout{29'000};
  std::vector<producer_timeout> timeouts;
  producer_tls tls;
  std::vector<producer_tls_override> tls_overrides;

  /// The contract's timeout, or default_timeout.
  std::chrono::milliseconds timeout_for(std::string_view contract) const noexcept;

  /// The default TLS with the first matching override applied.
  producer_tls tls_for(std::string_view host, std::uint16_t port) const;
};

}  // namespace tidnav::core
