// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// A small fictional routing world shared by the routing, authorisation and
// route-check tests. All HSA-ids are made up (SE2321000016-xxxx).
//
// HSA tree:
//   SE                      c=SE
//   └ REG1                  o=Region Test,l=Test,c=SE
//     ├ VC01                ou=VC1,o=Region Test,l=Test,c=SE
//     │ ├ ABC1              ou=ABC,ou=VC1,...
//     │ └ MOTT1             ou=Mott1,ou=VC1,...
//     ├ VC02                ou=VC2,o=Region Test,...
//     └ DEEP1               ou=Deep,ou=Missing,o=Region Test,...  (its DN skips a level)
//   OREG                    o=Region Annan,l=Test,c=SE  (parent: SE)

#include <string>
#include <string_view>

#include "hub/core/hsa_tree.hpp"
#include "hub/core/routing_table.hpp"
#include "hub/core/xs_datetime.hpp"

namespace world {

using namespace tidnav::core;

inline constexpr std::string_view CS = "urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1";
inline constexpr std::string_view CM = "urn:riv:crm:scheduling:MakeBookingResponder:1";
inline constexpr std::string_view CX = "urn:riv:itintegration:engagementindex:UpdateResponder:1";
inline constexpr std::string_view CZ = "urn:riv:test:NoRoutesResponder:1";

inline std::string id(std::string_view suffix) { return "SE2321000016-" + std::string(suffix); }

inline instant at(std::string_view iso) {
  const auto t = parse_xs_datetime(iso);
  if (!t) throw std::invalid_argument("bad test time " + std::string(iso));
  return t->value;
}

inline const instant now = at("2025-03-01T12:00:00Z");

inline std::optional<xs_datetime> t(std::string_view iso) { return parse_xs_datetime(iso); }

inline route make_route(std::string_view contract, std::string address, std::string url,
                        std::string_view from = {}, std::string_view to = {}, std::string profile = "RIVTABP21") {
  route r;
  r.contract = std::string(contract);
  r.logical_address = std::move(address);
  r.url = std::move(url);
  r.profile_name = std::move(profile);
  r.profile = parse_riv_profile(r.profile_name);
  r.valid = make_validity(from.empty() ? std::nullopt : t(from), to.empty() ? std::nullopt : t(to));
  r.source = "test";
  return r;
}

inline permission make_permission(std::string consumer, std::string_view contract, std::string address,
                                  std::string_view from = {}, std::string_view to = {}) {
  permission p;
  p.consumer = std::move(consumer);
  p.contract = std::string(contract);
  p.logical_address = std::move(address);
  p.valid = make_validity(from.empty() ? std::nullopt : t(from), to.empty() ? std::nullopt : t(to));
  p.source = "test";
  return p;
}

inline std::shared_ptr<const hsa_tree> tree() {
  const std::string region = "o=Region Test,l=Test,c=SE";
  std::vector<hsa_unit> units{
      {"SE", "c=SE", "Sverige"},
      {id("REG1"), region, "Region Test"},
      {id("VC01"), "ou=VC1," + region, "Vardcentral 1"},
      {id("ABC1"), "ou=ABC,ou=VC1," + region, "Mottagning ABC"},
      {id("MOTT1"), "ou=Mott1, ou=VC1, " + region, "Mottagning 1"},
      {id("VC02"), "ou=VC2," + region, "Vardcentral 2"},
      {id("DEEP1"), "ou=Deep,ou=Missing," + region, "Djup enhet"},
      {id("OREG"), "o=Region Annan,l=Test,c=SE", "Region Annan"},
  };
  return std::make_shared<const hsa_tree>(build_hsa_tree(std::move(units)).tree);
}

inline routing_policy policy() {
  routing_policy p;
  p.hsa_routing.excepted_namespaces = {"urn:riv:itintegration:engagementindex"};
  p.hsa_authorization.excepted_namespaces = {"urn:riv:itintegration:engagementindex"};
  return p;
}

inline routing_snapshot_builder builder(routing_policy pol = policy()) {
  routing_snapshot_builder b;
  b.set_hsa_tree(tree()).set_policy(std::move(pol));
  // Routes
  b.add_route(make_route(CS, id("ABC1"), "https://direct.example/abc1"));
  b.add_route(make_route(CS, id("VC01"), "https://vc01.example/cs"));
  b.add_route(make_route(CS, id("REG1"), "https://region.example/cs"));
  b.add_route(make_route(CS, "*", "https://wildcard.example/cs"));
  b.add_route(make_route(CM, "SE", "https://national.example/cm"));
  b.add_route(make_route(CM, id("REG1"), "https://region.example/cm"));
  b.add_route(make_route(CM, "*", "https://wildcard.example/cm"));
  b.add_route(make_route(CX, id("REG1"), "https://region.example/cx"));
  b.add_route(make_route(CX, "*", "https://wildcard.example/cx"));
  b.add_route(make_route(CS, id("TIME"), "https://time.example/old", "2024-01-01T00:00:00Z", "2024-06-30T23:59:59Z"));
  b.add_route(make_route(CS, id("TIME"), "https://time.example/new", "2024-07-01T00:00:00Z", "2024-12-31T23:59:59Z"));
  b.add_route(make_route(CS, id("DUP1"), "https://dup.example/a", {}, {}, "RIVTABP20"));
  b.add_route(make_route(CS, id("DUP1"), "https://dup.example/b", {}, {}, "RIVTABP21"));
  b.add_route(make_route(CS, id("DUP1"), "https://dup.example/expired", "2020-01-01T00:00:00Z", "2020-12-31T00:00:00Z"));
  b.add_route(make_route(CS, id("NOURL"), "  "));
  b.add_route(make_route(CS, id("VE01"), "https://ve.example/cs"));
  b.add_route(make_route(CM, id("VE01"), "https://ve.example/cm"));
  // Permissions
  b.add_permission(make_permission(id("C001"), CS, id("ABC1")));
  b.add_permission(make_permission(id("C002"), CS, "*"));
  b.add_permission(make_permission(id("C003"), CS, id("REG1")));
  b.add_permission(make_permission(id("C004"), CS, "SE"));
  b.add_permission(make_permission(id("C005"), CX, id("REG1")));
  b.add_permission(make_permission(id("C006"), CS, id("ABC1"), "2024-01-01T00:00:00Z", "2024-12-31T23:59:59Z"));
  b.add_permission(make_permission(id("C006"), CS, id("VC01")));
  b.add_permission(make_permission(id("C007"), CS, id("VE01")));
  b.add_permission(make_permission(id("C007"), CM, id("VE01")));
  b.add_permission(make_permission(id("C008"), CS, id("VE01"), "2025-03-01T12:00:00Z", "2025-03-01T12:00:00Z"));
  return b;
}

inline routing_snapshot_ptr snapshot(routing_policy pol = policy()) {
  auto built = builder(std::move(pol)).build();
  if (!built) throw std::runtime_error("test world does not build");
  return std::move(built).value();
}

}  // namespace world
