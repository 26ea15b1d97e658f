// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/sandbox/region.hpp"

#include "adapters/core/person_number.hpp"
#include "adapters/core/swedish_time.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace tidnav::sandbox {
namespace {

using namespace std::chrono;

// Every HSA-id and name below is invented. Cosmic searches by HSA-id and the
// crm:scheduling producers (PASiS, PMO) speak HSA-ids, so their units' native
// ids are their HSA-ids; Millennium's are Location ids. The prefix is the fictional one the
// project uses everywhere (SE2321000016-); the person numbers are test numbers.
struct unit_row {
  const char* suffix;
  const char* native_id;
  const char* name;
  const char* region;
  const char* address;
  system_kind system;
  const char* doctor[3];  // first, last, title
  const char* nurse[3];
};

constexpr unit_row unit_rows[] = {
    {"SKM1", "LOC-4711", "Vårdcentralen Lundagård", "Region Skåne", "Kyrkogatan 3, Lund", system_kind::millennium,
     {"Anna", "Åkesson", "Specialist i allmänmedicin"}, {"Björn", "Lindqvist", "Distriktssköterska"}},
    {"SKM2", "LOC-4712", "Hudmottagningen Malmö Väst", "Region Skåne", "Södra Förstadsgatan 101, Malmö",
     system_kind::millennium, {"Cecilia", "Öberg", "Hudläkare"}, {"David", "Persson", "Sjuksköterska"}},
    {"SKP1", "SE2321000016-SKP1", "Vårdcentralen Sorgenfri", "Region Skåne", "Sorgenfrivägen 8, Malmö", system_kind::pasis,
     {"Erik", "Holm", "Specialist i allmänmedicin"}, {"Fatima", "Haddad", "Distriktssköterska"}},
    {"SKP2", "SE2321000016-SKP2", "Ögonmottagningen Helsingborg Norra", "Region Skåne", "Drottninggatan 40, Helsingborg",
     system_kind::pasis, {"Gustav", "Berg", "Ögonläkare"}, {"Hanna", "Ek", "Ortoptist"}},
    {"SKB1", "SE2321000016-SKB1", "Hälsomottagningen Trelleborg", "Region Skåne", "Hamngatan 12, Trelleborg", system_kind::pmo,
     {"Ida", "Sjöberg", "Läkare"}, {"Johan", "Nyberg", "Sjuksköterska"}},
    {"SKB2", "SE2321000016-SKB2", "Barnavårdscentralen Kristianstad Öst", "Region Skåne", "Östra Boulevarden 5, Kristianstad",
     system_kind::pmo, {"Karin", "Dahl", "Barnläkare"}, {"Lars", "Mattsson", "Barnsjuksköterska"}},
    {"JKC1", "SE2321000016-JKC1", "Vårdcentralen Rosenlund", "Region Jönköpings län", "Rosenlundsgatan 1, Jönköping",
     system_kind::cosmic, {"Maria", "Ljung", "Specialist i allmänmedicin"}, {"Nils", "Forsberg", "Distriktssköterska"}},
    {"JKC2", "SE2321000016-JKC2", "Vårdcentralen Huskvarna Ådalen", "Region Jönköpings län", "Ådalsgatan 9, Huskvarna",
     system_kind::cosmic, {"Olivia", "Strand", "Läkare"}, {"Per", "Hedlund", "Sjuksköterska"}},
    {"JKC3", "SE2321000016-JKC3", "Öronmottagningen Ryhov", "Region Jönköpings län", "Sjukhusgatan, Jönköping",
     system_kind::cosmic, {"Rut", "Engström", "Öronläkare"}, {"Sara", "Blom", "Audionom"}},
};

struct person_row {
  const char* id;
  const char* name;
};

// Skatteverket's published test numbers (each checked at start-up).
constexpr person_row person_rows[] = {
    {"191212121212", "Tolvan Tolvansson"},
    {"198112189876", "Lisa Nilsson"},
    {"199010102383", "Sven Svensson"},
    {"196408233234", "Karl Karlsson"},
    {"201212121212", "Elsa Tolvansson"},
};

// Times offered each working day, per time type (Swedish wall clock, hh*60+mm).
struct offer {
  const char* time_type;
  int minute_of_day;
};
constexpr offer day_plan[] = {
    {"LAK30", 8 * 60},       {"LAK30", 8 * 60 + 30}, {"SSK20", 9 * 60 + 30}, {"LAK30", 10 * 60},
    {"VIDEO20", 10 * 60 + 30}, {"SSK20", 11 * 60},   {"VIDEO20", 11 * 60 + 30}, {"LAK30", 13 * 60},
    {"LAK30", 14 * 60},      {"SSK20", 15 * 60},     {"VIDEO20", 15 * 60 + 30},
};

// Existing bookings: person, unit, first working day on or after today + days, time type.
struct booking_row {
  const char* person;
  const char* unit_suffix;
  int days;
  const char* time_type;
  const char* reason;
};
constexpr booking_row booking_rows[] = {
    {"191212121212", "SKM1", 5, "LAK30", "Uppföljning av blodtryck"},
    {"191212121212", "SKP1", 8, "SSK20", "Såromläggning"},
    {"191212121212", "SKB1", 12, "VIDEO20", "Samtal om provsvar"},
    {"191212121212", "JKC1", 15, "LAK30", "Hälsokontroll"},
    {"198112189876", "SKM2", 6, "LAK30", "Kontroll av födelsemärke"},
    {"198112189876", "JKC3", 10, "VIDEO20", "Uppföljning hörselprov"},
    {"199010102383", "SKP2", 7, "LAK30", "Synundersökning"},
    {"199010102383", "JKC2", 9, "SSK20", "Vaccination"},
    {"196408233234", "SKP1", 4, "VIDEO20", "Receptförnyelse"},
    {"196408233234", "SKM1", 11, "SSK20", "Provtagning"},
    {"201212121212", "SKB2", 6, "SSK20", "Tillväxtkontroll"},
    {"201212121212", "JKC1", 13, "VIDEO20", "Uppföljning efter infektion"},
};

const char* hsa_prefix = "SE2321000016-";

bool working_day(year_month_day d) {
  const weekday w{sys_days{d}};
  return w != Saturday && w != Sunday;
}

// A stable pseudo-random number per slot, so the grid has gaps like a real
// appointment book, the same gaps every run of the same day.
std::uint32_t mix(std::string_view s) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : s) h = (h ^ c) * 16777619u;
  return h;
}

