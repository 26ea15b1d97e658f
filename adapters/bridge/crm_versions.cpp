// SPDX-License-Identifier: GPL-2.0-or-later
// Field-by-field copies between the two generated families. Where 1.0 and 1.1
// agree on a member, one template serves both directions; what only 1.1 has is
// handled with `requires` so the direction that lacks it simply skips it.
#include "adapters/bridge/crm_versions.hpp"

#include <type_traits>

namespace tidnav::adapters::bridge {
namespace {

// The four shapes a member can take on either side: value or optional pointer.
void set(object_arena&, std::string& out, const std::string& in) { out = in; }
void set(object_arena&, std::string*& out, std::string* const& in) { out = in; }
void set(object_arena& mem, std::string*& out, const std::string& in) { out = mem.str(in); }
void set(object_arena&, std::string& out, std::string* const& in) { out = in ? *in : std::string(); }
void set(object_arena&, bool*& out, bool* const& in) { out = in; }
void set(object_arena&, std::vector<std::string>& out, const std::vector<std::string>& in) { out = in; }

template <class Out, class In>
Out result_code(In in) {
  switch (in) {
    case In::OK: return Out::OK;
    case In::INFO: return Out::INFO;
    case In::ERROR: return Out::ERROR;
  }
  return Out::ERROR;
}

#define TIDNAV_SET(field) set(mem, out->field, in.field);

template <class Out, class In>
Out* timeslot(object_arena& mem, const In* from) {
  if (!from) return nullptr;
  const In& in = *from;
  auto* out = mem.make<Out>();
  TIDNAV_SET(startTimeInclusive)
  TIDNAV_SET(endTimeExclusive)
  TIDNAV_SET(healthcare_USCOREfacility)
  TIDNAV_SET(performer)
  TIDNAV_SET(bookingId)
  TIDNAV_SET(subject_USCOREof_USCOREcare)
  TIDNAV_SET(purpose)
  TIDNAV_SET(reason)
  TIDNAV_SET(resourceName)
  TIDNAV_SET(healthcare_USCOREfacility_USCOREname)
  TIDNAV_SET(performerName)
  TIDNAV_SET(resourceID)
  TIDNAV_SET(timeTypeName)
  TIDNAV_SET(timeTypeID)
  TIDNAV_SET(careTypeName)
  TIDNAV_SET(careTypeID)
  TIDNAV_SET(cancel_USCOREbooking_USCOREallowed)
  TIDNAV_SET(rebooking_USCOREallowed)
  TIDNAV_SET(message_USCOREallowed)
  if constexpr (requires { out->crmx__isInvitation; in.crmx__isInvitation; }) TIDNAV_SET(crmx__isInvitation)
  return out;
}

template <class Out, class In>
Out* subject_info(object_arena& mem, const In* from) {
  if (!from) return nullptr;
  const In& in = *from;
  auto* out = mem.make<Out>();
  TIDNAV_SET(phone)
  TIDNAV_SET(email)
  TIDNAV_SET(address)
  TIDNAV_SET(coaddress)
  if constexpr (requires { out->crmx__firstName; in.crmx__firstName; }) {
    TIDNAV_SET(crmx__firstName)
    TIDNAV_SET(crmx__middleName)
    TIDNAV_SET(crmx__lastName)
  }
  return out;
}

template <class Out, class In>
std::vector<Out*> timeslots(object_arena& mem, const std::vector<In*>& in) {
  std::vector<Out*> out;
  for (const In* t : in) {
    if (t) out.push_back(timeslot<Out>(mem, t));
  }
  return out;
}

template <class Out, class In>
Out* schedule_request(object_arena& mem, const In& in) {
  auto* out = mem.make<Out>();
  TIDNAV_SET(healthcare_USCOREfacility)
  TIDNAV_SET(subject_USCOREof_USCOREcare)
  return out;
}

template <class Out, class In>
Out* details_request(object_arena& mem, const In& in) {
  auto* out = mem.make<Out>();
  TIDNAV_SET(healthcare_USCOREfacility)
  TIDNAV_SET(bookingId)
  return out;
}

template <class Out, class In>
Out* cancel_request(object_arena& mem, const In& in) {
  auto* out = mem.make<Out>();
  TIDNAV_SET(healthcare_USCOREfacility)
  TIDNAV_SET(bookingId)
  TIDNAV_SET(message)
  return out;
}

template <class Out, class In>
Out* make_request(object_arena& mem, const In& in) {
  auto* out = mem.make<Out>();
  TIDNAV_SET(healthcare_USCOREfacility_USCOREmed)
  out->requestedTimeslot =
      timeslot<std::remove_pointer_t<decltype(out->requestedTimeslot)>>(mem, in.requestedTimeslot);
  out->subject_USCOREof_USCOREcare_USCOREinfo =
      subject_info<std::remove_pointer_t<decltype(out->subject_USCOREof_USCOREcare_USCOREinfo)>>(
          mem, in.subject_USCOREof_USCOREcare_USCOREinfo);
  TIDNAV_SET(notification)
  return out;
}

template <class Out, class In>
Out* update_request(object_arena& mem, const In& in) {
  auto* out = mem.make<Out>();
  out->requestedTimeslot =
      timeslot<std::remove_pointer_t<decltype(out->requestedTimeslot)>>(mem, in.requestedTimeslot);
  out->subject_USCOREof_USCOREcare_USCOREinfo =
      subject_info<std::remove_pointer_t<decltype(out->subject_USCOREof_USCOREcare_USCOREinfo)>>(
          mem, in.subject_USCOREof_USCOREcare_USCOREinfo);
  TIDNAV_SET(notification)
  return out;
}

// GetAvailableDates and GetAvailableTimeslots requests have the same members.
template <class Out, class In>
Out* availability_request(object_arena& mem, const In& in) {
  auto* out = mem.make<Out>();
  TIDNAV_SET(healthcare_USCOREfacility)
  TIDNAV_SET(bookingId)
  TIDNAV_SET(startDateInclusive)
  TIDNAV_SET(endDateInclusive)
  TIDNAV_SET(performer)
  TIDNAV_SET(timeTypeName)
  TIDNAV_SET(timeTypeID)
  TIDNAV_SET(careTypeName)
  TIDNAV_SET(careTypeID)
  return out;
}

template <class Out, class In>
Out* write_response(object_arena& mem, const In& in) {
  auto* out = mem.make<Out>();
  out->resultCode = result_code<decltype(out->resultCode)>(in.resultCode);
  TIDNAV_SET(resultText)
  if constexpr (requires { out->bookingId; in.bookingId; }) TIDNAV_SET(bookingId)
  return out;
}

template <class Out, class In>
Out* dates_response(object_arena& mem, const In& in) {
  using Date = std::remove_pointer_t<typename decltype(Out::performerAvailabilityByDate)::value_type>;
  auto* out = mem.make<Out>();
  for (const auto* d : in.performerAvailabilityByDate) {
    if (!d) continue;
    auto* o = mem.make<Date>();
    o->healthcare_USCOREfacility = d->healthcare_USCOREfacility;
    o->performer = d->performer;
    o->date = d->date;
    o->resourceName = d->resourceName;
    o->resourceID = d->resourceID;
    o->timeTypeName = d->timeTypeName;
    o->timeTypeID = d->timeTypeID;
    o->careTypeName = d->careTypeName;
    o->careTypeID = d->careTypeID;
    out->performerAvailabilityByDate.push_back(o);
  }
  return out;
}

template <class Out, class In>
Out* time_types_response(object_arena& mem, const In& in) {
  using Type = std::remove_pointer_t<typename decltype(Out::ListOfTimeTypes)::value_type>;
  auto* out = mem.make<Out>();
  for (const auto* t : in.ListOfTimeTypes) {
    if (!t) continue;
    auto* o = mem.make<Type>();
    o->timeTypeName = t->timeTypeName;
    o->timeTypeId = t->timeTypeId;
    out->ListOfTimeTypes.push_back(o);
  }
  return out;
}

#undef TIDNAV_SET

}  // namespace

// ---- requests 1.1 -> 1.0 ------------------------------------------------------
crm10::socs__GetSubjectOfCareScheduleType* to_crm10(object_arena& mem, const crm11::socs__GetSubjectOfCareScheduleType& in) {
  return schedule_request<crm10::socs__GetSubjectOfCareScheduleType>(mem, in);
}
crm10::gbd__GetBookingDetailsType* to_crm10(object_arena& mem, const crm11::gbd__GetBookingDetailsType& in) {
  return details_request<crm10::gbd__GetBookingDetailsType>(mem, in);
}
crm10::mb__MakeBookingType* to_crm10(object_arena& mem, const crm11::mb__MakeBookingType& in) {
  return make_request<crm10::mb__MakeBookingType>(mem, in);
}
crm10::ub__UpdateBookingType* to_crm10(object_arena& mem, const crm11::ub__UpdateBookingType& in) {
  return update_request<crm10::ub__UpdateBookingType>(mem, in);
}
crm10::cb__CancelBookingType* to_crm10(object_arena& mem, const crm11::cb__CancelBookingType& in) {
  return cancel_request<crm10::cb__CancelBookingType>(mem, in);
}
crm10::gad__GetAvailableDatesType* to_crm10(object_arena& mem, const crm11::gad__GetAvailableDatesType& in) {
  return availability_request<crm10::gad__GetAvailableDatesType>(mem, in);
}
crm10::gat__GetAvailableTimeslotsType* to_crm10(object_arena& mem, const crm11::gat__GetAvailableTimeslotsType& in) {
  return availability_request<crm10::gat__GetAvailableTimeslotsType>(mem, in);
}
crm10::gtt__GetAllTimeTypesType* to_crm10(object_arena& mem, const crm11::gtt__GetAllTimeTypesType& in) {
  auto* out = mem.make<crm10::gtt__GetAllTimeTypesType>();
  out->healthcare_USCOREfacility = in.healthcare_USCOREfacility;
  return out;
}

// ---- responses 1.0 -> 1.1 -----------------------------------------------------
crm11::socs__GetSubjectOfCareScheduleResponseType* to_crm11(object_arena& mem, const crm10::socs__GetSubjectOfCareScheduleResponseType& in) {
  auto* out = mem.make<crm11::socs__GetSubjectOfCareScheduleResponseType>();
  out->timeslotDetail = timeslots<crm11::crm__TimeslotType>(mem, in.timeslotDetail);
  return out;
}
crm11::gbd__GetBookingDetailsResponseType* to_crm11(object_arena& mem, const crm10::gbd__GetBookingDetailsResponseType& in) {
  auto* out = mem.make<crm11::gbd__GetBookingDetailsResponseType>();
  out->timeslotDetail = timeslot<crm11::crm__TimeslotType>(mem, in.timeslotDetail);
  return out;
}
crm11::mb__MakeBookingResponseType* to_crm11(object_arena& mem, const crm10::mb__MakeBookingResponseType& in) {
  return write_response<crm11::mb__MakeBookingResponseType>(mem, in);
}
crm11::ub__UpdateBookingResponseType* to_crm11(object_arena& mem, const crm10::ub__UpdateBookingResponseType& in) {
  return write_response<crm11::ub__UpdateBookingResponseType>(mem, in);
}
crm11::cb__CancelBookingResponseType* to_crm11(object_arena& mem, const crm10::cb__CancelBookingResponseType& in) {
  return write_response<crm11::cb__CancelBookingResponseType>(mem, in);
}
crm11::gad__GetAvailableDatesResponseType* to_crm11(object_arena& mem, const crm10::gad__GetAvailableDatesResponseType& in) {
  return dates_response<crm11::gad__GetAvailableDatesResponseType>(mem, in);
}
crm11::gat__GetAvailableTimeslotsResponseType* to_crm11(object_arena& mem, const crm10::gat__GetAvailableTimeslotsResponseType& in) {
  auto* out = mem.make<crm11::gat__GetAvailableTimeslotsResponseType>();
  out->timeslotDetail = timeslots<crm11::crm__TimeslotType>(mem, in.timeslotDetail);
  return out;
}
crm11::gtt__GetAllTimeTypesResponseType* to_crm11(object_arena& mem, const crm10::gtt__GetAllTimeTypesResponseType& in) {
  return time_types_response<crm11::gtt__GetAllTimeTypesResponseType>(mem, in);
}

// ---- requests 1.0 -> 1.1 ------------------------------------------------------
crm11::socs__GetSubjectOfCareScheduleType* to_crm11(object_arena& mem, const crm10::socs__GetSubjectOfCareScheduleType& in) {
  return schedule_request<crm11::socs__GetSubjectOfCareScheduleType>(mem, in);
}
crm11::gbd__GetBookingDetailsType* to_crm11(object_arena& mem, const crm10::gbd__GetBookingDetailsType& in) {
  return details_request<crm11::gbd__GetBookingDetailsType>(mem, in);
}
crm11::mb__MakeBookingType* to_crm11(object_arena& mem, const crm10::mb__MakeBookingType& in) {
  return make_request<crm11::mb__MakeBookingType>(mem, in);
}
crm11::ub__UpdateBookingType* to_crm11(object_arena& mem, const crm10::ub__UpdateBookingType& in) {
  return update_request<crm11::ub__UpdateBookingType>(mem, in);
}
crm11::cb__CancelBookingType* to_crm11(object_arena& mem, const crm10::cb__CancelBookingType& in) {
  return cancel_request<crm11::cb__CancelBookingType>(mem, in);
}
crm11::gad__GetAvailableDatesType* to_crm11(object_arena& mem, const crm10::gad__GetAvailableDatesType& in,
                                            const std::string& subject) {
  auto* out = availability_request<crm11::gad__GetAvailableDatesType>(mem, in);
  out->gadx__subject_USCOREof_USCOREcare = subject;
  return out;
}
crm11::gat__GetAvailableTimeslotsType* to_crm11(object_arena& mem, const crm10::gat__GetAvailableTimeslotsType& in,
                                                const std::string& subject) {
  auto* out = availability_request<crm11::gat__GetAvailableTimeslotsType>(mem, in);
  out->gatx__subject_USCOREof_USCOREcare = subject;
  return out;
}
crm11::gtt__GetAllTimeTypesType* to_crm11(object_arena& mem, const crm10::gtt__GetAllTimeTypesType& in,
                                          const std::string& subject) {
  auto* out = mem.make<crm11::gtt__GetAllTimeTypesType>();
  out->healthcare_USCOREfacility = in.healthcare_USCOREfacility;
  out->gttx__subject_USCOREof_USCOREcare = subject;
  return out;
}

// ---- responses 1.1 -> 1.0 -----------------------------------------------------
crm10::socs__GetSubjectOfCareScheduleResponseType* to_crm10(object_arena& mem, const crm11::socs__GetSubjectOfCareScheduleResponseType& in) {
  auto* out = mem.make<crm10::socs__GetSubjectOfCareScheduleResponseType>();
  out->timeslotDetail = timeslots<crm10::crm__TimeslotType>(mem, in.timeslotDetail);
  return out;
}
crm10::gbd__GetBookingDetailsResponseType* to_crm10(object_arena& mem, const crm11::gbd__GetBookingDetailsResponseType& in) {
  auto* out = mem.make<crm10::gbd__GetBookingDetailsResponseType>();
  out->timeslotDetail = timeslot<crm10::crm__TimeslotType>(mem, in.timeslotDetail);
  return out;
}
crm10::mb__MakeBookingResponseType* to_crm10(object_arena& mem, const crm11::mb__MakeBookingResponseType& in) {
  return write_response<crm10::mb__MakeBookingResponseType>(mem, in);
}
crm10::ub__UpdateBookingResponseType* to_crm10(object_arena& mem, const crm11::ub__UpdateBookingResponseType& in) {
  return write_response<crm10::ub__UpdateBookingResponseType>(mem, in);
}
crm10::cb__CancelBookingResponseType* to_crm10(object_arena& mem, const crm11::cb__CancelBookingResponseType& in) {
  return write_response<crm10::cb__CancelBookingResponseType>(mem, in);
}
crm10::gad__GetAvailableDatesResponseType* to_crm10(object_arena& mem, const crm11::gad__GetAvailableDatesResponseType& in) {
  return dates_response<crm10::gad__GetAvailableDatesResponseType>(mem, in);
}
crm10::gat__GetAvailableTimeslotsResponseType* to_crm10(object_arena& mem, const crm11::gat__GetAvailableTimeslotsResponseType& in) {
  auto* out = mem.make<crm10::gat__GetAvailableTimeslotsResponseType>();
  out->timeslotDetail = timeslots<crm10::crm__TimeslotType>(mem, in.timeslotDetail);
  return out;
}
crm10::gtt__GetAllTimeTypesResponseType* to_crm10(object_arena& mem, const crm11::gtt__GetAllTimeTypesResponseType& in) {
  return time_types_response<crm10::gtt__GetAllTimeTypesResponseType>(mem, in);
}

}  // namespace tidnav::adapters::bridge
