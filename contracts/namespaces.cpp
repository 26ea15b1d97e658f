// SPDX-License-Identifier: GPL-2.0-or-later
// The XML namespace tables. libgsoap++ links against one global `namespaces`
// (the env module's); each family gets its own table in its own C++ namespace,
// selected per message with soap_set_namespaces().
#include "contracts/namespaces.hpp"

#include "envH.h"
#include "env.nsmap"

namespace sched2 {
#include "sched2.nsmap"
}
namespace crm11 {
#include "crm11.nsmap"
}
namespace crm10 {
#include "crm10.nsmap"
}
namespace ei1 {
#include "ei1.nsmap"
}
namespace mon1 {
#include "mon1.nsmap"
}

namespace tidnav::contracts {

const Namespace* namespaces_of(family f) {
  switch (f) {
    case family::sched2: return sched2::namespaces;
    case family::crm11: return crm11::namespaces;
    case family::crm10: return crm10::namespaces;
    case family::ei1: return ei1::namespaces;
    case family::mon1: return mon1::namespaces;
  }
  return ::namespaces;
}

std::string_view family_name(family f) {
  switch (f) {
    case family::sched2: return "sched2";
    case family::crm11: return "crm11";
    case family::crm10: return "crm10";
    case family::ei1: return "ei1";
    case family::mon1: return "mon1";
  }
  return "?";
}

std::optional<family> family_from_name(std::string_view name) {
  for (family f : {family::sched2, family::crm11, family::crm10, family::ei1, family::mon1}) {
    if (family_name(f) == name) return f;
  }
  if (name == "2.0") return family::sched2;
  if (name == "1.1") return family::crm11;
  if (name == "1.0") return family::crm10;
  if (name == "ei") return family::ei1;
  if (name == "ping") return family::mon1;
  return std::nullopt;
}

}  // namespace tidnav::contracts
