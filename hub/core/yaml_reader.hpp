// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Typed, error-collecting access to a yaml-cpp tree for the config reader.
// Nothing throws: a wrong type or an unknown key becomes a config_error with
// its line, the value stays at its default, and reading goes on so that one
// run reports every problem.

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "hub/core/hub_config.hpp"
#include "hub/core/xs_datetime.hpp"

namespace tidnav::core {

class yaml_reader {
 public:
  yaml_reader(hub_config& cfg, std::vector<config_error>& errors) : cfg_(cfg), errors_(errors) {}

  static int line_of(const YAML::Node& node);
  static std::string join(const std::string& path, std::string_view key);
  static std::string index(const std::string& path, std::size_t i);

  void mark(const std::string& path, const YAML::Node& node);
  void error(const std::string& path, const YAML::Node& node, std::string message);

  /// True when `node` is a mapping; reports keys not in `allowed`. Records lines of all keys.
  bool map(const YAML::Node& node, const std::string& path, std::initializer_list<std::string_view> allowed);
  /// True when `node` is a sequence (reports otherwise).
  bool sequence(const YAML::Node& node, const std::string& path);

  /// Each getter reads map[key] into `out` when present and non-null; returns
  /// whether a value was stored.
  bool get(const YAML::Node& map, const std::string& path, const char* key, std::string& out);
  bool get(const YAML::Node& map, const std::string& path, const char* key, bool& out);
  bool get(const YAML::Node& map, const std::string& path, const char* key, std::vector<std::string>& out);
  bool get(const YAML::Node& map, const std::string& path, const char* key, std::chrono::milliseconds& out);
  bool get(const YAML::Node& map, const std::string& path, const char* key, std::optional<xs_datetime>& out);
  bool get_uint(const YAML::Node& map, const std::string& path, const char* key, std::uint64_t max,
                std::uint64_t& out);

  template <class T>
  bool get_number(const YAML::Node& map, const std::string& path, const char* key, std::uint64_t max, T& out) {
    std::uint64_t v = 0;
    if (!get_uint(map, path, key, max, v)) return false;
    out = static_cast<T>(v);
    return true;
  }

  /// For optional<> fields of overrides: present => engaged.
  template <class T>
  bool get(const YAML::Node& map, const std::string& path, const char* key, std::optional<T>& out) {
    T v{};
    if (!get(map, path, key, v)) return false;
    out = std::move(v);
    return true;
  }

 private:
  struct scalar_value {
    YAML::Node node;
    std::optional<std::string> text;
  };
  scalar_value scalar(const YAML::Node& map, const std::string& path, const char* key);

  hub_config& cfg_;
  std::vector<config_error>& errors_;
};

}  // namespace tidnav::core
