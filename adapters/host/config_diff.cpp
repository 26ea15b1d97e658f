// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/host/config_diff.hpp"

#include <tuple>

namespace tidnav::adapters::host {
namespace {

auto key(const listen_settings& l) { return std::tie(l.address, l.port, l.port_file); }
auto key(const admin_settings& a) { return std::tie(a.address, a.port, a.port_file); }
auto key(const unit_entry& u) { return std::tie(u.hsa_id, u.native_id, u.name); }
auto key(const time_type_mapping& t) {
  return std::tie(t.unit_hsa_id, t.code, t.system, t.name, t.cancel_allowed, t.update_allowed);
}
auto key(const practitioner_mapping& p) { return std::tie(p.hsa_id, p.native_id, p.first_name, p.last_name, p.title); }

template <class T>
bool same_list(const std::vector<T>& a, const std::vector<T>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (key(a[i]) != key(b[i])) return false;
  }
  return true;
}

bool same_admin(const std::optional<admin_settings>& a, const std::optional<admin_settings>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || key(*a) == key(*b);
}

void diff_ei(const adapter_config& a, const adapter_config& b, std::vector<std::string>& out) {
  const auto& x = a.engagement_index;
  const auto& y = b.engagement_index;
  if (x.has_value() != y.has_value()) {
    out.emplace_back("engagement_index");
    return;
  }
  if (!x) return;
  if (x->url != y->url) out.emplace_back("engagement_index.url");
  if (x->logical_address != y->logical_address) out.emplace_back("engagement_index.logical_address");
  if (x->source_system != y->source_system) out.emplace_back("engagement_index.source_system");
  if (x->data_controller != y->data_controller) out.emplace_back("engagement_index.data_controller");
  if (x->post_sched2 != y->post_sched2 || x->post_crm11 != y->post_crm11) out.emplace_back("engagement_index.domains");
  if (x->timeout != y->timeout) out.emplace_back("engagement_index.timeout_ms");
  if (x->retry_initial != y->retry_initial || x->retry_max != y->retry_max) out.emplace_back("engagement_index.retry");
  const auto& f = x->change_feed;
  const auto& g = y->change_feed;
  if (std::tie(f.enabled, f.interval, f.overlap, f.page_size, f.timeout) !=
      std::tie(g.enabled, g.interval, g.overlap, g.page_size, g.timeout)) {
    out.emplace_back("engagement_index.change_feed");
  }
  // engagement_index.client is re-read by the reload itself.
}

}  // namespace

std::vector<std::string> restart_only_changes(const adapter_config& a, const adapter_config& b) {
  std::vector<std::string> out;
  if (a.system != b.system) out.emplace_back("system");
  if (a.name != b.name) out.emplace_back("name");
  if (key(a.listen) != key(b.listen)) out.emplace_back("listen");
  if (a.serve_sched2 != b.serve_sched2 || a.serve_crm11 != b.serve_crm11) out.emplace_back("families");
  if (a.state_dir != b.state_dir) out.emplace_back("state_dir");
  if (a.workers != b.workers) out.emplace_back("workers");
  if (a.backend_timeout != b.backend_timeout) out.emplace_back("timeouts");
  if (!same_list(a.units.entries(), b.units.entries())) out.emplace_back("units");
  if (!same_list(a.time_types, b.time_types)) out.emplace_back("time_types");
  if (!same_list(a.practitioners, b.practitioners)) out.emplace_back("practitioners");
  if (a.backend_text != b.backend_text) out.emplace_back("backend");
  if (a.metrics_enabled != b.metrics_enabled) out.emplace_back("metrics");
  if (!same_admin(a.admin, b.admin)) out.emplace_back("admin");
  diff_ei(a, b, out);
  return out;
}

}  // namespace tidnav::adapters::host
