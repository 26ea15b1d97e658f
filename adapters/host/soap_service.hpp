// SPDX-License-Identifier: GPL-2.0-or-later
// The adapter's one entry point for a SOAP request: finds the contract family
// (SOAPAction, else the Body's namespace), refuses families this adapter does
// not serve with a Client fault, answers PingForConfiguration itself, and
// hands everything else to handle_sched2 / handle_crm11. Bytes in, bytes out;
// blocking (the booking system is called): never run it on an io thread.
#pragma once

#include "adapters/core/booking_system.hpp"
#include "adapters/core/producer_reply.hpp"
#include "adapters/core/unit_table.hpp"

#include <string>
#include <string_view>

namespace tidnav::adapters::host {

struct service_options {
  bool sched2 = true;
  bool crm11 = true;
  std::string name;    // reported by PingForConfiguration
  std::string system;  // ditto
  std::string version = "tidnav-adapter 0.1";
};

struct service_reply {
  producer_reply reply;
  std::string family;     // "scheduling-2.0", "crm-scheduling-1.1", "ping", or "" when not routed
  std::string operation;  // local name of the request element, when known
};

class soap_service {
 public:
  // `system`, `units`, `writes` and `ids` must outlive the service; writes/ids may be null.
  soap_service(booking_system& system, const unit_table& units, service_options options,
               idempotency_store* writes = nullptr, id_directory* ids = nullptr);

  // `consumer`: the caller's HSA-id (its certificate's SERIALNUMBER), part of the identity of a write.
  service_reply handle(std::string_view soap_action, std::string_view envelope, const std::string& consumer,
                       deadline until) const;

 private:
  producer_reply ping() const;

  booking_system& system_;
  const unit_table& units_;
  service_options options_;
  idempotency_store* writes_;
  id_directory* ids_;
};

}  // namespace tidnav::adapters::host
