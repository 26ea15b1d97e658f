// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// The hub's YAML configuration as plain structs. Every default lives in the
// member initialisers below and nowhere else; the YAML reader only overrides
// what the file says. Loading is parse -> validate (all errors at once, with
// line numbers) -> hand the structs to whoever builds snapshots and listeners.
//
//   instance: { name: "NTjP Develop", id: tidnav-1 }
//   platform_hsa_id: "5565594230"
//   sender_id_pattern: '(?:2.5.4.5|SERIALNUMBER)=([^,]+)'
//   internal_callers: [127.0.0.1/32, 10.0.0.0/8]
//   listeners:
//     https: { address: 0.0.0.0, port: 443, cert: a.pem, key: a.key, ca: ca.pem,
//              limits: { header_bytes: 16384, body_bytes: 15728640, header_timeout_ms: 10000,
//                        read_timeout_ms: 30000, idle_timeout_ms: 60000, max_connections: 1024 } }
//     http:  { address: 127.0.0.1, port: 12312 }
//     admin: { address: 127.0.0.1, port: 23000 }
//   tak_file: /var/lib/tidnav/takcache.xml
//   hsa_files: [hsacachecomplementary.xml, hsacache.xml]
//   routes:      [ { contract, logical_address, url, riv_profile, valid_from, valid_to } ]
//   permissions: [ { consumer, contract, logical_address, valid_from, valid_to } ]
//   default_routing: { delimiter: "#", allowed_contracts: [], allowed_senders: [] }
//   hsa_lookup: { routing: { default_enabled: true, excepted_namespaces: [] }, authorization: { ... } }
//   producers:
//     connect_timeout_ms: 2000
//     default_timeout_ms: 29000
//     timeouts: [ { contract: urn:..., timeout_ms: 5000 } ]
//     tls: { ca, cert, key, verify_hostname: true }
//     tls_overrides: [ { host | host_suffix | port, ca, cert, key, sni, verify_hostname } ]
//   headers: { request_remove, request_keep, response_remove, response_keep,
//              propagate_correlation_id_for_https, user_agent, content_type, forwarded_cert }
//   io_threads: 0                      # 0 = one per core
//   drain_timeout_ms: 10000            # SIGTERM: finish calls in flight this long
//   routing_history: true              # x-rivta-routing-history loop guard (VP014)
//   original_consumer: { allowed_senders: [], reject: false }   # reject: VP013 instead of a warning
//   call_log: { path: "-", redact_personal_ids: true, queue: 65536 }   # "-" stdout, "" off
//   wsdl_dir: schemas                  # ?wsdl / ?xsd= answers; empty = off
//   engagement_index:                  # the in-process EI behind routes to "local:ei"
//     database: ei.db
//     alternative_hsa_ids: []
//     reserved_hsa_ids: []
//     subscribers: [ { logical_address, url, service_domain, categorizations: [] } ]
//   aggregation: { unit_timeout_ms: 3000, deadline_ms: 3500 }   # "local:aggregate"
//   audit: { path: audit.db, queue: 65536 }   # patientdatalagen access log (SQLite); "" = off
//   dashboard:                         # GET /dashboard on the admin listener
//     operators: [ { hsa_id: SE2321000016-OP01, token_sha256: <64 hex digits> } ]   # citizen view

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "hub/core/producer_settings.hpp"
#include "hub/core/result.hpp"
#include "hub/core/routing_table.hpp"
#include "hub/core/sender_id.hpp"

