// SPDX-License-Identifier: GPL-2.0-or-later
// crm:scheduling 1.1 for the booking flow: a citizen Actor header, units in
// the body, and times named by their fields (1.1 has no slot ids).
#include "tools/conform/conform_options.hpp"
#include "tools/conform/driver_base.hpp"

namespace tidnav::conform {
namespace {

void add_if(fields& f, const std::string& path, const std::string& value) {
  if (!value.empty()) f.push_back({path, value});
}

free_slot slot_of(const pugi::xml_node& t) {
  free_slot s;
  s.start = text_of(t, "startTimeInclusive");
  s.end = text_of(t, "endTimeExclusive");
  s.facility = text_of(t, "healthcare_facility");
  s.performer = text_of(t, "performer");
  s.resource = text_of(t, "resourceID");
  s.time_type = text_of(t, "timeTypeID");
  s.care_type = text_of(t, "careTypeID");
  s.cancel_allowed = flag(t, "cancel_booking_allowed");
  s.update_allowed = flag(t, "rebooking_allowed");
  return s;
}

// requestedTimeslot naming a free time exactly as it was offered.
fields requested(const free_slot& s) {
  fields f{{"requestedTimeslot.startTimeInclusive", s.start}, {"requestedTimeslot.endTimeExclusive", s.end},
           {"requestedTimeslot.healthcare_facility", s.facility}};
  add_if(f, "requestedTimeslot.performer", s.performer);
  return f;
}

void add_slot_tail(fields& f, const free_slot& s, const std::string& person, const std::string& reason) {
  f.push_back({"requestedTimeslot.subject_of_care", person});
  add_if(f, "requestedTimeslot.reason", reason);
  add_if(f, "requestedTimeslot.resourceID", s.resource);
  add_if(f, "requestedTimeslot.timeTypeID", s.time_type);
  add_if(f, "requestedTimeslot.careTypeID", s.care_type);
}

listed_booking listed_of(const pugi::xml_node& n) {
  listed_booking b;
  b.id = text_of(n, "bookingId");
  b.facility = text_of(n, "healthcare_facility");
  b.start = text_of(n, "startTimeInclusive");
  b.end = text_of(n, "endTimeExclusive");
  b.person = text_of(n, "subject_of_care");
  b.invitation = flag(n, "isInvitation").value_or(false);
  return b;
}

void details_of(const pugi::xml_node& body, booking_details& d) {
  const pugi::xml_node n = child(body, "timeslotDetail");
  if (!n) return;
  d.found = true;
  d.id = text_of(n, "bookingId");
  d.start = text_of(n, "startTimeInclusive");
  d.end = text_of(n, "endTimeExclusive");
  d.has_start = static_cast<bool>(child(n, "startTimeInclusive"));
  d.has_end = static_cast<bool>(child(n, "endTimeExclusive"));
  d.facility = text_of(n, "healthcare_facility");
  d.person = text_of(n, "subject_of_care");
  d.time_type = text_of(n, "timeTypeID");
  d.purpose = text_of(n, "purpose");
  d.cancel_allowed = flag(n, "cancel_booking_allowed");
  d.update_allowed = flag(n, "rebooking_allowed");
  d.message_allowed = flag(n, "message_allowed");
  d.invitation = flag(n, "isInvitation").value_or(false);
}

free_date date_of(const pugi::xml_node& n) {
  free_date d;
  d.date = text_of(n, "date");
  d.time_type = text_of(n, "timeTypeID");
  d.facility = text_of(n, "healthcare_facility");
  return d;
}

// 1.1 names the citizen in the Actor header of every call made in their name.
call_options as_citizen(const std::string& person, call_options o = {}) {
  if (!o.actor) o.actor = contracts::actor_header{person, "subject_of_care"};
  return o;
}

class crm11_driver final : public driver_base {
 public:
  crm11_driver(contract_client& client, const conform_options& options)
      : driver_base(client, {"GetSubjectOfCareSchedule", "GetBookingDetails", "MakeBooking", "UpdateBooking",
                             "CancelBooking", "bookingId"}),
        options_(options) {}

  fields unit_and_person(const std::string& person) const {
    return {{"healthcare_facility", client_.logical_address()}, {"subject_of_care", person}};
  }
  fields list_fields(const std::string& person) const override { return unit_and_person(person); }
  std::string person_field_path() const override { return "subject_of_care"; }

