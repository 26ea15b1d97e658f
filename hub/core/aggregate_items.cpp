// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/aggregate_items.hpp"

#include <array>
#include <functional>
#include <initializer_list>

#include "hub/core/hsa_id.hpp"
#include "hub/core/xml_names.hpp"

namespace tidnav::core {
namespace {

std::string_view trimmed(pugi::xml_node e) { return trim_ascii(e.child_value()); }

std::string_view text_of(pugi::xml_node parent, std::string_view local) {
  return trimmed(child_by_local_name(parent, local));
}

// One pass over the item's children (up to 20 in a 1.1 TimeslotType) instead
// of one per field: out[i] = first child named names[i], or a null node.
void read_child_elements(pugi::xml_node item, std::initializer_list<std::string_view> names, pugi::xml_node* out) {
  std::size_t missing = names.size();
  for (pugi::xml_node c = item.first_child(); c && missing > 0; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const std::string_view local = local_name(c.name());
    std::size_t i = 0;
    for (const std::string_view name : names) {
      if (!out[i] && local == name) {
        out[i] = c;
        --missing;
        break;
      }
      ++i;
    }
  }
}

void read_children(pugi::xml_node item, std::initializer_list<std::string_view> names, std::string_view* out) {
  std::array<pugi::xml_node, 8> e;
  read_child_elements(item, names, e.data());
  for (std::size_t i = 0; i < names.size(); ++i) out[i] = trimmed(e[i]);
}

std::string_view unit_or(std::string_view unit, std::string_view answer_unit) {
  return unit.empty() ? trim_ascii(answer_unit) : unit;
}

// <0, 0, >0 as for std::string_view::compare, optionally on ASCII-lowered bytes.
int compare(std::string_view a, std::string_view b, bool fold) noexcept {
  if (!fold) return a.compare(b);
  const std::size_t n = a.size() < b.size() ? a.size() : b.size();
  for (std::size_t i = 0; i < n; ++i) {
    const char x = ascii_lower(a[i]);
    const char y = ascii_lower(b[i]);
    if (x != y) return static_cast<unsigned char>(x) < static_cast<unsigned char>(y) ? -1 : 1;
  }
  return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

int compare_rest(const item_key& a, const item_key& b) noexcept {
  const std::size_t n = a.rest_size < b.rest_size ? a.rest_size : b.rest_size;
  for (std::size_t i = 0; i < n; ++i) {
    if (const int c = compare(a.rest[i].text, b.rest[i].text, a.rest[i].fold)) return c;
  }
  return static_cast<int>(a.rest_size) - static_cast<int>(b.rest_size);
}

// Field by field, so ("ab","c") and ("a","bc") differ. std::hash works on
// whole words, several times faster than a byte loop on 36-character UUIDs;
// a folded field is lowered into a small buffer first (ihash when it is long).
void hash_into(std::uint64_t& h, std::string_view s, bool fold) noexcept {
  std::size_t fh = 0;
  if (!fold) {
    fh = std::hash<std::string_view>{}(s);
  } else if (s.size() <= 64) {
    std::array<char, 64> lowered;
    for (std::size_t i = 0; i < s.size(); ++i) lowered[i] = ascii_lower(s[i]);
    fh = std::hash<std::string_view>{}(std::string_view(lowered.data(), s.size()));
  } else {
    fh = ihash(s);
  }
  h = (h ^ fh) * 0x9E3779B97F4A7C15ull;
  h ^= h >> 29;
}

void set_rest(item_key& key, std::initializer_list<key_field> fields) {
  for (const key_field& f : fields) key.rest[key.rest_size++] = f;
}

}  // namespace

item_key key_of(aggregate_kind k, pugi::xml_node item, std::string_view answer_unit) {
  item_key key;
  switch (k) {
    case aggregate_kind::schedule_11: {
      enum { start, unit, booking, n };
      std::array<std::string_view, n> f;
      read_children(item, {"startTimeInclusive", "healthcare_facility", "bookingId"}, f.data());
      key.start = f[start];
      key.unit = unit_or(f[unit], answer_unit);
      set_rest(key, {{f[booking]}});
      key.has_identity = !f[booking].empty();
      break;
    }
    case aggregate_kind::appointments_20: {
      enum { id, unit, n };
      std::array<pugi::xml_node, n> e;
      read_child_elements(item, {"appointmentId", "healthcareFacilityId"}, e.data());
      key.unit = unit_or(text_of(e[unit], "extension"), answer_unit);
      set_rest(key, {{trimmed(e[id]), true}});
      key.has_identity = !key.rest[0].text.empty();
      break;
    }
    case aggregate_kind::timeslots_20: {
      enum { id, start, unit, n };
      std::array<pugi::xml_node, n> e;
      read_child_elements(item, {"timeslotId", "startTime", "healthcareFacilityHSAId"}, e.data());
      key.start = trimmed(e[start]);
      key.unit = unit_or(text_of(e[unit], "extension"), answer_unit);
      set_rest(key, {{trimmed(e[id]), true}});
      key.has_identity = !key.rest[0].text.empty();
      break;
    }
    case aggregate_kind::timeslots_11: {
      enum { start, unit, performer, end, resource, time_type, care_type, booking, n };
      std::array<std::string_view, n> f;
      read_children(item,
                    {"startTimeInclusive", "healthcare_facility", "performer", "endTimeExclusive", "resourceID",
                     "timeTypeID", "careTypeID", "bookingId"},
                    f.data());
      key.start = f[start];
      key.unit = unit_or(f[unit], answer_unit);
      set_rest(key, {{f[performer], true}, {f[end]}, {f[resource]}, {f[time_type]}, {f[care_type]}, {f[booking]}});
      // Without a start time a free time is not bookable, so it identifies nothing.
      key.has_identity = !key.start.empty();
      key.identity_has_start = true;
      break;
    }
  }
  return key;
}

bool item_before(const item_key& a, const item_key& b) noexcept {
  if (a.start != b.start) {
    if (a.start.empty()) return false;
    if (b.start.empty()) return true;
    return a.start < b.start;
  }
  if (const int c = compare(a.unit, b.unit, true)) return c < 0;
  return compare_rest(a, b) < 0;
}

bool same_identity(const item_key& a, const item_key& b) noexcept {
  return (!a.identity_has_start || a.start == b.start) && compare(a.unit, b.unit, true) == 0 &&
         compare_rest(a, b) == 0;
}

std::size_t identity_hash(const item_key& k) noexcept {
  std::uint64_t h = 14695981039346656037ull;
  if (k.identity_has_start) hash_into(h, k.start, false);
  hash_into(h, k.unit, true);
  for (std::size_t i = 0; i < k.rest_size; ++i) hash_into(h, k.rest[i].text, k.rest[i].fold);
  return static_cast<std::size_t>(h);
}

}  // namespace tidnav::core
