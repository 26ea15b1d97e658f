// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/sandbox/journey.hpp"

#include "adapters/core/swedish_time.hpp"
#include "tools/sandbox/soap_call.hpp"

#include <algorithm>
#include <future>
#include <iomanip>
#include <map>
#include <set>
#include <sstream>
#include <thread>

namespace tidnav::sandbox {
namespace {

using namespace std::chrono;
using contracts::family;

constexpr const char* person_oid = "1.2.752.129.2.1.3.1";

using fields = std::vector<std::pair<std::string, std::string>>;

fields citizen(const std::string& person) {
  return {{"actor.actorId.root", person_oid},
          {"actor.actorId.extension", person},
          {"actor.actorType.code", "116154003"},
          {"actor.actorType.codeSystem", "1.2.752.116.2.1.1"},
          {"actor.actorType.displayName", "Patient"},
          {"personId.root", person_oid},
          {"personId.extension", person}};
}

fields with(fields base, const fields& more) {
  base.insert(base.end(), more.begin(), more.end());
  return base;
}

// "20261211080000" → "2026-12-11 08:00"
std::string readable(const std::string& ts) {
  if (ts.size() < 12) return ts;
  return ts.substr(0, 4) + "-" + ts.substr(4, 2) + "-" + ts.substr(6, 2) + " " + ts.substr(8, 2) + ":" + ts.substr(10, 2);
}

// Left-aligned in `width` characters (code points: the names are UTF-8).
std::string pad(std::string s, std::size_t width) {
  const auto n = static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  if (n < width) s.append(width - n, ' ');
  return s;
}

std::string dt(year_month_day d) { return adapters::format_dt(d); }

class printer {
 public:
  printer(std::ostream& out, bool color) : out_(out), color_(color) {}
  void heading(int n, int total, const std::string& text) {
    out_ << "\n" << (color_ ? "\033[1m" : "") << "== " << n << "/" << total << " " << text << (color_ ? "\033[0m" : "")
         << "\n";
  }
  void line(const std::string& text) { out_ << "   " << text << "\n"; }
  void outcome(const step_result& s, milliseconds took) {
    const char* mark = s.outcome == step_result::state::ok       ? (color_ ? "\033[32m✓\033[0m" : "✓")
                       : s.outcome == step_result::state::failed ? (color_ ? "\033[31m✗\033[0m" : "✗")
                                                                 : "-";
    out_ << "   " << mark << " " << s.note;
    if (s.outcome != step_result::state::skipped) out_ << " (" << took.count() << " ms)";
    out_ << std::endl;
  }

 private:
  std::ostream& out_;
  bool color_;
};

struct slot_seen {
  std::string id, unit, start, code;
};

std::string time_type_name(const region& r, const std::string& code) {
  for (const auto& t : r.time_types) {
    if (code == t.code || (code.size() > t.code.size() && code.ends_with("-" + t.code))) return t.name;
  }
  return code;
}

std::string unit_label(const region& r, const std::string& hsa_id) {
  const auto* u = r.unit(hsa_id);
  if (!u) return hsa_id;
  return u->name + " (" + std::string(display_name(u->system)) + ")";
}

std::optional<system_kind> system_of(const region& r, const std::string& hsa_id) {
  const auto* u = r.unit(hsa_id);
  return u ? std::optional(u->system) : std::nullopt;
}

std::string systems_text(const std::set<system_kind>& s) {
  std::string out;
  for (auto k : all_systems) {
    if (!s.count(k)) continue;
    if (!out.empty()) out += ", ";
    out += display_name(k);
  }
  return out.empty() ? "no system" : out;
}

class journey {
 public:
  journey(const region& r, const journey_options& o, std::ostream& out)
      : r_(r), o_(o), p_(out, o.color), c1177_(o.hub_url, o.paths.ca_cert(), o.paths.client("1177").cert,
                                               o.paths.client("1177").key) {}

