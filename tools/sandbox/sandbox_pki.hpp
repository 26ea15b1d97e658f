// SPDX-License-Identifier: GPL-2.0-or-later
// The sandbox's development PKI: one CA; server certificates for the hub, the
// adapters and the simulators (localhost, 127.0.0.1); client certificates for
// the 1177 consumer, the operator, an "unauthorized" consumer (valid, same CA,
// no permissions anywhere), each adapter and the hub itself. Generated at run
// time; a complete PKI already in the directory is reused.
#pragma once

#include "tools/sandbox/layout.hpp"

namespace tidnav::sandbox {

// Returns true when a new PKI was created, false when the existing one was
// complete and kept. Throws pki::pki_error.
bool ensure_pki(const layout& l);

}  // namespace tidnav::sandbox
