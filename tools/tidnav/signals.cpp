// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/tidnav/signals.hpp"

#include <pthread.h>

namespace tidnav::cli {
namespace {

sigset_t handled() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  return set;
}

}  // namespace

void block_signals() {
  const sigset_t set = handled();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

int wait_for_signal() {
  const sigset_t set = handled();
  int sig = 0;
  sigwait(&set, &sig);
  return sig;
}

}  // namespace tidnav::cli
