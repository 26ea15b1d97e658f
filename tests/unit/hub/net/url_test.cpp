// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "hub/net/url.hpp"

using tidnav::net::parse_url;

TEST_CASE("url: https with port, path and query", "[url]") {
  const auto u = parse_url("https://producer.example:8443/vp/svc/GetX/1/rivtabp21?wsdl");
  REQUIRE(u);
  CHECK(u->scheme == "https");
  CHECK(u->tls);
  CHECK(u->host == "producer.example");
  CHECK(u->port == 8443);
  CHECK(u->target == "/vp/svc/GetX/1/rivtabp21?wsdl");
  CHECK_FALSE(u->host_is_ip);
  CHECK(u->host_header() == "producer.example:8443");
}

TEST_CASE("url: defaults, IP literals and Host header", "[url]") {
  auto u = parse_url("HTTP://10.1.2.3");
  REQUIRE(u);
  CHECK(u->port == 80);
  CHECK(u->target == "/");
  CHECK(u->host_is_ip);
  CHECK(u->host_header() == "10.1.2.3");

  u = parse_url("https://[::1]:9443/a#frag");
  REQUIRE(u);
  CHECK(u->host == "::1");
  CHECK(u->host_is_ip);
  CHECK(u->target == "/a");
  CHECK(u->host_header() == "[::1]:9443");

  u = parse_url("https://h:443?x=1");
  REQUIRE(u);
  CHECK(u->target == "/?x=1");
  CHECK(u->host_header() == "h");
}

TEST_CASE("url: rejects what cannot be a producer address", "[url]") {
  for (const char* bad : {"ftp://h/", "h:80/x", "https://", "https://user:pw@h/", "http://h:0/", "http://h:70000/",
                          "http://h:12a/", "http://[::1/", "http://[nothost]/", "http://bad host/"})
    CHECK_FALSE(parse_url(bad));
}
