// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/conform/cleanup_list.hpp"

#include <exception>

namespace tidnav::conform {

cleanup_list::~cleanup_list() { run(); }

cleanup_list::handle cleanup_list::add(std::string what, undo action) {
  entries_.push_back({std::move(what), std::move(action), true});
  return entries_.size() - 1;
}

void cleanup_list::replace(handle h, std::string what, undo action) {
  if (h >= entries_.size()) return;
  entries_[h] = {std::move(what), std::move(action), true};
}

void cleanup_list::dismiss(handle h) {
  if (h < entries_.size()) entries_[h].pending = false;
}

std::size_t cleanup_list::pending() const {
  std::size_t n = 0;
  for (const auto& e : entries_) n += e.pending ? 1 : 0;
  return n;
}

std::vector<std::string> cleanup_list::run() {
  std::vector<std::string> notes;
  for (auto it = entries_.rbegin(); it != entries_.rend(); ++it) {
    if (!it->pending) continue;
    it->pending = false;
    std::string problem;
    try {
      problem = it->action();
    } catch (const std::exception& e) {
      problem = e.what();
    } catch (...) {
      problem = "unknown error";
    }
    if (problem.empty()) {
      notes.push_back("cancelled " + it->what);
    } else {
      ++failures_;
      notes.push_back("could not cancel " + it->what + ": " + problem);
    }
  }
  return notes;
}

}  // namespace tidnav::conform
