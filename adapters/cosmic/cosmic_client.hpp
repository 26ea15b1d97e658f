// SPDX-License-Identifier: GPL-2.0-or-later
// One authenticated COS call: an OAuth2 client-credentials token (cached until
// shortly before it expires), the subscription key, the Patient header, JSON in
// and out, and a non-2xx answer classified by error_map. The booking system
// above it only says what to ask.
#pragma once

#include "adapters/core/booking_error.hpp"
#include "adapters/core/booking_model.hpp"
#include "adapters/cosmic/cosmic_options.hpp"
#include "adapters/cosmic/error_map.hpp"
#include "adapters/cosmic/http_transport.hpp"

#include <nlohmann/json.hpp>

#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace tidnav::adapters::cosmic {

// Percent-encodes a query parameter value (RFC 3986 unreserved kept).
std::string url_encode(std::string_view value);

class cosmic_client {
 public:
  cosmic_client(cosmic_options options, http_transport& transport);

  // `path_query` is relative to base_url ("/Slot/_search?..."). `patient`
  // fills the Patient header. A 2xx answer's JSON body, else a booking_error.
  booking_result<nlohmann::json> call(call_kind kind, std::string_view method, std::string_view path_query,
                                      const person_id* patient, const nlohmann::json* body, deadline until);

  const cosmic_options& options() const { return options_; }

 private:
  // A valid token, fetched when the cached one is missing or about to expire.
  booking_result<std::string> token(deadline until, const std::string& rejected = {});
  http_response send_once(std::string_view method, std::string_view path_query, const person_id* patient,
                          const std::string& body, const std::string& token, deadline until);

  cosmic_options options_;
  http_transport& transport_;
  std::mutex token_mutex_;  // one token fetch at a time; the others wait for it
  std::string token_;
  std::chrono::steady_clock::time_point token_expires_{};
};

}  // namespace tidnav::adapters::cosmic
