// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/sandbox/supervisor.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace tidnav::sandbox {
namespace {

sigset_t sandbox_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGCHLD);
  return set;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

void block_sandbox_signals() {
  const sigset_t set = sandbox_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

std::string exit_report::describe() const {
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    return "was killed by signal " + std::to_string(sig) + " (" + strsignal(sig) + ")";
  }
  return "ended (wait status " + std::to_string(status) + ")";
}

std::map<std::string, unsigned> parse_port_file(const std::string& text) {
  std::map<std::string, unsigned> out;
  if (text.empty() || text.back() != '\n') return out;  // not written completely yet
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::string a, b;
    words >> a >> b;
    const std::string& number = b.empty() ? a : b;
    if (number.empty() || number.find_first_not_of("0123456789") != std::string::npos || number.size() > 5) continue;
    const unsigned long v = std::stoul(number);
    if (v == 0 || v > 65535) continue;
    out[b.empty() ? "port" : a] = static_cast<unsigned>(v);
  }
  return out;
}

bool tcp_accepts(unsigned port, std::chrono::milliseconds timeout) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = false;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0) {
    ok = true;
  } else if (errno == EINPROGRESS) {
    pollfd p{fd, POLLOUT, 0};
    if (::poll(&p, 1, static_cast<int>(timeout.count())) == 1) {
      int err = 0;
      socklen_t len = sizeof err;
      ok = ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err == 0;
    }
  }
  ::close(fd);
  return ok;
}

supervisor::supervisor(std::filesystem::path executable) : exe_(std::move(executable)), parent_pid_(::getpid()) {}

supervisor::~supervisor() { stop_all(std::chrono::seconds(3)); }

void supervisor::start(const child_spec& spec) {
  std::filesystem::create_directories(spec.log.parent_path());
  if (!spec.port_file.empty()) {
    std::filesystem::create_directories(spec.port_file.parent_path());
    std::filesystem::remove(spec.port_file);
  }
  // Everything the child needs is prepared before fork: between fork and exec
  // only async-signal-safe calls are allowed (other threads may hold locks).
  std::vector<std::string> args;
  args.push_back(exe_.string());
  args.insert(args.end(), spec.args.begin(), spec.args.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const std::string exe = exe_.string();

  const int log = ::open(spec.log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (log < 0) throw std::runtime_error("cannot open " + spec.log.string() + ": " + std::strerror(errno));
  const int null_in = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  sigset_t none;
  sigemptyset(&none);
  const pid_t parent = parent_pid_;

  const pid_t pid = ::fork();
  if (pid < 0) {
    const int e = errno;
    ::close(log);
    if (null_in >= 0) ::close(null_in);
    throw std::runtime_error("fork failed: " + std::string(std::strerror(e)));
  }
  if (pid == 0) {
    ::setpgid(0, 0);
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (::getppid() != parent) ::_exit(70);  // the sandbox died before prctl
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    if (null_in >= 0) ::dup2(null_in, 0);
    ::dup2(log, 1);
    ::dup2(log, 2);
    ::execv(exe.c_str(), argv.data());
    const char msg[] = "sandbox: exec failed\n";
    [[maybe_unused]] auto w = ::write(2, msg, sizeof msg - 1);
    ::_exit(127);
  }
  ::close(log);
  if (null_in >= 0) ::close(null_in);
  children_.push_back({spec, pid, true, false});
}

void supervisor::reap() {
  for (auto& c : children_) {
    if (!c.running) continue;
    int status = 0;
    const pid_t r = ::waitpid(c.pid, &status, WNOHANG);
    if (r == c.pid) {
      c.running = false;
      if (!c.stopping) exits_.push_back({c.spec.name, status});
    }
  }
}

bool supervisor::drain_signals(std::chrono::milliseconds timeout) {
  const sigset_t set = sandbox_signals();
  timespec ts{};
  ts.tv_sec = static_cast<time_t>(timeout.count() / 1000);
  ts.tv_nsec = static_cast<long>((timeout.count() % 1000) * 1'000'000);
  for (;;) {
    const int sig = ::sigtimedwait(&set, nullptr, &ts);
    if (sig == SIGINT || sig == SIGTERM) {
      interrupt_ = sig;
      return true;
    }
    if (sig == SIGCHLD) reap();
    if (sig < 0 && errno == EINTR) continue;
    if (sig < 0) return false;  // timeout
    ts = {};                    // drain whatever else is pending, without waiting
  }
}

wait_outcome supervisor::wait_ready(const std::string& name, std::chrono::milliseconds timeout,
                                    const std::function<bool(const std::map<std::string, unsigned>&)>& probe) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    reap();
    if (!exits_.empty()) return wait_outcome::child_exited;
    if (!running(name)) return wait_outcome::child_exited;
    const auto ports = ports_of(name);
    if (!ports.empty() && probe(ports)) return wait_outcome::ready;
    if (std::chrono::steady_clock::now() >= until) return wait_outcome::timed_out;
    if (drain_signals(std::chrono::milliseconds(25))) return wait_outcome::interrupted;
  }
}