std::string two(unsigned v) {
  char b[8];
  std::snprintf(b, sizeof b, "%02u", v);
  return b;
}

std::string compact_date(year_month_day d) {
  return std::to_string(static_cast<int>(d.year())) + two(static_cast<unsigned>(d.month())) +
         two(static_cast<unsigned>(d.day()));
}

std::string booking_id(system_kind s, int n) {
  switch (s) {
    case system_kind::millennium: return "M-" + std::to_string(7000 + n);
    case system_kind::cosmic: return "A-" + std::to_string(3000 + n);
    case system_kind::pasis: return "PB" + std::to_string(510000 + n);
    case system_kind::pmo: return "PMO-" + std::to_string(900 + n);
  }
  return std::to_string(n);
}

}  // namespace

std::string_view to_string(system_kind s) {
  switch (s) {
    case system_kind::millennium: return "millennium";
    case system_kind::cosmic: return "cosmic";
    case system_kind::pasis: return "pasis";
    case system_kind::pmo: return "pmo";
  }
  return "?";
}

std::string_view display_name(system_kind s) {
  switch (s) {
    case system_kind::millennium: return "Millennium";
    case system_kind::cosmic: return "Cosmic";
    case system_kind::pasis: return "PASiS";
    case system_kind::pmo: return "PMO";
  }
  return "?";
}

const unit_def* region::unit(std::string_view hsa_id) const {
  for (const auto& u : units) {
    if (u.hsa_id == hsa_id) return &u;
  }
  return nullptr;
}