  reply<std::vector<listed_booking>> list(const std::string& person, std::string purpose,
                                          const call_options& options) override {
    // The body names the unit as the header does (an address test changes both).
    const fields body{{"healthcare_facility", options.logical_address.value_or(client_.logical_address())},
                      {"subject_of_care", person}};
    return ask_each(list_contract(), body, std::move(purpose), "timeslotDetail", listed_of,
                    as_citizen(person, options));
  }

  reply<booking_details> read(const std::string& id, const std::string& person, std::string purpose) override {
    return ask<booking_details>(read_contract(),
                                {{"healthcare_facility", client_.logical_address()}, {"bookingId", id}},
                                std::move(purpose), as_citizen(person), details_of);
  }

  fields search_fields(const search& s) const {
    fields f{{"healthcare_facility", client_.logical_address()}};
    if (s.original) f.push_back({"bookingId", *s.original});
    f.push_back({"startDateInclusive", s.from});
    f.push_back({"endDateInclusive", s.to});
    if (s.time_type) f.push_back({"timeTypeID", *s.time_type});
    f.push_back({"subject_of_care", client_.person()});
    return f;
  }

  reply<std::vector<free_date>> dates(const search& s, std::string purpose) override {
    return ask_each("GetAvailableDates", search_fields(s), std::move(purpose), "performerAvailabilityByDate",
                    date_of);
  }

  reply<std::vector<free_slot>> slots(const search& s, std::string purpose) override {
    return ask_each("GetAvailableTimeslots", search_fields(s), std::move(purpose), "timeslotDetail", slot_of);
  }

  reply<write_result> make(const free_slot& slot, const std::string& reason, std::string purpose) override {
    fields body{{"healthcare_facility_med", slot.facility.empty() ? client_.logical_address() : slot.facility}};
    for (auto& f : requested(slot)) body.push_back(std::move(f));
    add_slot_tail(body, slot, client_.person(), reason);
    body.push_back({"subject_of_care_info.firstName", options_.first_name});
    body.push_back({"subject_of_care_info.lastName", options_.last_name});
    return write(make_contract(), body, std::move(purpose));
  }

  reply<write_result> update(const std::string& id, const free_slot& to, const std::string& reason,
                             std::string purpose) override {
    fields body = requested(to);
    body.push_back({"requestedTimeslot.bookingId", id});
    add_slot_tail(body, to, client_.person(), reason);
    return write(update_contract(), body, std::move(purpose));
  }

  reply<write_result> cancel(const std::string& id, const std::string& person, const std::string& reason,
                             const free_slot* booked, std::string purpose) override {
    (void)booked;
    fields body{{"healthcare_facility", client_.logical_address()}, {"bookingId", id}};
    add_if(body, "message", reason);
    return write(cancel_contract(), body, std::move(purpose), as_citizen(person));
  }

  std::vector<std::string> catalogue(check_board& board) override {
    (void)board;
    std::vector<std::string> group{client_.logical_address()};
    const answer units = client_.call("GetAllHealthcareFacilities", unit_and_person(client_.person()),
                                      "list the units the addressed unit books for");
    for (const auto& n : children(units.body(), "healthcareFacilityInfos")) {
      group.push_back(text_of(n, "healthcare_facility"));
    }
    client_.call("GetAllTimeTypes", unit_and_person(client_.person()), "list the time types");
    client_.call("GetAllCareTypes", unit_and_person(client_.person()), "list the care types");
    client_.call("GetAllPerformers", unit_and_person(client_.person()), "list the performers");
    return group;
  }

  std::vector<std::pair<std::string, fields>> sla_reads(const search& s) const override {
    const std::string& p = client_.person();
    return {{"GetAllHealthcareFacilities", unit_and_person(p)},
            {"GetAllTimeTypes", unit_and_person(p)},
            {"GetAllCareTypes", unit_and_person(p)},
            {"GetAllPerformers", unit_and_person(p)},
            {"GetSubjectOfCareSchedule", unit_and_person(p)},
            {"GetAvailableDates", search_fields(s)},
            {"GetAvailableTimeslots", search_fields(s)}};
  }

  std::string unknown_id() const override {
    auto gen = random_engine();
    char buf[40];
    std::snprintf(buf, sizeof buf, "CONFORM-UNKNOWN-%016llx", static_cast<unsigned long long>(gen()));
    return buf;
  }

 private:
  const conform_options& options_;
};

}  // namespace

std::unique_ptr<family_driver> make_crm11_driver(contract_client& client, const conform_options& options) {
  return std::make_unique<crm11_driver>(client, options);
}

}  // namespace tidnav::conform
