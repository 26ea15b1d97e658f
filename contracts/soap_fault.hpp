// SPDX-License-Identifier: GPL-2.0-or-later
// SOAP 1.1 fault envelopes written by gSOAP's env module, for producers that
// have no typed context at hand. (The hub's VP faults are byte-exact copies of
// the national platform's and are rendered by hub/core/vp_error instead.)
#pragma once

#include <string>
#include <string_view>

namespace tidnav::contracts {

// `client` true: faultcode SOAP-ENV:Client (the request is wrong); false: Server.
std::string make_soap_fault(bool client, std::string_view fault_string, std::string_view detail = {});

}  // namespace tidnav::contracts
