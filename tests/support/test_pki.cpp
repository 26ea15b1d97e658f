// SPDX-License-Identifier: GPL-2.0-or-later
#include "tests/support/test_pki.hpp"

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace tidnav::test {
namespace {

std::filesystem::path make_temp_dir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "tidnav-pki-XXXXXX").string();
  if (::mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  return tmpl;
}

struct owner {
  owner() {
    p.dir = make_temp_dir();
    p.ca = pki::create_ca(p.dir, "tidnav test CA");
    p.rogue_ca = pki::create_ca(p.dir, "rogue CA");

    pki::issue_options server;
    server.dns_names = {"localhost"};
    server.ip_addresses = {"127.0.0.1", "::1"};
    p.server = pki::issue(p.dir, p.ca, pki::cert_kind::server, "hub.localhost", server);
    p.server_rogue = pki::issue(p.dir, p.rogue_ca, pki::cert_kind::server, "rogue.localhost", server);

    pki::issue_options wrong;
    wrong.dns_names = {"producer.invalid"};
    p.server_wrong_name = pki::issue(p.dir, p.ca, pki::cert_kind::server, "producer.invalid", wrong);

    pki::issue_options client;
    client.hsa_id = test_consumer_hsa_id;
    p.client = pki::issue(p.dir, p.ca, pki::cert_kind::client, "tidnav 1177", client);
    p.client_rogue = pki::issue(p.dir, p.rogue_ca, pki::cert_kind::client, "rogue 1177", client);
    client.valid = pki::validity::expired();
    p.client_expired = pki::issue(p.dir, p.ca, pki::cert_kind::client, "expired 1177", client);

    pki::issue_options rsa;
    rsa.key = pki::key_algorithm::rsa_2048;
    rsa.hsa_id = "SE2321000016-0002";
    p.client_rsa = pki::issue(p.dir, p.ca, pki::cert_kind::client, "rsa client", rsa);
  }
  ~owner() {
    std::error_code ec;
    std::filesystem::remove_all(p.dir, ec);
  }
  test_pki p;
};

}  // namespace

const test_pki& shared_test_pki() {
  static const owner o;  // C++11 magic static: generated once, thread-safe
  return o.p;
}

}  // namespace tidnav::test