  journey_result run() {
    const auto* person = find_person();
    person_name_ = person ? person->name : o_.person;
    step("Unified view: GetAppointments 2.0 at the platform address (aggregated), expanded", [&] { return unified(before_); });
    step("The same through crm:scheduling 1.1 GetSubjectOfCareSchedule (aggregated)", [&] { return schedule11(); });
    step("Free-time search across units: GetAvailableTimeslots 2.0 at the platform address", [&] { return search(); });
    step("MakeAppointment 2.0 at a Cosmic unit", [&] { return make(); });
    step("UpdateAppointment 2.0: move it to another time", [&] { return update(); });
    step("CancelAppointment 2.0 at a PASiS unit", [&] { return cancel(); });
    step("Unified view again", [&] { return unified_again(); });
    step("A consumer without permissions (\"unauthorized\") is refused", [&] { return unauthorized(); });
    return result_;
  }

 private:
  static constexpr int total_steps = 8;

  const person_def* find_person() const {
    for (const auto& p : r_.persons) {
      if (p.id == o_.person) return &p;
    }
    return nullptr;
  }

  template <typename F>
  void step(const std::string& title, F&& body) {
    p_.heading(static_cast<int>(result_.steps.size()) + 1, total_steps, title);
    const auto t0 = steady_clock::now();
    step_result s;
    try {
      s = body();
    } catch (const std::exception& e) {
      s.outcome = step_result::state::failed;
      s.note = e.what();
    }
    s.title = title;
    p_.outcome(s, duration_cast<milliseconds>(steady_clock::now() - t0));
    result_.steps.push_back(std::move(s));
  }

  static step_result ok(std::string note) { return {"", step_result::state::ok, std::move(note)}; }
  static step_result failed(std::string note) { return {"", step_result::state::failed, std::move(note)}; }
  static step_result skipped(std::string note) { return {"", step_result::state::skipped, std::move(note)}; }

  bool is_killed(system_kind s) const { return o_.killed && *o_.killed == s; }

  request_spec spec(family f, std::string op, std::string address, fields fs) const {
    request_spec s;
    s.fam = f;
    s.operation = std::move(op);
    s.logical_address = std::move(address);
    s.fields = std::move(fs);
    return s;
  }

  // GetAppointments at the platform address, then GetAppointment per item in parallel.
  struct unified_result {
    aggregated_view view;
    std::vector<unified_row> rows;
    std::string error;
    std::optional<expanded_view> expanded;
  };

  unified_row fetch_one(const std::string& unit, const std::string& id) {
    unified_row row;
    row.unit = unit;
    row.appointment_id = id;
    auto one = c1177_.call(spec(family::sched2, "GetAppointment", unit, with(citizen(o_.person), {{"appointmentId", id}})));
    if (!one.ok()) {
      row.status = "(" + one.problem() + ")";
      return row;
    }
    row.start = value_of(one.body, "startTime");
    row.time_type = value_of(one.body, "code");  // the first code is timeslot.timeType.code
    row.status = value_of(one.body, "status");
    return row;
  }

  unified_result fetch_unified() {
    unified_result u;
    const auto request = build_request(spec(family::sched2, "GetAppointments", platform_hsa_id, citizen(o_.person)));
    auto reply = c1177_.send(request, family::sched2, "GetAppointments");
    if (!reply.ok()) {
      u.error = reply.problem();
      return u;
    }
    u.view = read_aggregated_appointments(reply.body);
    if (o_.expand) {
      expand_input in{o_.hub_url, o_.paths.ca_cert().string(), o_.paths.client("1177").cert.string(),
                      o_.paths.client("1177").key.string(), request.envelope, reply.body, {}};
      for (const auto& unit : r_.units) in.unit_names[unit.hsa_id] = unit_label(r_, unit.hsa_id);
      u.expanded = o_.expand(in);
      for (const auto& [unit, id] : u.view.appointments) u.rows.push_back({"", unit, "", "", id});
      return u;
    }
    std::vector<std::future<unified_row>> parts;
    for (const auto& [unit, id] : u.view.appointments) {
      parts.push_back(std::async(std::launch::async, [this, unit = unit, id = id] { return fetch_one(unit, id); }));
    }
    for (auto& f : parts) u.rows.push_back(f.get());
    std::sort(u.rows.begin(), u.rows.end(), [](const unified_row& a, const unified_row& b) { return a.start < b.start; });
    return u;
  }

