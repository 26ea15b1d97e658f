// SPDX-License-Identifier: GPL-2.0-or-later
#include "millennium_test_support.hpp"

namespace tidnav::adapters::millennium::test {

millennium_options tenant_options(const std::string& base_url, const std::string& token_url) {
  millennium_options o;
  o.base_url = base_url;
  o.token_url = token_url;
  o.client_id = "tidnav-test";
  o.client_secret = "sim-secret";
  o.page_size = 4;  // small pages so the tests page
  o.locations = {{"LOC-ASA",
                  {{"2572307", code_set, "Läkarbesök 30 min", true, true},
                   {"2572311", code_set, "Sjuksköterskebesök 20 min", true, true}}}};
  o.practitioners = {{doctor_hsa, "PR-1", "Doris", "Doktorsson", "Läkare"},
                     {"SE2321000016-DOC2", "PR-2", "Dan", "Doktorsson", "Läkare"}};
  return o;
}

}  // namespace tidnav::adapters::millennium::test
