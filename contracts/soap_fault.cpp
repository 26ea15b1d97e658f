// SPDX-License-Identifier: GPL-2.0-or-later
#include "contracts/soap_fault.hpp"

#include "contracts/envelope_codec.hpp"

namespace tidnav::contracts {

std::string make_soap_fault(bool client, std::string_view fault_string, std::string_view detail) {
  thread_local soap_context ctx(::namespaces);
  return write_fault(ctx, client, fault_string, detail);
}

}  // namespace tidnav::contracts
