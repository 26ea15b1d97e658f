// SPDX-License-Identifier: GPL-2.0-or-later
// XSD validation of SOAP messages with libxml2: the body's element and every
// header element whose namespace has a schema. Used by `tidnav validate`, the
// conformance kit and the tests; never on the routing hot path.
#pragma once

#include "contracts/codec_types.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tidnav::contracts {

struct validation_issue {
  int line = 0;  // 1-based line in the message, 0 when unknown
  std::string message;
};

// schemas/ of this checkout: $TIDNAV_SCHEMAS if set, else the build's source tree.
std::string default_schema_root();

class schema_validator {
 public:
  // Indexes every *.xsd below `root` by targetNamespace. Works for our
  // schemas/ and for any tree laid out the same way (the reference oracle).
  explicit schema_validator(std::string root = default_schema_root());
  ~schema_validator();
  schema_validator(const schema_validator&) = delete;
  schema_validator& operator=(const schema_validator&) = delete;

  // Validates an envelope. crm 1.0 and 1.1 share namespaces: `hint` picks one;
  // without it a wsa:To header means 1.0, anything else 1.1.
  std::vector<validation_issue> validate_envelope(std::string_view xml,
                                                  std::optional<family> hint = std::nullopt);

  // Validates a standalone document whose root is a global element.
  std::vector<validation_issue> validate_document(std::string_view xml,
                                                  std::optional<family> hint = std::nullopt);

  std::size_t schema_count() const { return by_namespace_.size(); }

 private:
  struct compiled;
  const compiled* schema_for(const std::string& ns, std::optional<family> fam, std::string& why);

  std::string root_;
  std::multimap<std::string, std::string> by_namespace_;  // namespace -> xsd path
  std::map<std::string, std::unique_ptr<compiled>> cache_;  // xsd path -> compiled schema
  std::mutex mutex_;
};

}  // namespace tidnav::contracts
