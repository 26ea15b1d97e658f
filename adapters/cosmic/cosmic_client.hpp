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
#include "adapters/fhir/bearer_session.hpp"
#include "adapters/fhir/encoding.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace tidnav::adapters::cosmic {

// Percent-encodes a query parameter value (RFC 3986 unreserved kept, and ':'
// so instants stay readable in COS's logs).
inline std::string url_encode(std::string_view value) { return fhir::url_encode(value, ":"); }

class cosmic_client {
 public:
  cosmic_client(cosmic_options options, http_transport& transport);

  // `path_query` is relative to base_url ("/Slot/_search?..."). `patient`
  // fills the Patient header. A 2xx answer's JSON body, else a booking_error.
  booking_result<nlohmann::json> call(call_kind kind, std::string_view method, std::string_view path_query,
                                      const person_id* patient, const nlohmann::json* body, deadline until);

  const cosmic_options& options() const { return options_; }

 private:
  cosmic_options options_;
  fhir::bearer_session session_;  // client id and secret in the form body
};

}  // namespace tidnav::adapters::cosmic
