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

// A cancellation names the booking as a details request does, and may say why.
template <class Out, class In>
Out* cancel_request(object_arena& mem, const In& in) {
  auto* out = details_request<Out>(mem, in);
  TIDNAV_SET(message)
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

// A booking asks for a time as a rebooking does, and names the unit giving the care.
template <class Out, class In>
Out* make_request(object_arena& mem, const In& in) {
  auto* out = update_request<Out>(mem, in);
  TIDNAV_SET(healthcare_USCOREfacility_USCOREmed)
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

// GetSubjectOfCareSchedule and GetAvailableTimeslots answers: a list of times.
template <class Out, class In>
Out* slot_list_response(object_arena& mem, const In& in) {
  using Slot = std::remove_pointer_t<typename decltype(Out::timeslotDetail)::value_type>;
  auto* out = mem.make<Out>();
  out->timeslotDetail = timeslots<Slot>(mem, in.timeslotDetail);
  return out;
}

// GetBookingDetails answers: one time.
template <class Out, class In>
Out* slot_response(object_arena& mem, const In& in) {
  auto* out = mem.make<Out>();
  out->timeslotDetail = timeslot<std::remove_pointer_t<decltype(out->timeslotDetail)>>(mem, in.timeslotDetail);
  return out;
}

#undef TIDNAV_SET

}  // namespace

// A type both versions have, converted by one template in either direction.
#define TIDNAV_BOTH_WAYS(type, convert)                                        \
  crm10::type* to_crm10(object_arena& mem, const crm11::type& in) {            \
    return convert<crm10::type>(mem, in);                                      \
  }                                                                            \
  crm11::type* to_crm11(object_arena& mem, const crm10::type& in) {            \
    return convert<crm11::type>(mem, in);                                      \
  }

// ---- requests and answers alike in 1.0 and 1.1 ------------------------------
TIDNAV_BOTH_WAYS(socs__GetSubjectOfCareScheduleType, schedule_request)
TIDNAV_BOTH_WAYS(gbd__GetBookingDetailsType, details_request)
TIDNAV_BOTH_WAYS(mb__MakeBookingType, make_request)
TIDNAV_BOTH_WAYS(ub__UpdateBookingType, update_request)
TIDNAV_BOTH_WAYS(cb__CancelBookingType, cancel_request)
TIDNAV_BOTH_WAYS(socs__GetSubjectOfCareScheduleResponseType, slot_list_response)
TIDNAV_BOTH_WAYS(gbd__GetBookingDetailsResponseType, slot_response)
TIDNAV_BOTH_WAYS(mb__MakeBookingResponseType, write_response)
TIDNAV_BOTH_WAYS(ub__UpdateBookingResponseType, write_response)
TIDNAV_BOTH_WAYS(cb__CancelBookingResponseType, write_response)
TIDNAV_BOTH_WAYS(gad__GetAvailableDatesResponseType, dates_response)
TIDNAV_BOTH_WAYS(gat__GetAvailableTimeslotsResponseType, slot_list_response)
TIDNAV_BOTH_WAYS(gtt__GetAllTimeTypesResponseType, time_types_response)

#undef TIDNAV_BOTH_WAYS

// ---- availability and time type requests: 1.1 adds subject_of_care ----------
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

}  // namespace tidnav::adapters::bridge