  void print_unified(const unified_result& u) {
    if (u.expanded) {
      std::istringstream lines(u.expanded->table);
      for (std::string line; std::getline(lines, line);) p_.line(line);
    }
    for (const auto& row : u.expanded ? std::vector<unified_row>{} : u.rows) {
      p_.line(pad(readable(row.start), 17) + "  " + pad(time_type_name(r_, row.time_type), 19) + "  " +
              pad(unit_label(r_, row.unit), 48) + "  " + pad(row.status, 10) + "  " + row.appointment_id);
    }
    if (u.rows.empty()) p_.line("(no appointments)");
    std::string ps;
    for (const auto& [unit, code] : u.view.processing) ps += (ps.empty() ? "" : ", ") + unit + " " + code;
    p_.line("ProcessingStatus: " + (ps.empty() ? std::string("(none)") : ps));
  }

  std::set<system_kind> systems_in(const std::vector<std::pair<std::string, std::string>>& appointments) const {
    std::set<system_kind> s;
    for (const auto& [unit, id] : appointments) {
      if (auto k = system_of(r_, unit)) s.insert(*k);
    }
    return s;
  }

  // The systems where the person has bookings in the seed.
  std::set<system_kind> expected_systems() const {
    std::set<system_kind> s;
    for (const auto& b : r_.bookings) {
      if (b.person != o_.person) continue;
      if (auto k = system_of(r_, r_.slot(b.slot)->unit); k && !is_killed(*k)) s.insert(*k);
    }
    return s;
  }

  step_result unified(unified_result& into) {
    p_.line("person " + o_.person + " (" + person_name_ + "), consumer " + consumer_1177_hsa_id);
    into = fetch_unified();
    if (!into.error.empty()) return failed(into.error);
    print_unified(into);
    const auto got = systems_in(into.view.appointments);
    const auto want = expected_systems();
    for (auto k : want) {
      if (!got.count(k)) return failed("no appointment from " + std::string(display_name(k)));
    }
    if (into.expanded && into.expanded->not_fetched > 0) {
      return failed(std::to_string(into.expanded->not_fetched) + " appointment(s) could not be fetched");
    }
    for (const auto& row : into.rows) {
      if (!into.expanded && row.start.empty()) {
        return failed("GetAppointment failed for " + row.appointment_id + " at " + row.unit);
      }
    }
    if (o_.killed) {
      std::size_t failed_units = 0;
      for (const auto& [unit, code] : into.view.processing) {
        if (system_of(r_, unit) == o_.killed && code == "NoDataSynchFailed") ++failed_units;
      }
      if (failed_units == 0) {
        return failed("no NoDataSynchFailed ProcessingStatus record for the stopped " +
                      std::string(display_name(*o_.killed)) + " adapter");
      }
      return ok("partial answer: " + std::to_string(into.rows.size()) + " appointments from " + systems_text(got) +
                "; " + std::string(display_name(*o_.killed)) + " is stopped: NoDataSynchFailed for " +
                std::to_string(failed_units) + " unit(s)");
    }
    return ok(std::to_string(into.rows.size()) + " appointments from " + systems_text(got) + " in one list");
  }

