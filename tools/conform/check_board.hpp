// SPDX-License-Identifier: GPL-2.0-or-later
// Where the suites record what they saw, check by check. A check may be
// judged several times (one observation per call or booking); it fails if any
// observation failed, passes if some passed, and is skipped otherwise, with the
// reason the suite gave (a contract not offered, no free time to book...).
#pragma once

#include "tools/conform/check_catalogue.hpp"
#include "tools/conform/report_model.hpp"

#include <map>
#include <string>
#include <vector>

namespace tidnav::conform {

class check_board {
 public:
  check_board(contract_family fam, std::vector<std::string> only);

  bool wanted(std::string_view id) const;  // selected by --only
  bool wanted_any(std::initializer_list<std::string_view> ids) const;

  void pass(std::string_view id, std::string evidence);
  void fail(std::string_view id, std::string evidence, std::string expected, std::vector<exchange> shown = {});
  // Records a skip reason; it shows only if nothing was judged.
  void skip(std::string_view id, std::string reason);
  void expect(std::string_view id, bool ok, std::string evidence, std::string expected,
              std::vector<exchange> shown = {});

  bool failed(std::string_view id) const;
  bool judged(std::string_view id) const;

  // Catalogue order, selected checks only.
  std::vector<check_result> results() const;

 private:
  struct observations {
    std::vector<std::string> passes;
    std::vector<std::string> fails;
    std::vector<std::string> expected;
    std::vector<exchange> shown;
    std::string skip_reason;
  };
  contract_family family_;
  std::vector<std::string> only_;
  std::map<std::string, observations, std::less<>> seen_;
};

}  // namespace tidnav::conform
