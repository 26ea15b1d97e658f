// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/obs/log_output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace tidnav::obs {
namespace {

bool write_all(int fd, std::string_view data) noexcept {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// Unbuffered write(2): a line is in the kernel when write() returns, so a crash
// loses nothing already written and flush() has nothing to push.
class fd_output final : public log_output {
 public:
  explicit fd_output(int fd) : fd_(fd) {}
  bool write(std::string_view lines) override { return write_all(fd_, lines); }

 private:
  int fd_;
};

int open_append(const std::string& path) noexcept {
  int fd;
  do {
    fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
  } while (fd < 0 && errno == EINTR);
  return fd;
}

class file_output_impl final : public log_output {
 public:
  explicit file_output_impl(std::string path) : path_(std::move(path)), fd_(open_append(path_)) {
    if (fd_ < 0) throw std::system_error(errno, std::generic_category(), "cannot open call log " + path_);
  }
  ~file_output_impl() override { ::close(fd_); }

  bool write(std::string_view lines) override { return write_all(fd_, lines); }

  bool reopen() override {
    const int fd = open_append(path_);
    if (fd < 0) return false;
    ::close(fd_);
    fd_ = fd;
    return true;
  }

 private:
  std::string path_;
  int fd_;
};

class function_output_impl final : public log_output {
 public:
  explicit function_output_impl(std::function<void(std::string_view)> fn) : fn_(std::move(fn)) {}

  bool write(std::string_view lines) override {
    while (!lines.empty()) {
      const auto nl = lines.find('\n');
      const auto line = lines.substr(0, nl);
      fn_(line);
      if (nl == std::string_view::npos) break;
      lines.remove_prefix(nl + 1);
    }
    return true;
  }

 private:
  std::function<void(std::string_view)> fn_;
};

}  // namespace

log_output::~log_output() = default;

std::unique_ptr<log_output> stdout_output() { return std::make_unique<fd_output>(STDOUT_FILENO); }
std::unique_ptr<log_output> stderr_output() { return std::make_unique<fd_output>(STDERR_FILENO); }
std::unique_ptr<log_output> file_output(std::string path) {
  return std::make_unique<file_output_impl>(std::move(path));
}
std::unique_ptr<log_output> function_output(std::function<void(std::string_view)> fn) {
  return std::make_unique<function_output_impl>(std::move(fn));
}

}  // namespace tidnav::obs
