// SPDX-License-Identifier: GPL-2.0-or-later
// Many observations of one check in one phase (every listed booking, every
// free time) summed up as one line on the board.
#pragma once

#include "tools/conform/check_board.hpp"

#include <string>
#include <vector>

namespace tidnav::conform {

struct tally {
  std::size_t good = 0;
  std::vector<std::string> bad;
  std::vector<exchange> shown;

  void see(bool ok, std::string problem, const exchange* ex = nullptr) {
    if (ok) {
      ++good;
      return;
    }
    bad.push_back(std::move(problem));
    if (ex && shown.size() < 2) shown.push_back(*ex);
  }

  // One observation: a pass ("<good> <what>") or a failure listing the problems.
  void post(check_board& board, std::string_view id, const std::string& what, const std::string& expected) {
    if (bad.empty()) {
      if (good > 0) board.pass(id, std::to_string(good) + " " + what);
      return;
    }
    std::string evidence;
    for (std::size_t i = 0; i < bad.size() && i < 5; ++i) evidence += (i ? "; " : "") + bad[i];
    if (bad.size() > 5) evidence += "; and " + std::to_string(bad.size() - 5) + " more";
    board.fail(id, evidence, expected, shown);
  }
};

}  // namespace tidnav::conform
