// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/bridge/host/bridge_factory.hpp"

#include "adapters/bridge/bridge_booking_system.hpp"
#include "adapters/fhir/net/net_transport.hpp"
#include "adapters/host/forwarding_system.hpp"

#include <iostream>
#include <stdexcept>

namespace tidnav::adapters::bridge {
namespace {

// What the bridge holds by reference, owned next to it.
struct bridge_parts {
  std::unique_ptr<fhir::net_transport> transport;
  std::unique_ptr<id_store> ids;
  std::unique_ptr<violation_counter> violations;
};

// The bridge and what it holds by reference, owned together; its violation
// counters are readable by the adapter host's /metrics through violation_source.
class bridge_system final : public host::forwarding_system, public violation_source {
 public:
  bridge_system(std::unique_ptr<bridge_parts> parts, std::unique_ptr<booking_system> system)
      : forwarding_system(*system), parts_(std::move(parts)), system_(std::move(system)) {}
  std::vector<violation_count> violation_counts() const override { return parts_->violations->violation_counts(); }

 private:
  std::unique_ptr<bridge_parts> parts_;      // destroyed after system_
  std::unique_ptr<booking_system> system_;
};

struct client_files {
  std::filesystem::path cert, key, ca;
};

}  // namespace

std::optional<business_code> business_code_named(std::string_view name) {
  for (int i = 0; i <= static_cast<int>(business_code::invalid_request); ++i) {
    const auto c = static_cast<business_code>(i);
    if (to_string(c) == name) return c;
  }
  return std::nullopt;
}

host::system_factory bridge_factory(profile_maker make_profile) {
  return [make_profile](const YAML::Node& backend, const host::system_context& ctx,
                        host::config_reader& read) -> host::system_builder {
    const std::string p = "backend";
    const std::size_t errors_before = read.error_count();
    // An unknown key is reported and reading goes on, so one run lists every problem.
    read.map(backend, p,
             {"endpoint", "client", "id_store", "service_actor", "anonymous_subject_of_care", "unknown_first_name",
              "unknown_last_name", "error_texts", "unmatched_error", "timeslot_ttl_hours", "reconcile_lost_writes"});
    if (!backend.IsMap()) return {};
    std::string endpoint;
    read.require(backend, p, "endpoint", endpoint);
    legacy_profile profile = make_profile(endpoint);

    client_files client;
    const std::string cp = host::config_reader::join(p, "client");
    if (!backend["client"]) {
      read.error(cp, backend, "required: the adapter's client certificate for the producer (cert, key, ca)");
    } else if (read.map(backend["client"], cp, {"cert", "key", "ca"})) {
      read.require_file(backend["client"], cp, "cert", client.cert);
      read.require_file(backend["client"], cp, "key", client.key);
      read.require_file(backend["client"], cp, "ca", client.ca);
    }
    std::filesystem::path id_path;
    if (!backend["id_store"]) {
      read.error(host::config_reader::join(p, "id_store"), backend,
                 "required: the SQLite file of the bridge's ids (keep it with the adapter's state)");
    } else {
      read.get_path(backend, p, "id_store", id_path);
    }
    if (const auto actor = backend["service_actor"]) {
      const std::string ap = host::config_reader::join(p, "service_actor");
      if (read.map(actor, ap, {"id", "type"})) {
        legacy_actor a;
        read.require(actor, ap, "id", a.id);
        read.get(actor, ap, "type", a.type);
        if (a.type != "subject_of_care_agent" && a.type != "subject_of_care") {
          read.error(host::config_reader::join(ap, "type"), actor, "must be subject_of_care_agent or subject_of_care");
        }
        profile.service_actor = a;
      }
    }
    read.get(backend, p, "anonymous_subject_of_care", profile.anonymous_subject_of_care);
    read.get(backend, p, "unknown_first_name", profile.unknown_first_name);
    read.get(backend, p, "unknown_last_name", profile.unknown_last_name);
    if (const auto rules = backend["error_texts"]; rules && read.sequence(rules, host::config_reader::join(p, "error_texts"))) {
      for (std::size_t i = 0; i < rules.size(); ++i) {
        const std::string rp = host::config_reader::index(host::config_reader::join(p, "error_texts"), i);
        if (!read.map(rules[i], rp, {"contains", "outcome"})) continue;
        error_text_rule rule;
        std::string outcome;
        read.require(rules[i], rp, "contains", rule.contains);
        if (read.require(rules[i], rp, "outcome", outcome)) {
          if (auto c = business_code_named(outcome)) {
            rule.outcome = *c;
          } else {
            read.error(host::config_reader::join(rp, "outcome"), rules[i], "unknown outcome " + outcome);
          }
        }
        profile.error_texts.push_back(std::move(rule));
      }
    }
    std::string unmatched;
    if (read.get(backend, p, "unmatched_error", unmatched)) {
      if (auto c = business_code_named(unmatched)) {
        profile.unmatched_error = *c;
      } else {
        read.error(host::config_reader::join(p, "unmatched_error"), backend, "unknown outcome " + unmatched);
      }
    }
    std::uint64_t ttl_hours = 0;
    if (read.get_uint(backend, p, "timeslot_ttl_hours", 1, 24 * 30, ttl_hours)) {
      profile.timeslot_ttl = std::chrono::hours(ttl_hours);
    }
    read.get(backend, p, "reconcile_lost_writes", profile.reconcile_lost_writes);
    if (read.error_count() != errors_before) return {};

    const auto timeout = ctx.backend_timeout;
    return [profile = std::move(profile), client, id_path, timeout]() -> std::unique_ptr<booking_system> {
      auto parts = std::make_unique<bridge_parts>();
      net::client_options o;
      net::client_tls_options t;
      t.ca_file = client.ca;
      t.cert_file = client.cert;
      t.key_file = client.key;
      o.tls = net::make_client_tls_context(t);
      o.request_timeout = timeout;
      o.connect_timeout = std::min(timeout, o.connect_timeout);
      o.io_threads = 1;
      parts->transport = std::make_unique<fhir::net_transport>(o);
      std::string error;
      if (!id_path.parent_path().empty()) std::filesystem::create_directories(id_path.parent_path());
      parts->ids = id_store::open(id_path.string(), profile.system, error);
      if (!parts->ids) throw std::runtime_error(error);
      parts->ids->sweep(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
      parts->violations = std::make_unique<violation_counter>(profile.system);
      auto system = std::make_unique<bridge_booking_system>(profile, *parts->transport, *parts->ids, *parts->violations);
      return std::make_unique<bridge_system>(std::move(parts), std::move(system));
    };
  };
}

}  // namespace tidnav::adapters::bridge
