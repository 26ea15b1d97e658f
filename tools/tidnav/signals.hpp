// SPDX-License-Identifier: GPL-2.0-or-later
// Long-running commands wait for SIGINT/SIGTERM (and SIGHUP for reloads) on the
// main thread. block_signals() must run before any thread starts so that the
// signals reach only the waiting thread.
#pragma once

#include <csignal>

namespace tidnav::cli {

void block_signals();
// Waits for SIGINT, SIGTERM or SIGHUP and returns which one arrived.
int wait_for_signal();

}  // namespace tidnav::cli
