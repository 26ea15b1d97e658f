// SPDX-License-Identifier: GPL-2.0-or-later
#include "tools/conform/check_board.hpp"

#include <algorithm>

namespace tidnav::conform {
namespace {

constexpr std::size_t max_shown_exchanges = 4;  // a report stays readable
constexpr std::size_t max_pass_notes = 4;

std::string join(const std::vector<std::string>& parts, std::size_t limit) {
  std::string out;
  std::vector<std::string> unique;
  for (const auto& p : parts) {
    if (!p.empty() && std::find(unique.begin(), unique.end(), p) == unique.end()) unique.push_back(p);
  }
  for (std::size_t i = 0; i < unique.size() && i < limit; ++i) out += (out.empty() ? "" : "; ") + unique[i];
  if (unique.size() > limit) out += "; and " + std::to_string(unique.size() - limit) + " more";
  return out;
}

}  // namespace

check_board::check_board(contract_family fam, std::vector<std::string> only) : family_(fam), only_(std::move(only)) {}

bool check_board::wanted(std::string_view id) const { return selected(id, only_); }

bool check_board::wanted_any(std::initializer_list<std::string_view> ids) const {
  return std::any_of(ids.begin(), ids.end(), [this](std::string_view id) { return wanted(id); });
}

void check_board::pass(std::string_view id, std::string evidence) {
  seen_[std::string(id)].passes.push_back(std::move(evidence));
}

void check_board::fail(std::string_view id, std::string evidence, std::string expected, std::vector<exchange> shown) {
  auto& o = seen_[std::string(id)];
  o.fails.push_back(std::move(evidence));
  o.expected.push_back(std::move(expected));
  for (auto& e : shown) {
    if (o.shown.size() < max_shown_exchanges) o.shown.push_back(std::move(e));
  }
}

void check_board::skip(std::string_view id, std::string reason) {
  auto& o = seen_[std::string(id)];
  if (o.skip_reason.empty()) o.skip_reason = std::move(reason);
}

void check_board::expect(std::string_view id, bool ok, std::string evidence, std::string expected,
                         std::vector<exchange> shown) {
  if (ok) {
    pass(id, std::move(evidence));
  } else {
    fail(id, std::move(evidence), std::move(expected), std::move(shown));
  }
}

bool check_board::failed(std::string_view id) const {
  const auto it = seen_.find(id);
  return it != seen_.end() && !it->second.fails.empty();
}

bool check_board::judged(std::string_view id) const {
  const auto it = seen_.find(id);
  return it != seen_.end() && (!it->second.fails.empty() || !it->second.passes.empty());
}

std::vector<check_result> check_board::results() const {
  std::vector<check_result> out;
  for (const auto& info : catalogue(family_)) {
    if (!wanted(info.id)) continue;
    check_result r{info.id, info.title, info.rule, verdict::skip, {}, {}, {}};
    const auto it = seen_.find(info.id);
    if (it == seen_.end()) {
      r.evidence = "not reached";
    } else if (!it->second.fails.empty()) {
      r.outcome = verdict::fail;
      r.evidence = join(it->second.fails, 6);
      r.expected = join(it->second.expected, 6);
      r.exchanges = it->second.shown;
    } else if (!it->second.passes.empty()) {
      r.outcome = verdict::pass;
      r.evidence = join(it->second.passes, max_pass_notes);
    } else {
      r.evidence = it->second.skip_reason.empty() ? "not reached" : it->second.skip_reason;
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace tidnav::conform
