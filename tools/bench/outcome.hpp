// SPDX-License-Identifier: GPL-2.0-or-later
// What counts as a failed request in a load run, and under which kind it is reported.
#pragma once

#include <string>
#include <string_view>

#include "hub/net/http_client.hpp"

namespace tidnav::bench {

// Empty for a success (HTTP 200 whose Body is not a SOAP Fault). Otherwise one of
// "connect", "tls", "timeout", "transport", "http <status>", "soap fault (http <status>)":
// a VP fault from a hub arrives as HTTP 500 with a Fault body and is reported as such.
std::string classify(const net::client_result& r);

// True when the first element inside the SOAP Body is a Fault (any prefix). Reads only
// up to that element, so it costs little even for large answers.
bool is_soap_fault(std::string_view xml) noexcept;

}  // namespace tidnav::bench