  step_result schedule11() {
    request_spec s = spec(family::crm11, "GetSubjectOfCareSchedule", platform_hsa_id,
                          {{"healthcare_facility", platform_hsa_id}, {"subject_of_care", o_.person}});
    s.actor = contracts::actor_header{o_.person, "subject_of_care"};
    auto reply = c1177_.call(s);
    if (!reply.ok()) return failed(reply.problem());
    std::vector<std::pair<std::string, std::string>> items;
    for (const auto& el : elements_of(reply.body, "timeslotDetail")) {
      const std::string unit = value_of(el, "healthcare_facility");
      items.emplace_back(unit, value_of(el, "bookingId"));
      p_.line(readable(value_of(el, "startTimeInclusive")) + "  " + value_of(el, "bookingId") + "  " +
              unit_label(r_, unit));
    }
    const auto got = systems_in(items);
    for (auto k : expected_systems()) {
      if (!got.count(k)) return failed("no booking from " + std::string(display_name(k)));
    }
    return ok(std::to_string(items.size()) + " bookings from " + systems_text(got));
  }

  step_result search() {
    const year_month_day from{sys_days{r_.today} + days{2}};
    const year_month_day to{sys_days{r_.today} + days{6}};
    p_.line("dates " + dt(from) + " to " + dt(to) + ", every unit routed for the contract");
    auto reply = c1177_.call(spec(family::sched2, "GetAvailableTimeslots", platform_hsa_id,
                                  with(citizen(o_.person), {{"startDateInclusive", dt(from)}, {"endDateInclusive", dt(to)}})));
    if (!reply.ok()) return failed(reply.problem());
    slots_.clear();
    std::set<std::string> units;
    for (const auto& el : elements_of(reply.body, "timeslot")) {
      slot_seen s{value_of(el, "timeslotId"), value_of(el, "extension"), value_of(el, "startTime"), value_of(el, "code")};
      // healthcareFacilityHSAId comes after the practitioner-free part: pick it by name when present.
      auto facility = elements_of(el, "healthcareFacilityHSAId");
      if (!facility.empty()) s.unit = value_of(facility.front(), "extension");
      units.insert(s.unit);
      slots_.push_back(std::move(s));
    }
    std::sort(slots_.begin(), slots_.end(), [](const slot_seen& a, const slot_seen& b) { return a.start < b.start; });
    for (std::size_t i = 0; i < slots_.size() && i < 5; ++i) {
      p_.line(readable(slots_[i].start) + "  " + time_type_name(r_, slots_[i].code) + "  " +
              unit_label(r_, slots_[i].unit));
    }
    if (slots_.size() > 5) p_.line("... and " + std::to_string(slots_.size() - 5) + " more");
    if (slots_.empty()) return failed("no free times found");
    return ok(std::to_string(slots_.size()) + " free times at " + std::to_string(units.size()) + " units, earliest first");
  }

  // The Cosmic unit the journey books at, and its free times (from the search,
  // or asked directly when the search did not reach it).
  std::vector<slot_seen> cosmic_slots() {
    const auto cosmic = r_.units_on(system_kind::cosmic);
    const std::string unit = cosmic.size() > 1 ? cosmic[1]->hsa_id : cosmic.front()->hsa_id;
    std::vector<slot_seen> out;
    for (const auto& s : slots_) {
      if (s.unit == unit) out.push_back(s);
    }
    if (!out.empty()) return out;
    const year_month_day from{sys_days{r_.today} + days{2}};
    const year_month_day to{sys_days{r_.today} + days{6}};
    auto reply = c1177_.call(spec(family::sched2, "GetAvailableTimeslots", unit,
                                  with(citizen(o_.person), {{"startDateInclusive", dt(from)}, {"endDateInclusive", dt(to)}})));
    for (const auto& el : elements_of(reply.body, "timeslot")) {
      out.push_back({value_of(el, "timeslotId"), unit, value_of(el, "startTime"), value_of(el, "code")});
    }
    std::sort(out.begin(), out.end(), [](const slot_seen& a, const slot_seen& b) { return a.start < b.start; });
    return out;
  }

