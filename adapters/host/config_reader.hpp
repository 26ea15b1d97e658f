// SPDX-License-Identifier: GPL-2.0-or-later
// Typed, error-collecting access to the adapter's YAML, shared with the
// system factories (system_registry.hpp) so that `backend:` problems land in
// the same list as everything else. Nothing throws: a wrong type, a missing
// key or an unknown key becomes a config_error with its line, and reading
// goes on, so one run reports every problem.
#pragma once

#include "hub/core/hub_config.hpp"  // core::config_error

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace tidnav::adapters::host {

using core::config_error;

class config_reader {
 public:
  // `source` names the file in messages; relative paths resolve against `base_dir`.
  config_reader(std::string source, std::filesystem::path base_dir, std::vector<config_error>& errors)
      : source_(std::move(source)), base_dir_(std::move(base_dir)), errors_(errors) {}

  static std::string join(const std::string& path, std::string_view key);
  static std::string index(const std::string& path, std::size_t i);

  void error(const std::string& path, const YAML::Node& node, std::string message);
  std::size_t error_count() const { return errors_.size(); }
  const std::filesystem::path& base_dir() const { return base_dir_; }

  // True when `node` is a mapping; every key not in `allowed` is an error.
  bool map(const YAML::Node& node, const std::string& path, std::initializer_list<std::string_view> allowed);
  // True when `node` is a list.
  bool sequence(const YAML::Node& node, const std::string& path);

  // Each reads map[key] when present and not null, and answers whether it stored a value.
  bool get(const YAML::Node& map, const std::string& path, const char* key, std::string& out);
  bool get(const YAML::Node& map, const std::string& path, const char* key, bool& out);
  bool get(const YAML::Node& map, const std::string& path, const char* key, std::vector<std::string>& out);
  bool get_uint(const YAML::Node& map, const std::string& path, const char* key, std::uint64_t min,
                std::uint64_t max, std::uint64_t& out);
  template <class T>
  bool get_number(const YAML::Node& map, const std::string& path, const char* key, std::uint64_t min,
                  std::uint64_t max, T& out) {
    std::uint64_t v = 0;
    if (!get_uint(map, path, key, min, max, v)) return false;
    out = static_cast<T>(v);
    return true;
  }
  // As get(), but a missing or empty value is an error.
  bool require(const YAML::Node& map, const std::string& path, const char* key, std::string& out);
  // A file that must exist; stored resolved against base_dir.
  bool get_file(const YAML::Node& map, const std::string& path, const char* key, std::filesystem::path& out);
  bool require_file(const YAML::Node& map, const std::string& path, const char* key, std::filesystem::path& out);
  // A path that need not exist yet (a state directory, a port file).
  bool get_path(const YAML::Node& map, const std::string& path, const char* key, std::filesystem::path& out);
  // A secret given inline (`key`) or by environment variable name (`key_env`);
  // exactly one of the two, and the variable must be set. Both keys must be
  // in the mapping's allowed list.
  bool require_secret(const YAML::Node& map, const std::string& path, const char* key, std::string& out);

 private:
  // map[key] when it is present, not null and a scalar (a non-scalar is reported).
  std::optional<YAML::Node> scalar(const YAML::Node& map, const std::string& path, const char* key);

  std::string source_;
  std::filesystem::path base_dir_;
  std::vector<config_error>& errors_;
};

}  // namespace tidnav::adapters::host
