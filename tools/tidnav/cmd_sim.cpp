// SPDX-License-Identifier: GPL-2.0-or-later
// tidnav sim demo : a producer for one care unit with a fixed schedule, over
// mutual TLS. (The booking-system simulators replace it in the sandbox.)
#include "adapters/demo/demo_producer.hpp"
#include "hub/net/http_server.hpp"
#include "tools/tidnav/commands.hpp"
#include "tools/tidnav/signals.hpp"

#include <fstream>
#include <iostream>

namespace tidnav::cli {

void register_sim(CLI::App& app, int& exit_code) {
  auto* sim = app.add_subcommand("sim", "Run a simulated producer");
  sim->require_subcommand(1);
  register_sim_fhir(*sim, exit_code);
  register_sim_legacy(*sim, exit_code);
  struct options {
    std::string address = "127.0.0.1";
    std::uint16_t port = 0;
    std::string cert, key, ca;
    std::string hsa_id = "SE2321000016-DEMO";
    std::string port_file;
  };
  auto opt = std::make_shared<options>();
  auto* demo = sim->add_subcommand("demo", "One care unit with a fixed schedule (1.1 GetSubjectOfCareSchedule, "
                                           "2.0 GetAppointments/GetAppointment, PingForConfiguration)");
  demo->add_option("--address", opt->address, "Listen address")->capture_default_str();
  demo->add_option("--port", opt->port, "Listen port (0: any free port)")->capture_default_str();
  demo->add_option("--cert", opt->cert, "Server certificate (PEM)")->required()->check(CLI::ExistingFile);
  demo->add_option("--key", opt->key, "Server key (PEM)")->required()->check(CLI::ExistingFile);
  demo->add_option("--ca", opt->ca, "CA for client certificates (PEM)")->required()->check(CLI::ExistingFile);
  demo->add_option("--hsa-id", opt->hsa_id, "The unit's HSA-id (its logical address)")->capture_default_str();
  demo->add_option("--port-file", opt->port_file, "Write the bound port to this file");
  demo->callback([opt, &exit_code] {
    block_signals();
    auto unit = adapters::default_demo_unit();
    unit.hsa_id = opt->hsa_id;
    net::server_options so;
    so.listen = {net::listen_endpoint{opt->address, opt->port, true}};
    so.tls = net::make_server_tls_context({opt->ca, opt->cert, opt->key});
    so.io_threads = 1;
    net::http_server server(std::move(so), [unit](net::request_context req, net::responder respond) {
      if (req.method != "POST") {
        respond(405, {{"Allow", "POST"}}, "");
        return;
      }
      auto reply = adapters::handle_demo_request(unit, req.body);
      respond(reply.http_status, {{"Content-Type", "text/xml; charset=UTF-8"}}, std::move(reply.body));
    });
    server.start();
    if (!opt->port_file.empty()) std::ofstream(opt->port_file) << server.port() << "\n";
    std::cout << "tidnav sim demo: " << unit.hsa_id << " listening on https://" << opt->address << ":"
              << server.port() << "/" << std::endl;
    while (wait_for_signal() == SIGHUP) {
    }
    server.stop();
    exit_code = 0;
  });
}

}  // namespace tidnav::cli
