// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "hub/core/cidr.hpp"

using namespace tidnav::core;

namespace {

bool in(std::string_view cidr, std::string_view addr) {
  const auto b = parse_cidr(cidr);
  REQUIRE(b);
  const auto a = parse_ip_address(addr);
  REQUIRE(a);
  return b->contains(*a);
}

}  // namespace

TEST_CASE("IPv4 blocks", "[unit][cidr]") {
  CHECK(in("10.0.0.0/8", "10.255.1.2"));
  CHECK_FALSE(in("10.0.0.0/8", "11.0.0.1"));
  CHECK(in("192.168.1.0/24", "192.168.1.255"));
  CHECK_FALSE(in("192.168.1.0/24", "192.168.2.0"));
  CHECK(in("172.16.0.0/12", "172.31.255.255"));
  CHECK_FALSE(in("172.16.0.0/12", "172.32.0.0"));
  CHECK(in("127.0.0.1/32", "127.0.0.1"));
  CHECK_FALSE(in("127.0.0.1/32", "127.0.0.2"));
  CHECK(in("127.0.0.1", "127.0.0.1"));  // bare address = /32
  CHECK(in("0.0.0.0/0", "203.0.113.7"));
}

TEST_CASE("IPv6 blocks", "[unit][cidr]") {
  CHECK(in("::1/128", "::1"));
  CHECK_FALSE(in("::1/128", "::2"));
  CHECK(in("2001:db8::/32", "2001:db8:ffff::1"));
  CHECK_FALSE(in("2001:db8::/32", "2001:db9::1"));
  CHECK(in("fe80::/10", "febf::1"));
  CHECK_FALSE(in("fe80::/10", "fec0::1"));
  CHECK(in("::/0", "2001:db8::1"));
  // IPv4 peers are held v4-mapped, so IPv6 rules covering ::ffff:0:0/96 see them.
  CHECK(in("::/0", "10.0.0.1"));
  CHECK(in("::ffff:0:0/96", "10.0.0.1"));
  CHECK_FALSE(in("2001:db8::/32", "10.0.0.1"));
}

TEST_CASE("IPv4 rules match v4-mapped IPv6 peers", "[unit][cidr]") {
  CHECK(in("10.0.0.0/8", "::ffff:10.1.2.3"));
  CHECK(in("10.0.0.0/8", "::FFFF:a01:203"));
  CHECK_FALSE(in("10.0.0.0/8", "::10.1.2.3"));  // IPv4-compatible is not mapped
  CHECK_FALSE(in("0.0.0.0/0", "2001:db8::1"));
}

TEST_CASE("address forms", "[unit][cidr]") {
  CHECK(parse_ip_address("[::1]").has_value());
  CHECK(parse_ip_address("fe80::1%eth0").has_value());
  CHECK(parse_ip_address("1:2:3:4:5:6:7:8").has_value());
  CHECK(parse_ip_address("1:2:3:4:5:6:1.2.3.4").has_value());
  CHECK(parse_ip_address("1::").has_value());
  CHECK(parse_ip_address("::").has_value());
  for (const char* bad : {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.4 ", "a.b.c.d", ":::",
                          "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::1", "1:2:3:4:5:6:7:1.2.3.4", ":1::", "1:"}) {
    DYNAMIC_SECTION("'" << bad << "'") { CHECK_FALSE(parse_ip_address(bad).has_value()); }
  }
}

TEST_CASE("bad CIDR entries are refused with a reason", "[unit][cidr]") {
  const std::pair<const char*, const char*> cases[] = {
      {"10.0.0.0/33", "prefix length above 32"},
      {"::/129", "prefix length above 128"},
      {"10.0.0.1/8", "host bits set"},
      {"10.0.0.0/", "bad prefix length"},
      {"10.0.0.0/08", "bad prefix length"},
      {"10.0.0.0/-1", "bad prefix length"},
      {"10.0.0/8", "not an IPv4 or IPv6 address"},
      {"fe80::1%eth0/128", "zone ids"},
      {"localhost", "not an IPv4 or IPv6 address"},
  };
  for (const auto& [text, reason] : cases) {
    DYNAMIC_SECTION(text) {
      const auto r = parse_cidr(text);
      REQUIRE_FALSE(r);
      CHECK_THAT(r.error(), Catch::Contains(reason));
    }
  }
}

TEST_CASE("cidr lists: every bad entry at once; empty allows nobody", "[unit][cidr]") {
  const auto bad = cidr_list::parse({"10.0.0.0/8", "x", "1.2.3.4/40"});
  REQUIRE_FALSE(bad);
  CHECK(bad.error().size() == 2);

  const auto list = cidr_list::parse({"127.0.0.1/32", "10.0.0.0/8", "::1"});
  REQUIRE(list);
  CHECK(list->contains("10.20.30.40"));
  CHECK(list->contains("::1"));
  CHECK(list->contains("::ffff:127.0.0.1"));
  CHECK_FALSE(list->contains("84.17.194.105"));
  CHECK_FALSE(list->contains("not an address"));

  const cidr_list nobody;
  CHECK(nobody.empty());
  CHECK_FALSE(nobody.contains("127.0.0.1"));
}
