// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// What the aggregation integration tests share: care units that answer with a
// chosen body after a chosen delay (over mutual TLS), requests and answers of
// the four aggregated contracts built from a few fields, engagement index
// Updates, TAK/HSA text, and a reader for the merged answer that checks it
// against our schemas first.

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "hub/core/aggregate_kind.hpp"
#include "tests/integration/hub_world.hpp"
#include "tests/unit/hub/core/aggregate_checks.hpp"

namespace tidnav::test {

inline constexpr const char* platform_id = "5565594230";
inline constexpr const char* crm_domain = "riv:crm:scheduling";
inline constexpr const char* sched2_domain = "riv:supportprocess:logistics:scheduling";
inline constexpr const char* ei_update_ns = "urn:riv:itintegration:engagementindex:UpdateResponder:1";
inline constexpr const char* appointments_ns = "urn:riv:supportprocess:logistics:scheduling:GetAppointmentsResponder:2";
inline constexpr const char* appointment_ns = "urn:riv:supportprocess:logistics:scheduling:GetAppointmentResponder:2";
inline constexpr const char* timeslots20_ns =
    "urn:riv:supportprocess:logistics:scheduling:GetAvailableTimeslotsResponder:2";
inline constexpr const char* timeslots11_ns = "urn:riv:crm:scheduling:GetAvailableTimeslotsResponder:1";

/// The responder namespace of an aggregated contract.
std::string contract_ns(core::aggregate_kind k);

/// One item a unit reports: `unit` is the item's own facility (which may differ
/// from the answering unit's address), `id` its bookingId / appointmentId /
/// timeslotId (UUIDs for 2.0), `start` its TS (unused by GetAppointments).
struct item {
  std::string unit;
  std::string id;
  std::string start;
};

/// A care unit on 127.0.0.1:0 over mutual TLS: answers every POST with
/// `status` and `body` after `delay`, and records what it received. A delayed
/// answer is released at once when the unit is destroyed, so no test waits
/// for a sleeping producer.
class unit_producer {
 public:
  explicit unit_producer(std::string body, unsigned status = 200,
                         std::chrono::milliseconds delay = std::chrono::milliseconds::zero());
  ~unit_producer();
  unit_producer(const unit_producer&) = delete;
  unit_producer& operator=(const unit_producer&) = delete;

  std::string url() const { return producer_->url(); }
  std::size_t count() const { return producer_->count(); }
  std::vector<net::request_context> requests() const { return producer_->requests(); }

 private:
  std::string body_;
  unsigned status_;
  std::chrono::milliseconds delay_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::vector<std::thread> waiting_;
  std::unique_ptr<recording_producer> producer_;
};

/// A unit's answer of kind `k` holding `items`.
std::string answer_of(core::aggregate_kind k, const std::vector<item>& items);
/// A SOAP 1.1 Server fault with `text` (send with HTTP 500).
std::string soap_fault(const std::string& text);

/// A request of kind `k` to `address` about `person` (ignored by the 1.1
/// free-time search, which has no citizen filter here).
std::string request_of(core::aggregate_kind k, const std::string& address, const std::string& person = "191212121212");

/// An Update to the index at `index` registering one post per unit for `person` in `domain`.
std::string ei_update(const std::string& person, const std::string& domain, const std::vector<std::string>& units,
                      const std::string& index = platform_id);

/// Stores posts straight into the index's database, past its validation: how
/// a post for a reserved address (the platform's own) that the Update service
/// would refuse with EI005 gets there, e.g. from before the reservation.
void ei_insert_directly(const std::string& db_path, const std::string& person, const std::string& domain,
                        const std::vector<std::string>& units);

/// TAK route + permission for the test consumer.
std::string tak_unit(const std::string& id, const std::string& address, const std::string& url, const std::string& ns);

/// An HSA file (FileGetHsaUnitsResponse) from (hsa-id, DN) pairs.
std::string hsa_file(const std::vector<std::pair<std::string, std::string>>& units);

/// A merged answer read back after checking it is schema-valid and namespace-correct.
struct merged {
  merged_view view;
  /// Per item: (unit, id, start) as the tests' `item` names them.
  std::vector<item> items;
  const status_row* status_of(const std::string& unit) const;
};
void read_valid(core::aggregate_kind k, const std::string& body, merged& out);

/// The TS format: 14 digits.
bool is_ts(const std::string& s);

}  // namespace tidnav::test
