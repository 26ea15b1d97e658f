// SPDX-License-Identifier: GPL-2.0-or-later
// What the kit must undo (the bookings it made), registered the moment a write
// succeeds and undone in reverse order at the end — also when a check failed
// midway or the kit threw. The destructor runs what is left, so an early
// return cannot leave a booking behind.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace tidnav::conform {

class cleanup_list {
 public:
  using undo = std::function<std::string()>;  // returns "" when done, else what went wrong
  using handle = std::size_t;

  cleanup_list() = default;
  cleanup_list(const cleanup_list&) = delete;
  cleanup_list& operator=(const cleanup_list&) = delete;
  ~cleanup_list();

  handle add(std::string what, undo action);
  void replace(handle h, std::string what, undo action);  // the booking moved or got a new id
  void dismiss(handle h);                                 // the flow undid it itself
  std::size_t pending() const;

  // Runs every pending action once, newest first. One note per action:
  // "cancelled <what>" or "could not cancel <what>: <why>". Never throws.
  std::vector<std::string> run();
  bool all_done() const { return failures_ == 0; }

 private:
  struct entry {
    std::string what;
    undo action;
    bool pending = true;
  };
  std::vector<entry> entries_;
  std::size_t failures_ = 0;
};

}  // namespace tidnav::conform