wait_outcome supervisor::wait_event(std::chrono::milliseconds timeout) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    reap();
    if (!exits_.empty()) return wait_outcome::child_exited;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
    if (left.count() <= 0) return wait_outcome::timed_out;
    if (drain_signals(std::min(left, std::chrono::milliseconds(500)))) return wait_outcome::interrupted;
  }
}

std::map<std::string, unsigned> supervisor::ports_of(const std::string& name) const {
  for (const auto& c : children_) {
    if (c.spec.name == name && !c.spec.port_file.empty()) return parse_port_file(read_file(c.spec.port_file));
  }
  return {};
}

void supervisor::stop(const std::string& name, std::chrono::milliseconds grace) {
  for (auto& c : children_) {
    if (c.spec.name != name || !c.running) continue;
    c.stopping = true;
    ::kill(c.pid, SIGTERM);
    const auto until = std::chrono::steady_clock::now() + grace;
    int status = 0;
    while (::waitpid(c.pid, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() >= until) {
        ::kill(c.pid, SIGKILL);
        ::waitpid(c.pid, &status, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    c.running = false;
  }
}

void supervisor::stop_all(std::chrono::milliseconds grace) {
  // Ask everyone first (they drain in parallel), then collect in reverse order.
  for (auto& c : children_) {
    if (c.running) {
      c.stopping = true;
      ::kill(c.pid, SIGTERM);
    }
  }
  for (auto it = children_.rbegin(); it != children_.rend(); ++it) stop(it->spec.name, grace);
}

std::optional<exit_report> supervisor::take_exit() {
  reap();
  if (exits_.empty()) return std::nullopt;
  auto r = exits_.front();
  exits_.erase(exits_.begin());
  return r;
}

bool supervisor::running(const std::string& name) const {
  return std::any_of(children_.begin(), children_.end(),
                     [&](const child& c) { return c.spec.name == name && c.running; });
}

std::map<std::string, pid_t> supervisor::pids() const {
  std::map<std::string, pid_t> out;
  for (const auto& c : children_) {
    if (c.running) out[c.spec.name] = c.pid;
  }
  return out;
}

std::string supervisor::log_tail(const std::string& name, std::size_t lines) const {
  for (const auto& c : children_) {
    if (c.spec.name != name) continue;
    std::vector<std::string> all;
    std::istringstream in(read_file(c.spec.log));
    for (std::string line; std::getline(in, line);) all.push_back(std::move(line));
    std::string out;
    for (std::size_t i = all.size() > lines ? all.size() - lines : 0; i < all.size(); ++i) out += all[i] + "\n";
    return out;
  }
  return {};
}

}  // namespace tidnav::sandbox
