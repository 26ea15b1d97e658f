// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/core/outcome_texts.hpp"

#include <array>
#include <utility>

namespace tidnav::adapters {
namespace {

using enum business_code;

constexpr std::array<std::pair<business_code, std::string_view>, 16> citizen_texts{{
    {requested_time_already_reserved, "Tiden har tyvärr redan bokats av någon annan. Välj en annan tid."},
    {requested_time_passed, "Tiden har redan passerat. Välj en annan tid."},
    {slot_not_found, "Tiden går inte längre att boka. Välj en annan tid."},
    {too_late_to_book, "Det är för sent att boka den här tiden via webben. Välj en senare tid eller kontakta mottagningen."},
    {person_already_occupied, "Du har redan en bokad tid vid samma tidpunkt."},
    {appointment_already_canceled, "Tiden är redan avbokad."},
    {appointment_already_updated, "Tiden har redan ändrats. Se över dina bokade tider."},
    {appointment_already_confirmed, "Tiden är redan bekräftad."},
    {too_late_to_rebook, "Det är för sent att boka om tiden via webben. Kontakta mottagningen."},
    {too_late_to_cancel, "Det är för sent att avboka tiden via webben. Kontakta mottagningen."},
    {too_late_to_confirm, "Det är för sent att bekräfta tiden via webben. Kontakta mottagningen."},
    {not_found, "Bokningen hittades inte."},
    {not_allowed, "Det går inte att göra det här via webben för den här tiden. Kontakta mottagningen."},
    {invalid_person, "Personnumret eller samordningsnumret är inte giltigt."},
    {unit_not_found, "Mottagningen tar inte emot bokningar här. Kontakta mottagningen."},
    {invalid_request, "Uppgifterna i förfrågan är inte giltiga. Försök igen."},
}};

}  // namespace

std::string_view citizen_text(business_code c) {
  for (const auto& [code, text] : citizen_texts) {
    if (code == c) return text;
  }
  return "Något gick fel. Kontakta mottagningen.";
}

std::string_view citizen_text(const booking_error& e) {
  return e.citizen_text.empty() ? citizen_text(e.business) : std::string_view(e.citizen_text);
}

std::string_view fault_text(technical_code c) {
  switch (c) {
    case technical_code::backend_down: return "Technical error: the booking system could not be reached";
    case technical_code::timeout: return "Technical error: the booking system did not answer in time";
    case technical_code::unauthorized: return "Technical error: the booking system refused the adapter's credentials";
    case technical_code::bad_backend_answer: return "Technical error: the booking system's answer could not be read";
  }
  return "Technical error";
}

}  // namespace tidnav::adapters
