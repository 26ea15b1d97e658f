// SPDX-License-Identifier: GPL-2.0-or-later
// tidnav pki init|issue : a development PKI (never for production).
#include "tools/pki/pki.hpp"
#include "tools/tidnav/commands.hpp"

#include <iostream>

namespace tidnav::cli {
namespace {

pki::ca ca_in(const std::string& dir, const std::string& name) {
  const std::filesystem::path d(dir);
  return {name, d / (pki::file_stem(name) + ".crt"), d / (pki::file_stem(name) + ".key")};
}

}  // namespace

void register_pki(CLI::App& app, int& exit_code) {
  auto* pki_cmd = app.add_subcommand("pki", "Development PKI: a CA, server and client certificates");
  pki_cmd->require_subcommand(1);

  struct options {
    std::string dir = "var/pki";
    std::string ca_name = "tidnav-dev-ca";
    std::string name;
    std::string kind = "client";
    std::string hsa_id;
    std::vector<std::string> dns{"localhost"};
    std::vector<std::string> ips{"127.0.0.1", "::1"};
    int days = 365;
    bool rsa = false;
  };
  auto opt = std::make_shared<options>();

  auto* init = pki_cmd->add_subcommand("init", "Create the CA");
  init->add_option("--dir", opt->dir, "Output folder")->capture_default_str();
  init->add_option("--ca-name", opt->ca_name, "CA common name")->capture_default_str();
  init->add_flag("--rsa", opt->rsa, "RSA 2048 instead of EC P-256");
  init->callback([opt] {
    pki::ca_options o;
    if (opt->rsa) o.key = pki::key_algorithm::rsa_2048;
    const auto ca = pki::create_ca(opt->dir, opt->ca_name, o);
    std::cout << "CA certificate: " << ca.cert_file.string() << "\nCA key:         " << ca.key_file.string() << "\n";
  });

  auto* issue = pki_cmd->add_subcommand("issue", "Issue a server or client certificate signed by the CA");
  issue->add_option("name", opt->name, "Common name (also the file name)")->required();
  issue->add_option("--dir", opt->dir, "Folder of the CA and the output")->capture_default_str();
  issue->add_option("--ca-name", opt->ca_name, "CA common name")->capture_default_str();
  issue->add_option("--kind", opt->kind, "server or client")->check(CLI::IsMember({"server", "client"}))->capture_default_str();
  issue->add_option("--hsa-id", opt->hsa_id, "Consumer HSA-id for the subject SERIALNUMBER (client certificates)");
  issue->add_option("--dns", opt->dns, "Server SAN DNS names")->capture_default_str();
  issue->add_option("--ip", opt->ips, "Server SAN IP addresses")->capture_default_str();
  issue->add_option("--days", opt->days, "Validity in days")->capture_default_str();
  issue->add_flag("--rsa", opt->rsa, "RSA 2048 instead of EC P-256");
  issue->callback([opt, &exit_code] {
    pki::issue_options o;
    o.valid = pki::validity::days(opt->days);
    o.hsa_id = opt->hsa_id;
    if (opt->rsa) o.key = pki::key_algorithm::rsa_2048;
    const bool server = opt->kind == "server";
    if (server) {
      o.dns_names = opt->dns;
      o.ip_addresses = opt->ips;
    } else if (o.hsa_id.empty()) {
      std::cerr << "tidnav pki issue: a client certificate needs --hsa-id (the consumer's identity)\n";
      exit_code = 2;
      return;
    }
    const auto out = pki::issue(opt->dir, ca_in(opt->dir, opt->ca_name),
                                server ? pki::cert_kind::server : pki::cert_kind::client, opt->name, o);
    std::cout << "certificate: " << out.cert_file.string() << "\nkey:         " << out.key_file.string()
              << "\nsubject:     " << out.subject << "\n";
  });
}

}  // namespace tidnav::cli
