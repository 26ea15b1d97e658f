// SPDX-License-Identifier: GPL-2.0-or-later
// Where Cosmic (Cambio Open Services) is and how we identify ourselves to it.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace tidnav::adapters::cosmic {

struct cosmic_options {
  std::string base_url;   // FHIR base, e.g. https://cos.example/fhir (no trailing slash)
  std::string token_url;  // the COS identity provider's token endpoint
  std::string client_id;
  std::string client_secret;
  std::string scope;             // sent when non-empty, e.g. "system/Slot.r system/Appointment.cu"
  std::string subscription_key;  // API product key, sent on every call
  std::string subscription_header = "Ocp-Apim-Subscription-Key";
  // Per-day Slot searches in flight at once for one availability query.
  std::size_t parallel_searches = 8;
  // A token is renewed this long before it expires, so it never expires in flight.
  std::chrono::seconds token_margin{30};
};

}  // namespace tidnav::adapters::cosmic