const slot_def* region::slot(std::string_view id) const {
  for (const auto& s : slots) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

const time_type_def* region::time_type(std::string_view code) const {
  for (const auto& t : time_types) {
    if (t.code == code) return &t;
  }
  return nullptr;
}

std::vector<const unit_def*> region::units_on(system_kind s) const {
  std::vector<const unit_def*> out;
  for (const auto& u : units) {
    if (u.system == s) out.push_back(&u);
  }
  return out;
}

std::string ts_text(local_seconds t) { return adapters::format_ts(t); }

std::string iso_utc(sys_seconds t) {
  const auto day = floor<days>(t);
  const year_month_day d{day};
  const hh_mm_ss hms{t - day};
  return std::to_string(static_cast<int>(d.year())) + "-" + two(static_cast<unsigned>(d.month())) + "-" +
         two(static_cast<unsigned>(d.day())) + "T" + two(static_cast<unsigned>(hms.hours().count())) + ":" +
         two(static_cast<unsigned>(hms.minutes().count())) + ":" + two(static_cast<unsigned>(hms.seconds().count())) +
         "Z";
}

year_month_day swedish_today() {
  return adapters::stockholm_date(time_point_cast<seconds>(system_clock::now()));
}

region make_region(const region_options& options) {
  region r;
  r.today = options.today;
  r.time_types = {
      {"LAK30", "Läkarbesök", 30, contact_kind::physical},
      {"SSK20", "Sjuksköterskebesök", 20, contact_kind::physical},
      {"VIDEO20", "Videobesök", 20, contact_kind::digital},
  };
  for (const auto& p : person_rows) {
    if (!adapters::check_person_number(p.id)) {
      throw std::logic_error(std::string("sandbox: built-in test person ") + p.id + " is not a valid personnummer");
    }
    r.persons.push_back({p.id, p.name});
  }
  for (const auto& row : unit_rows) {
    unit_def u;
    u.hsa_id = std::string(hsa_prefix) + row.suffix;
    u.native_id = row.native_id;
    u.name = row.name;
    u.region = row.region;
    u.address = row.address;
    u.system = row.system;
    u.practitioners.push_back(
        {std::string(hsa_prefix) + "P" + row.suffix + "1", row.doctor[0], row.doctor[1], row.doctor[2]});
    u.practitioners.push_back(
        {std::string(hsa_prefix) + "P" + row.suffix + "2", row.nurse[0], row.nurse[1], row.nurse[2]});
    r.units.push_back(std::move(u));
  }

  // Free slots: every working day from tomorrow to the end of the horizon.
  for (const auto& u : r.units) {
    for (int d = 1; d <= options.horizon_days; ++d) {
      const year_month_day day{sys_days{options.today} + days{d}};
      if (!working_day(day)) continue;
      for (const auto& o : day_plan) {
        const auto* tt = r.time_type(o.time_type);
        const std::string id = u.hsa_id.substr(std::string_view(hsa_prefix).size()) + "-" + compact_date(day) + "-" +
                               two(static_cast<unsigned>(o.minute_of_day / 60)) +
                               two(static_cast<unsigned>(o.minute_of_day % 60)) + "-" + tt->code;
        if (mix(id) % 6 == 0) continue;  // taken by someone outside the demo
        slot_def s;
        s.id = id;
        s.unit = u.hsa_id;
        s.time_type = tt->code;
        s.practitioner = tt->code == "SSK20" ? u.practitioners[1].hsa_id : u.practitioners[0].hsa_id;
        s.start_local = local_days{day} + minutes{o.minute_of_day};
        s.end_local = s.start_local + minutes{tt->minutes};
        // Working hours never fall in a DST gap or overlap.
        s.start_utc = *adapters::from_stockholm(s.start_local);
        s.end_utc = *adapters::from_stockholm(s.end_local);
        r.slots.push_back(std::move(s));
      }
    }
  }

  // Existing bookings take the first free slot of their type on their day.
  int n = 1;
  for (const auto& b : booking_rows) {
    const std::string unit = std::string(hsa_prefix) + b.unit_suffix;
    const auto* u = r.unit(unit);
    const slot_def* chosen = nullptr;
    for (int d = b.days; d <= options.horizon_days && !chosen; ++d) {
      const local_days day{(sys_days{options.today} + days{d}).time_since_epoch()};
      for (const auto& s : r.slots) {
        if (s.unit == unit && s.time_type == b.time_type && floor<days>(s.start_local) == day) {
          const bool taken = std::any_of(r.bookings.begin(), r.bookings.end(),
                                         [&](const booking_def& x) { return x.slot == s.id; });
          if (!taken) {
            chosen = &s;
            break;
          }
        }
      }
    }
    if (!chosen) continue;  // only when the horizon is shorter than the booking table
    r.bookings.push_back({booking_id(u->system, n++), b.person, chosen->id, b.reason});
  }
  return r;
}

}  // namespace tidnav::sandbox
