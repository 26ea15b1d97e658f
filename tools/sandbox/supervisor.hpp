// SPDX-License-Identifier: GPL-2.0-or-later
// Supervised child processes: fork/exec of this same binary, each child's
// stdout and stderr to its own log file, its own process group (so Ctrl-C in
// the terminal reaches only the sandbox, which then stops the children in
// order), PR_SET_PDEATHSIG so no child outlives the sandbox even after a
// SIGKILL, and every child reaped.
//
// Signals: the caller blocks SIGINT, SIGTERM, SIGHUP and SIGCHLD on every
// thread (block_sandbox_signals() before any thread starts); the supervisor
// collects them with sigtimedwait, so waiting for readiness, for Ctrl-C and
// for a dying child is one loop.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

namespace tidnav::sandbox {

void block_sandbox_signals();

struct child_spec {
  std::string name;               // "hub", "adapter-cosmic", ...
  std::vector<std::string> args;  // after argv[0]: {"hub", "--config", ...}
  std::filesystem::path log;
  std::filesystem::path port_file;  // written by the child once it listens
};

// What ended a wait.
enum class wait_outcome { ready, child_exited, interrupted, timed_out };

struct exit_report {
  std::string name;
  int status = 0;  // raw waitpid status
  std::string describe() const;  // "exited with status 1", "killed by signal 9"
};

class supervisor {
 public:
  explicit supervisor(std::filesystem::path executable);
  ~supervisor();  // stop_all()
  supervisor(const supervisor&) = delete;
  supervisor& operator=(const supervisor&) = delete;

  // Starts the child; removes a stale port file first. Throws std::runtime_error.
  void start(const child_spec& spec);

  // Waits until the child's port file names a port and `probe(port)` is true,
  // checking for dead children and SIGINT/SIGTERM in between.
  wait_outcome wait_ready(const std::string& name, std::chrono::milliseconds timeout,
                          const std::function<bool(const std::map<std::string, unsigned>&)>& probe);

  // Blocks until SIGINT/SIGTERM (interrupted) or a child dies (child_exited),
  // or `timeout` passes (timed_out).
  wait_outcome wait_event(std::chrono::milliseconds timeout);

  // Ports from the child's port file: "https 8443\nadmin 8444" → {https, admin};
  // a bare number → {"port": n}. Empty when the file is missing or not yet whole.
  std::map<std::string, unsigned> ports_of(const std::string& name) const;

  // SIGTERM, up to `grace` for it to exit, then SIGKILL; always reaped.
  void stop(const std::string& name, std::chrono::milliseconds grace = std::chrono::seconds(5));
  // Every running child, in reverse start order.
  void stop_all(std::chrono::milliseconds grace = std::chrono::seconds(5));

  // The first child that died unexpectedly since the last call.
  std::optional<exit_report> take_exit();
  bool running(const std::string& name) const;
  std::map<std::string, pid_t> pids() const;  // running children
  std::string log_tail(const std::string& name, std::size_t lines = 15) const;
  // The signal that interrupted a wait (SIGINT/SIGTERM), 0 if none.
  int interrupt_signal() const { return interrupt_; }

 private:
  struct child {
    child_spec spec;
    pid_t pid = -1;
    bool running = false;
    bool stopping = false;
  };
  void reap();
  bool drain_signals(std::chrono::milliseconds timeout);  // true: interrupted

  std::filesystem::path exe_;
  pid_t parent_pid_;
  std::vector<child> children_;
  std::vector<exit_report> exits_;
  int interrupt_ = 0;
};

// Parses a port file (see ports_of).
std::map<std::string, unsigned> parse_port_file(const std::string& text);

// True when something accepts TCP connections on 127.0.0.1:port (bounded).
bool tcp_accepts(unsigned port, std::chrono::milliseconds timeout = std::chrono::milliseconds(500));

}  // namespace tidnav::sandbox
