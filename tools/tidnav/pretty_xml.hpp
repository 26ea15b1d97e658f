// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace tidnav::cli {

// Indented copy of `xml` for people; the input unchanged when it is not XML.
std::string pretty_xml(std::string_view xml);
// True when the SOAP Body's first child is a Fault.
bool is_soap_fault(std::string_view xml);

}  // namespace tidnav::cli
