// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/net/client_error.hpp"

#include <string>

namespace tidnav::net {
namespace {

class client_category_impl final : public std::error_category {
 public:
  const char* name() const noexcept override { return "tidnav.net.client"; }
  std::string message(int ev) const override {
    switch (static_cast<client_errc>(ev)) {
      case client_errc::invalid_url: return "invalid producer URL";
      case client_errc::resolve_failed: return "host name resolution failed";
      case client_errc::connect_failed: return "connection failed";
      case client_errc::connect_timeout: return "connect timed out";
      case client_errc::tls_failed: return "TLS failure";
      case client_errc::write_failed: return "sending the request failed";
      case client_errc::read_failed: return "receiving the response failed";
      case client_errc::timeout: return "request timed out";
      case client_errc::response_too_large: return "response body too large";
      case client_errc::bad_response: return "malformed HTTP response";
      case client_errc::shutting_down: return "client is shutting down";
    }
    return "unknown client error";
  }
};

}  // namespace

const std::error_category& client_category() noexcept {
  static const client_category_impl cat;
  return cat;
}

std::error_code make_error_code(client_errc e) noexcept { return {static_cast<int>(e), client_category()}; }

}  // namespace tidnav::net