  step_result make() {
    if (is_killed(system_kind::cosmic)) return skipped("skipped: the Cosmic adapter is stopped");
    const auto slots = cosmic_slots();
    if (slots.size() < 2) return failed("fewer than two free times at the Cosmic unit");
    // A video appointment if there is one: the unified view then shows a digital visit.
    auto pick = std::find_if(slots.begin(), slots.end(), [&](const slot_seen& s) {
      return time_type_name(r_, s.code) == "Videobesök";
    });
    if (pick == slots.end()) pick = slots.begin();
    booked_ = *pick;
    p_.line(readable(booked_.start) + "  " + time_type_name(r_, booked_.code) + "  " + unit_label(r_, booked_.unit));
    auto reply = c1177_.call(spec(family::sched2, "MakeAppointment", booked_.unit,
                                  with(citizen(o_.person), {{"timeslotId", booked_.id},
                                                            {"reasonText", "Förnyelse av recept"}})));
    if (!reply.ok()) return failed(reply.problem());
    const std::string code = value_of(reply.body, "resultCode");
    if (code != "OK" && code != "INFO") return failed("resultCode " + code + ": " + value_of(reply.body, "resultText"));
    made_id_ = value_of(reply.body, "appointmentId");
    for (const auto& s : slots) {
      if (s.start != booked_.start && s.code == booked_.code && s.start > booked_.start) other_ = s;
    }
    if (other_.id.empty()) {
      for (const auto& s : slots) {
        if (s.start != booked_.start) other_ = s;
      }
    }
    return ok("resultCode " + code + ", appointmentId " + made_id_);
  }

  step_result update() {
    if (is_killed(system_kind::cosmic)) return skipped("skipped: the Cosmic adapter is stopped");
    if (made_id_.empty() || other_.id.empty()) return failed("nothing to move: the booking step did not succeed");
    p_.line(readable(booked_.start) + " -> " + readable(other_.start) + "  " + time_type_name(r_, other_.code) + "  " +
            unit_label(r_, other_.unit));
    auto reply = c1177_.call(spec(family::sched2, "UpdateAppointment", booked_.unit,
                                  with(citizen(o_.person), {{"originalAppointmentId", made_id_},
                                                            {"timeslotId", other_.id},
                                                            {"reasonText", "Passar bättre en annan dag"}})));
    if (!reply.ok()) return failed(reply.problem());
    const std::string code = value_of(reply.body, "resultCode");
    if (code != "OK" && code != "INFO") return failed("resultCode " + code + ": " + value_of(reply.body, "resultText"));
    if (auto id = value_of(reply.body, "appointmentId"); !id.empty()) made_id_ = id;
    moved_ = true;
    return ok("resultCode " + code + ", appointmentId " + made_id_);
  }

  step_result cancel() {
    if (is_killed(system_kind::pasis)) return skipped("skipped: the PASiS adapter is stopped");
    for (const auto& row : before_.rows) {
      if (system_of(r_, row.unit) != system_kind::pasis) continue;
      p_.line("appointment " + row.appointment_id + " at " + unit_label(r_, row.unit));
      auto reply = c1177_.call(spec(family::sched2, "CancelAppointment", row.unit,
                                    with(citizen(o_.person), {{"appointmentId", row.appointment_id},
                                                              {"reasonText", "Jag är bortrest den veckan"}})));
      if (!reply.ok()) return failed(reply.problem());
      const std::string code = value_of(reply.body, "resultCode");
      if (code != "OK" && code != "INFO") return failed("resultCode " + code + ": " + value_of(reply.body, "resultText"));
      cancelled_id_ = row.appointment_id;
      cancelled_unit_ = row.unit;
      // The person's only booking there: after the adapter's delete post the
      // engagement index no longer names the unit, so the hub stops asking it.
      last_at_unit_ = std::count_if(before_.rows.begin(), before_.rows.end(),
                                    [&](const unified_row& other) { return other.unit == row.unit; }) == 1;
      return ok("resultCode " + code + ", appointment " + row.appointment_id + " cancelled");
    }
    return failed("the unified view held no PASiS appointment to cancel");
  }

