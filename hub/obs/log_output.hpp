// SPDX-License-Identifier: GPL-2.0-or-later
// Where the call log's lines go. Only the call_log writer thread calls these, so
// an output needs no locking of its own.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace tidnav::obs {

class log_output {
 public:
  virtual ~log_output();
  // `lines` is one or more complete lines, each ending in '\n'. Returns false when
  // the bytes could not be written (the caller counts it; it does not retry).
  virtual bool write(std::string_view lines) = 0;
  // Reopens a file by its path (logrotate); true for outputs that have nothing to
  // reopen. On failure the old file stays in use.
  virtual bool reopen() { return true; }
};

std::unique_ptr<log_output> stdout_output();
std::unique_ptr<log_output> stderr_output();
// Opened for append (created 0640 if missing) now; throws std::system_error if it cannot be.
std::unique_ptr<log_output> file_output(std::string path);
// Called once per line, without the trailing '\n' (tests, adapters to other loggers).
std::unique_ptr<log_output> function_output(std::function<void(std::string_view line)> fn);

}  // namespace tidnav::obs
