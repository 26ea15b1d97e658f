// SPDX-License-Identifier: GPL-2.0-or-later
// One authenticated Millennium call: an OAuth2 client-credentials token
// (HTTP Basic, cached until `token_margin` before it expires, renewed once
// after a 401), FHIR JSON in and out, a non-2xx answer classified by
// error_map, and searches that follow Bundle `next` links. The booking system
// above it only says what to ask.
#pragma once

#include "adapters/core/booking_error.hpp"
#include "adapters/fhir/bearer_session.hpp"
#include "adapters/fhir/encoding.hpp"
#include "adapters/millennium/error_map.hpp"
#include "adapters/millennium/http_transport.hpp"
#include "adapters/millennium/millennium_options.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace tidnav::adapters::millennium {

// Percent-encodes a query parameter value (RFC 3986 unreserved kept).
using fhir::url_encode;
using fhir::base64;

struct fhir_answer {
  nlohmann::json body;   // {} when the answer had no body
  std::string etag;      // ETag header, e.g. W/"3"
  std::string location;  // Location header (after a create)
};

class millennium_client {
 public:
  millennium_client(millennium_options options, http_transport& transport);

  // `path_query` is relative to base_url ("/Slot?..."). `content_type` is the
  // body's (FHIR JSON, or JSON Patch for PATCH); `if_match` is sent when non-empty.
  booking_result<fhir_answer> call(call_kind kind, std::string_view method, std::string_view path_query,
                                   const nlohmann::json* body, deadline until,
                                   std::string_view content_type = "application/fhir+json",
                                   std::string_view if_match = {});

  // Every resource of `type` over all pages of a searchset (following `next`,
  // never building page URLs ourselves), at most options.max_pages pages.
  booking_result<std::vector<nlohmann::json>> search(call_kind kind, std::string_view path_query,
                                                     std::string_view type, deadline until);

  const millennium_options& options() const { return options_; }

 private:
  booking_result<fhir_answer> call_url(call_kind kind, std::string_view method, const std::string& url,
                                       const nlohmann::json* body, deadline until, std::string_view content_type,
                                       std::string_view if_match);

  millennium_options options_;
  fhir::bearer_session session_;  // HTTP Basic system account
};

}  // namespace tidnav::adapters::millennium
