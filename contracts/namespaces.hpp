// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "contracts/codec_types.hpp"

struct Namespace;

namespace tidnav::contracts {

// The generated XML namespace table of a family (prefixes from typemap.dat).
const Namespace* namespaces_of(family f);

}  // namespace tidnav::contracts
