// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/producer_settings.hpp"

#include "hub/core/hsa_id.hpp"

namespace tidnav::core {

bool producer_tls_override::matches(std::string_view host_name, std::uint16_t target_port) const noexcept {
  if (host.empty() && host_suffix.empty() && !port) return false;
  if (!host.empty() && !iequals(host, host_name)) return false;
  if (!host_suffix.empty()) {
    if (host_name.size() < host_suffix.size() ||
        !iequals(host_name.substr(host_name.size() - host_suffix.size()), host_suffix)) {
      return false;
    }
  }
  return !port || *port == target_port;
}

std::chrono::milliseconds producer_settings::timeout_for(std::string_view contract) const noexcept {
  for (const auto& t : timeouts) {
    if (t.contract == contract) return t.timeout;
  }
  return default_timeout;
}

producer_tls producer_settings::tls_for(std::string_view host, std::uint16_t port) const {
  producer_tls out = tls;
  for (const auto& o : tls_overrides) {
    if (!o.matches(host, port)) continue;
    if (o.ca) out.ca = *o.ca;
    if (o.cert) out.cert = *o.cert;
    if (o.key) out.key = *o.key;
    if (o.sni) out.sni = *o.sni;
    if (o.verify_hostname) out.verify_hostname = *o.verify_hostname;
    break;
  }
  return out;
}

}  // namespace tidnav::core
