// SPDX-License-Identifier: GPL-2.0-or-later
// crm:scheduling 1.0 <-> 1.1 on the generated types. 1.0 and 1.1 share element
// names and namespaces; 1.1 adds fields (isInvitation, names, subject_of_care
// in availability requests) and drops none of the nine 1.0 contracts but
// GetCancelledAndRebooked. The bridge builds every request as 1.1 and, for a
// 1.0 producer, converts it here (the compatible direction: strip what 1.0
// lacks) and reads the 1.0 answer back into 1.1 types; the 1.0 simulator uses
// the opposite directions. Pointers to unchanged values are shared with the
// source, so the source must outlive the copy.
#pragma once

#include "adapters/bridge/object_arena.hpp"

#include "envH.h"
#define WITH_NOGLOBAL
#include "crm10H.h"
#include "crm11H.h"

namespace tidnav::adapters::bridge {

// Requests, 1.1 -> 1.0 (bridge to a 1.0 producer).
crm10::socs__GetSubjectOfCareScheduleType* to_crm10(object_arena& mem, const crm11::socs__GetSubjectOfCareScheduleType& in);
crm10::gbd__GetBookingDetailsType* to_crm10(object_arena& mem, const crm11::gbd__GetBookingDetailsType& in);
crm10::mb__MakeBookingType* to_crm10(object_arena& mem, const crm11::mb__MakeBookingType& in);
crm10::ub__UpdateBookingType* to_crm10(object_arena& mem, const crm11::ub__UpdateBookingType& in);
crm10::cb__CancelBookingType* to_crm10(object_arena& mem, const crm11::cb__CancelBookingType& in);
crm10::gad__GetAvailableDatesType* to_crm10(object_arena& mem, const crm11::gad__GetAvailableDatesType& in);
crm10::gat__GetAvailableTimeslotsType* to_crm10(object_arena& mem, const crm11::gat__GetAvailableTimeslotsType& in);
crm10::gtt__GetAllTimeTypesType* to_crm10(object_arena& mem, const crm11::gtt__GetAllTimeTypesType& in);

// Responses, 1.0 -> 1.1 (a 1.0 producer's answer, read by the bridge).
crm11::socs__GetSubjectOfCareScheduleResponseType* to_crm11(object_arena& mem, const crm10::socs__GetSubjectOfCareScheduleResponseType& in);
crm11::gbd__GetBookingDetailsResponseType* to_crm11(object_arena& mem, const crm10::gbd__GetBookingDetailsResponseType& in);
crm11::mb__MakeBookingResponseType* to_crm11(object_arena& mem, const crm10::mb__MakeBookingResponseType& in);
crm11::ub__UpdateBookingResponseType* to_crm11(object_arena& mem, const crm10::ub__UpdateBookingResponseType& in);
crm11::cb__CancelBookingResponseType* to_crm11(object_arena& mem, const crm10::cb__CancelBookingResponseType& in);
crm11::gad__GetAvailableDatesResponseType* to_crm11(object_arena& mem, const crm10::gad__GetAvailableDatesResponseType& in);
crm11::gat__GetAvailableTimeslotsResponseType* to_crm11(object_arena& mem, const crm10::gat__GetAvailableTimeslotsResponseType& in);
crm11::gtt__GetAllTimeTypesResponseType* to_crm11(object_arena& mem, const crm10::gtt__GetAllTimeTypesResponseType& in);

// Requests, 1.0 -> 1.1 (the 1.0 simulator serves through the 1.1 front-end).
// `subject` fills the subject_of_care 1.0 availability requests lack.
crm11::socs__GetSubjectOfCareScheduleType* to_crm11(object_arena& mem, const crm10::socs__GetSubjectOfCareScheduleType& in);
crm11::gbd__GetBookingDetailsType* to_crm11(object_arena& mem, const crm10::gbd__GetBookingDetailsType& in);
crm11::mb__MakeBookingType* to_crm11(object_arena& mem, const crm10::mb__MakeBookingType& in);
crm11::ub__UpdateBookingType* to_crm11(object_arena& mem, const crm10::ub__UpdateBookingType& in);
crm11::cb__CancelBookingType* to_crm11(object_arena& mem, const crm10::cb__CancelBookingType& in);
crm11::gad__GetAvailableDatesType* to_crm11(object_arena& mem, const crm10::gad__GetAvailableDatesType& in,
                                            const std::string& subject);
crm11::gat__GetAvailableTimeslotsType* to_crm11(object_arena& mem, const crm10::gat__GetAvailableTimeslotsType& in,
                                                const std::string& subject);
crm11::gtt__GetAllTimeTypesType* to_crm11(object_arena& mem, const crm10::gtt__GetAllTimeTypesType& in,
                                          const std::string& subject);

// Responses, 1.1 -> 1.0 (the 1.0 simulator's answers).
crm10::socs__GetSubjectOfCareScheduleResponseType* to_crm10(object_arena& mem, const crm11::socs__GetSubjectOfCareScheduleResponseType& in);
crm10::gbd__GetBookingDetailsResponseType* to_crm10(object_arena& mem, const crm11::gbd__GetBookingDetailsResponseType& in);
crm10::mb__MakeBookingResponseType* to_crm10(object_arena& mem, const crm11::mb__MakeBookingResponseType& in);
crm10::ub__UpdateBookingResponseType* to_crm10(object_arena& mem, const crm11::ub__UpdateBookingResponseType& in);
crm10::cb__CancelBookingResponseType* to_crm10(object_arena& mem, const crm11::cb__CancelBookingResponseType& in);
crm10::gad__GetAvailableDatesResponseType* to_crm10(object_arena& mem, const crm11::gad__GetAvailableDatesResponseType& in);
crm10::gat__GetAvailableTimeslotsResponseType* to_crm10(object_arena& mem, const crm11::gat__GetAvailableTimeslotsResponseType& in);
crm10::gtt__GetAllTimeTypesResponseType* to_crm10(object_arena& mem, const crm11::gtt__GetAllTimeTypesResponseType& in);

}  // namespace tidnav::adapters::bridge
