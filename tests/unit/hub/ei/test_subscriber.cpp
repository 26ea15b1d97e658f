// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/ei/subscriber.hpp"
#include "tests/unit/hub/ei/ei_test_support.hpp"

#include <catch2/catch.hpp>

using namespace tidnav::ei;

TEST_CASE("subscriber filters: domain and categorizations, without regard to case", "[ei][subscriber]") {
  auto post = test::sample(1);
  post.categorization = "Booking";
  post.owner = "5565594230";
  struct row {
    const char* name;
    subscriber s;
    bool wants;
  };
  const std::vector<row> rows = {
      {"no filter", {"SE1-A", "a", "", {}}, true},
      {"same domain", {"SE1-A", "a", "riv:crm:scheduling", {}}, true},
      {"domain in other case", {"SE1-A", "a", "RIV:CRM:Scheduling", {}}, true},
      {"other domain", {"SE1-A", "a", "riv:supportprocess:logistics:scheduling", {}}, false},
      {"domain prefix is not enough", {"SE1-A", "a", "riv:crm", {}}, false},
      {"listed categorization", {"SE1-A", "a", "riv:crm:scheduling", {"Invitation", "Booking"}}, true},
      {"categorization in other case", {"SE1-A", "a", "riv:crm:scheduling", {"BOOKING"}}, true},
      {"unlisted categorization", {"SE1-A", "a", "riv:crm:scheduling", {"Invitation"}}, false},
      {"categorizations without domain", {"SE1-A", "a", "", {"booking"}}, true},
      {"the post's owner", {"5565594230", "a", "", {}}, false},
      {"the post's owner in other case", {"SE1-OWN", "a", "", {}}, true},
  };
  for (const auto& r : rows) {
    DYNAMIC_SECTION(r.name) { CHECK(wants(r.s, post) == r.wants); }
  }
  auto foreign = post;
  foreign.owner = "se1-own";
  CHECK_FALSE(wants(subscriber{"SE1-OWN", "a", "", {}}, foreign));
}

TEST_CASE("queue keys group one subscriber whatever the address case", "[ei][subscriber]") {
  CHECK(queue_key({"se1-a", "route:x", "", {}}) == queue_key({"SE1-A", "route:x", "d", {}}));
  CHECK(queue_key({"SE1-A", "route:x", "", {}}) != queue_key({"SE1-A", "route:y", "", {}}));
}
