// SPDX-License-Identifier: GPL-2.0-or-later
// tidnav validate FILE... : XSD validation of SOAP messages against schemas/.
#include "contracts/schema_validator.hpp"
#include "tools/tidnav/commands.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

namespace tidnav::cli {

void register_validate(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("validate", "Validate SOAP messages (or bare contract elements) against our schemas");
  struct options {
    std::vector<std::string> files;
    std::string family;
    std::string schemas = contracts::default_schema_root();
    bool bare = false;
  };
  auto opt = std::make_shared<options>();
  cmd->add_option("files", opt->files, "Message files")->required()->check(CLI::ExistingFile);
  cmd->add_option("--family", opt->family, "crm 1.0 or 1.1 when it cannot be told from the message (1.0|1.1)");
  cmd->add_option("--schemas", opt->schemas, "Schema folder")->capture_default_str();
  cmd->add_flag("--bare", opt->bare, "Files hold a bare contract element, not a SOAP envelope");
  cmd->callback([opt, &exit_code] {
    contracts::schema_validator validator(opt->schemas);
    std::optional<contracts::family> fam;
    if (!opt->family.empty()) {
      fam = contracts::family_from_name(opt->family);
      if (!fam) throw CLI::ValidationError("--family", "unknown family '" + opt->family + "'");
    }
    for (const auto& file : opt->files) {
      std::ifstream in(file, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      const auto issues = opt->bare ? validator.validate_document(ss.str(), fam) : validator.validate_envelope(ss.str(), fam);
      if (issues.empty()) {
        std::cout << file << ": valid\n";
        continue;
      }
      exit_code = 1;
      for (const auto& i : issues) std::cout << file << ":" << i.line << ": " << i.message << "\n";
    }
  });
}

}  // namespace tidnav::cli