  step_result unified_again() {
    // The adapters post the new booking to the engagement index through a
    // durable outbox; give the delivery a moment before calling it missing.
    unified_result u;
    std::string missing;
    const auto until = steady_clock::now() + seconds(8);
    for (;;) {
      u = fetch_unified();
      missing.clear();
      if (!u.error.empty()) {
        missing = u.error;
      } else {
        const bool has_new =
            made_id_.empty() || std::any_of(u.rows.begin(), u.rows.end(), [&](const unified_row& row) {
              if (row.appointment_id != made_id_) return false;
              if (!moved_) return true;
              const std::string start = row.start.empty() ? fetch_one(row.unit, row.appointment_id).start : row.start;
              return start == other_.start;
            });
        const bool has_cancelled = !cancelled_id_.empty() && std::any_of(u.rows.begin(), u.rows.end(), [&](const unified_row& row) {
          return row.appointment_id == cancelled_id_;
        });
        const bool still_called = last_at_unit_ && std::any_of(u.view.processing.begin(), u.view.processing.end(),
                                                              [&](const auto& p) { return p.first == cancelled_unit_; });
        if (!has_new) missing = "the new Cosmic appointment " + made_id_ + " is not in the unified view";
        if (has_cancelled) missing = "the cancelled PASiS appointment is still in the unified view";
        if (still_called) {
          missing = "the hub still calls " + cancelled_unit_ +
                    " (its ProcessingStatus is listed): the engagement index still names it after the cancellation";
        }
      }
      if (missing.empty() || steady_clock::now() >= until) break;
      std::this_thread::sleep_for(milliseconds(250));
    }
    if (!u.error.empty()) return failed(u.error);
    print_unified(u);
    if (!missing.empty()) return failed(missing);
    std::string note = std::to_string(u.rows.size()) + " appointments";
    if (!made_id_.empty()) note += ": the Cosmic booking at its new time";
    if (!cancelled_id_.empty()) note += made_id_.empty() ? ": the PASiS booking is gone" : ", the PASiS booking gone";
    if (last_at_unit_) note += " and " + cancelled_unit_ + " no longer called";
    return ok(note);
  }

  step_result unauthorized() {
    const auto& unit = r_.units.front();
    p_.line("consumer " + std::string(unauthorized_hsa_id) + " (valid certificate of the same CA), GetAppointments at " +
            unit.hsa_id);
    consumer nobody(o_.hub_url, o_.paths.ca_cert(), o_.paths.client("unauthorized").cert,
                    o_.paths.client("unauthorized").key);
    auto reply = nobody.call(spec(family::sched2, "GetAppointments", unit.hsa_id, citizen(o_.person)));
    if (!reply.transport_error.empty()) return failed(reply.problem());
    if (reply.fault_string.find("VP007") == std::string::npos) {
      return failed("expected a VP007 fault, got " + (reply.ok() ? std::string("an answer") : reply.problem()));
    }
    p_.line(reply.fault_string);
    return ok("VP007: not authorised");
  }

  const region& r_;
  const journey_options& o_;
  printer p_;
  consumer c1177_;
  journey_result result_;
  std::string person_name_;
  unified_result before_;
  std::vector<slot_seen> slots_;
  slot_seen booked_, other_;
  std::string made_id_, cancelled_id_, cancelled_unit_;
  bool moved_ = false;
  bool last_at_unit_ = false;  // the cancelled booking was the person's only one at its unit
};

}  // namespace

bool journey_result::all_ok() const {
  return !steps.empty() && std::none_of(steps.begin(), steps.end(), [](const step_result& s) {
    return s.outcome == step_result::state::failed;
  });
}

aggregated_view read_aggregated_appointments(const std::string& body) {
  aggregated_view v;
  for (const auto& el : elements_of(body, "appointment")) {
    v.appointments.emplace_back(value_of(el, "extension"), value_of(el, "appointmentId"));
  }
  for (const auto& el : elements_of(body, "ProcessingStatusList")) {
    v.processing.emplace_back(value_of(el, "logicalAddress"), value_of(el, "statusCode"));
  }
  return v;
}

journey_result run_journey(const region& r, const journey_options& options, std::ostream& out) {
  journey j(r, options, out);
  return j.run();
}

}  // namespace tidnav::sandbox
