// SPDX-License-Identifier: GPL-2.0-or-later
#include "contracts/operation_registry.hpp"

#include "contracts/operation_impl.hpp"

namespace tidnav::contracts {
namespace {

const std::vector<operation>& registry() {
  static const std::vector<operation> ops = [] {
    std::vector<operation> all;
    for (auto&& part : {detail::sched2_operations(), detail::crm11_operations(), detail::crm10_operations(),
                        detail::ei1_mon1_operations()}) {
      all.insert(all.end(), part.begin(), part.end());
    }
    return all;
  }();
  return ops;
}

}  // namespace

namespace detail {

std::vector<Namespace> trimmed_namespaces(family fam, const std::string& prefix) {
  static const char* const always[] = {"SOAP-ENV", "xsi", "itr", "ih", "wsa5", "crm", "crmx", "sch", "ei", "mon"};
  std::vector<Namespace> out;
  for (const Namespace* n = namespaces_of(fam); n->id; ++n) {
    const std::string id = n->id;
    bool keep = id == prefix || id == prefix + "x";
    for (const char* a : always) keep = keep || id == a;
    if (keep) out.push_back(*n);
  }
  out.push_back(Namespace{nullptr, nullptr, nullptr, nullptr});
  return out;
}

}  // namespace detail

std::span<const operation> all_operations() { return registry(); }

const operation* find_operation(family fam, std::string_view name) {
  for (const auto& op : registry()) {
    if (op.fam == fam && op.name == name) return &op;
  }
  return nullptr;
}

std::vector<const operation*> find_operations_by_namespace(std::string_view ns) {
  std::vector<const operation*> hits;
  for (const auto& op : registry()) {
    if (op.responder_ns == ns) hits.push_back(&op);
  }
  return hits;
}

}  // namespace tidnav::contracts