namespace tidnav::core {

struct listener_limits {
  std::size_t header_bytes = 16 * 1024;
  std::size_t body_bytes = 15 * 1024 * 1024;  ///< the platform's vp.max.receive.length
  std::chrono::milliseconds header_timeout{10'000};
  std::chrono::milliseconds read_timeout{30'000};
  std::chrono::milliseconds idle_timeout{60'000};
  std::size_t max_connections = 1024;
};

struct listener_config {
  bool enabled = false;  ///< true when the section is present
  std::string address;
  std::uint16_t port = 0;  ///< 0 = any free port (tests)
  std::string cert, key, ca;  ///< https only; client certificates are required
  listener_limits limits;
};

/// Header handling toward producers and back; defaults are the platform's.
struct header_rules {
  std::string request_remove =
      "(?i)x-vp.*|PEER_CERTIFICATES|X-Forwarded.*|MULE_.*|X-MULE_.*|Connection|accept-encoding|"
      "X-Forwarded-Tls-Client-Cert";
  std::string request_keep = "(?i)x-vp-sender-id|x-vp-instance-id";
  std::string response_remove = "(?i)SOAPAction|MULE_.*|X-MULE_.*|LOCAL_CERTIFICATE|PEER_CERTIFICATES|http.method";
  std::string response_keep;
  bool propagate_correlation_id_for_https = false;
  std::string user_agent = "tidnav";
  std::string content_type = "text/xml;charset=UTF-8";
  /// Header carrying the consumer certificate from a TLS-terminating proxy.
  std::string forwarded_cert = "x-vp-auth-cert";
};

/// Who may set x-rivta-original-serviceconsumer-hsaid (the platform's
/// sender.id.allowed.list and throw.vp013.when.originalconsumer.not.allowed).
struct original_consumer_policy {
  std::vector<std::string> allowed_senders;  ///< empty = everybody
  bool reject = false;                       ///< false: log a warning; true: VP013
};

struct call_log_config {
  std::string path = "-";  ///< "-" = stdout, "" = no call log, else a file (reopened on SIGHUP)
  bool redact_personal_ids = true;
  std::size_t queue = 65536;
};

/// Who is told about engagement changes (ProcessNotification).
struct ei_subscriber_config {
  std::string logical_address;
  std::string url;
  std::string service_domain;                ///< empty = every domain
  std::vector<std::string> categorizations;  ///< empty = every categorization
};

struct engagement_index_config {
  bool enabled = false;  ///< true when the section is present
  std::string database = "ei.db";
  std::vector<std::string> alternative_hsa_ids;
  std::vector<std::string> reserved_hsa_ids;
  std::vector<ei_subscriber_config> subscribers;
};

/// The aggregating services: one citizen request fanned out to every unit.
/// Defaults are the contracts' 3-second SLA, not the national platform's 27/28 s.
struct aggregation_config {
  std::chrono::milliseconds unit_timeout{3'000};
  std::chrono::milliseconds deadline{3'500};
};

/// The audit log of calls that read or change a person's data (hub/audit).
/// On by default: a hub that routes booking contracts must document access.
struct audit_config {
  std::string path = "audit.db";  ///< SQLite file, relative to the config file; "" = no audit log
  std::size_t queue = 65536;      ///< records waiting for the writer at most
};

/// Who may open the dashboard's citizen view (one person's calendar). The
/// operator sends "Authorization: Bearer <token>"; only the token's SHA-256
/// is configured. The operator's HSA-id is the consumer of the calls the view
/// makes, so it needs permissions in TAK like any consumer.
struct operator_config {
  std::string hsa_id;
  std::string token_sha256;  ///< lower-case hex
};

struct dashboard_config {
  bool enabled = true;  ///< served whenever the admin listener is
  std::vector<operator_config> operators;
};

struct hub_config {
  std::string instance_name = "tidnav";  ///< shown in faultstrings: "VP004 [<name>] ..."
  std::string instance_id = "tidnav";    ///< x-vp-instance-id and routing history
  std::string platform_hsa_id = "5565594230";
  std::string sender_id_pattern{default_sender_id_pattern};
  std::vector<std::string> internal_callers;  ///< CIDR; empty = nobody on the plain listener

  listener_config https{false, "0.0.0.0", 443, {}, {}, {}, {}};
  listener_config http{false, "0.0.0.0", 12312, {}, {}, {}, {}};
  listener_config admin{false, "127.0.0.1", 23000, {}, {}, {}, {}};

  std::string tak_file;
  std::vector<std::string> hsa_files;
  std::vector<route> routes;             ///< source = "config:<line>"
  std::vector<permission> permissions;
  routing_policy routing;

  producer_settings producers;
  header_rules headers;

  std::size_t io_threads = 0;  ///< 0 = one per core
  std::chrono::milliseconds drain_timeout{10'000};
  bool routing_history = true;
  original_consumer_policy original_consumer;
  call_log_config call_log;
  std::string wsdl_dir;  ///< empty: ?wsdl and ?xsd= are not served
  engagement_index_config engagement_index;
  aggregation_config aggregation;
  audit_config audit;
  dashboard_config dashboard;

  /// Where each value came from: "routes[2].url" -> line 14. Filled by the reader.
  std::string source = "<config>";
  std::map<std::string, int, std::less<>> lines;

  /// Line of `path` or of its nearest recorded ancestor; 0 when unknown.
  int line_of(std::string_view path) const;
};

struct config_error {
  std::string source;
  int line = 0;  ///< 1-based; 0 when unknown
  std::string path;
  std::string message;

  /// "<source>:<line>: <path>: <message>"
  std::string to_string() const;
};

/// Semantic checks; returns every problem (empty = valid). Pure: no file access.
std::vector<config_error> validate(const hub_config& cfg);

/// YAML text -> config (parse errors and validation errors together).
result<hub_config, std::vector<config_error>> parse_hub_config(std::string_view yaml,
                                                               std::string_view source_name = "<config>");

/// Reads `path`, parses, validates, resolves relative file names (certificates,
/// TAK and HSA files) against the config file's directory, and reports
/// referenced files that do not exist.
result<hub_config, std::vector<config_error>> load_hub_config(const std::string& path);

}  // namespace tidnav::core
