// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "hub/core/route_decision.hpp"
#include "routing_world.hpp"

using namespace tidnav::core;
using namespace world;

namespace {

std::string decide(const routing_snapshot& snap, std::optional<std::string> consumer,
                   std::optional<std::string_view> contract, std::optional<std::string> address) {
  call_identity call;
  if (consumer) call.consumer = *consumer;
  call.contract = contract;
  if (address) call.logical_address = *address;
  const auto r = decide_route(snap, call, now);
  return r ? r.value()->url : std::string(info(r.error().code).name);
}

}  // namespace

TEST_CASE("fault precedence is the platform's: VP003, routing, then authorisation", "[unit][decision]") {
  const auto snap = snapshot();
  // No address wins over everything, even a missing sender.
  CHECK(decide(*snap, std::nullopt, CS, std::nullopt) == "VP003");
  // Routing runs before authorisation: no route beats no sender / no grant.
  CHECK(decide(*snap, std::nullopt, CZ, id("ABC1")) == "VP004");
  CHECK(decide(*snap, id("C999"), CZ, id("ABC1")) == "VP004");
  CHECK(decide(*snap, id("C999"), CS, id("DUP1")) == "VP006");
  CHECK(decide(*snap, id("C999"), CS, id("NOURL")) == "VP010");
  // A route exists: then the sender and its grants are checked.
  CHECK(decide(*snap, std::nullopt, CS, id("ABC1")) == "VP002");
  CHECK(decide(*snap, id("C999"), CS, id("ABC1")) == "VP007");
  CHECK(decide(*snap, id("C001"), CS, id("ABC1")) == "https://direct.example/abc1");
  // Routing and authorisation climb independently.
  CHECK(decide(*snap, id("C003"), CS, id("MOTT1")) == "https://vc01.example/cs");
}

TEST_CASE("decide_route fills both traces, also on failure", "[unit][decision]") {
  const auto snap = snapshot();
  const std::string consumer = id("C001");
  const std::string address = id("MOTT1");
  call_identity call{consumer, CS, address};
  route_traces traces;
  const auto r = decide_route(*snap, call, now, &traces);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == vp_code::vp007);
  CHECK(traces.routing == "SE2321000016-MOTT1,(parent),SE2321000016-VC01");
  CHECK(traces.authorization ==
        "SE2321000016-MOTT1,(default),*,(parent),SE2321000016-VC01,SE2321000016-REG1,SE");
}

TEST_CASE("the snapshot builder rejects entries that can never work, all at once", "[unit][decision]") {
  routing_snapshot_builder b;
  b.add_route(make_route(CS, "", "https://x.example/"));
  b.add_route(make_route("", id("A"), "https://x.example/"));
  b.add_route(make_route(CS, id("B"), ""));  // blank URL is allowed: VP010 at call time
  b.add_permission(make_permission("", CS, id("A")));
  const auto built = std::move(b).build();
  REQUIRE_FALSE(built);
  REQUIRE(built.error().size() == 3);
  CHECK(built.error()[0] == "route #1 (test): logical address is empty");
  CHECK(built.error()[1] == "route #2 (test): contract namespace is empty");
  CHECK(built.error()[2] == "permission #1 (test): consumer HSA-id is empty");
}

TEST_CASE("an empty snapshot routes nothing and climbs straight to SE", "[unit][decision]") {
  auto built = routing_snapshot_builder{}.build();
  REQUIRE(built);
  const auto& snap = *built.value();
  CHECK(snap.hsa().parent_of(id("ANY")) == "SE");
  CHECK(decide(snap, id("C001"), CS, id("ABC1")) == "VP004");
}
