// SPDX-License-Identifier: GPL-2.0-or-later
// A booking_system that passes every call to another one: the base of
// decorators (ei_posting_system) and of systems that must keep helpers alive
// next to the real one (a transport the system holds by reference).
#pragma once

#include "adapters/core/booking_system.hpp"

#include <memory>

namespace tidnav::adapters::host {

class forwarding_system : public booking_system {
 public:
  explicit forwarding_system(booking_system& inner) : inner_(inner) {}

  booking_result<std::vector<appointment>> appointments(std::string_view unit, const person_id& person,
                                                        const time_range& range, deadline until) override {
    return inner_.appointments(unit, person, range, until);
  }
  booking_result<appointment> appointment_by_id(std::string_view unit, std::string_view id, deadline until) override {
    return inner_.appointment_by_id(unit, id, until);
  }
  booking_result<std::vector<available_date>> available_dates(std::string_view unit, const availability_query& query,
                                                              deadline until) override {
    return inner_.available_dates(unit, query, until);
  }
  booking_result<std::vector<timeslot>> available_timeslots(std::string_view unit, const availability_query& query,
                                                            deadline until) override {
    return inner_.available_timeslots(unit, query, until);
  }
  booking_result<std::vector<time_type>> time_types(std::string_view unit, const catalogue_query& query,
                                                    deadline until) override {
    return inner_.time_types(unit, query, until);
  }
  booking_result<std::vector<facility>> facilities(std::string_view unit, const catalogue_query& query,
                                                   deadline until) override {
    return inner_.facilities(unit, query, until);
  }
  booking_result<std::vector<practitioner>> practitioners(std::string_view unit, const catalogue_query& query,
                                                          deadline until) override {
    return inner_.practitioners(unit, query, until);
  }
  booking_result<write_receipt> make(std::string_view unit, const make_request& request, deadline until) override {
    return inner_.make(unit, request, until);
  }
  booking_result<write_receipt> update(std::string_view unit, const update_request& request,
                                       deadline until) override {
    return inner_.update(unit, request, until);
  }
  booking_result<write_receipt> cancel(std::string_view unit, const cancel_request& request,
                                       deadline until) override {
    return inner_.cancel(unit, request, until);
  }
  booking_result<write_receipt> confirm(std::string_view unit, const confirm_request& request,
                                        deadline until) override {
    return inner_.confirm(unit, request, until);
  }

 protected:
  booking_system& inner() { return inner_; }

 private:
  booking_system& inner_;
};

// A system built on helpers it holds by reference (e.g. an http_transport):
// owns both, so the builder can hand back one object.
template <class Helper>
class owning_system final : public forwarding_system {
 public:
  owning_system(std::unique_ptr<Helper> helper, std::unique_ptr<booking_system> system)
      : forwarding_system(*system), helper_(std::move(helper)), system_(std::move(system)) {}

 private:
  std::unique_ptr<Helper> helper_;          // destroyed after system_
  std::unique_ptr<booking_system> system_;
};

}  // namespace tidnav::adapters::host
