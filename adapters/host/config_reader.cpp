// SPDX-License-Identifier: GPL-2.0-or-later
#include "adapters/host/config_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <system_error>

namespace tidnav::adapters::host {
namespace {

int line_of(const YAML::Node& node) {
  // Mark() throws on the "zombie" node yaml-cpp returns for a missing key.
  if (!node.IsDefined()) return 0;
  const auto m = node.Mark();
  return m.line >= 0 ? m.line + 1 : 0;
}

}  // namespace

std::string config_reader::join(const std::string& path, std::string_view key) {
  if (path.empty()) return std::string(key);
  return path + "." + std::string(key);
}

std::string config_reader::index(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

void config_reader::error(const std::string& path, const YAML::Node& node, std::string message) {
  errors_.push_back({source_, line_of(node), path, std::move(message)});
}

bool config_reader::map(const YAML::Node& node, const std::string& path,
                        std::initializer_list<std::string_view> allowed) {
  if (!node.IsDefined() || !node.IsMap()) {
    error(path, node, "expected a mapping");
    return false;
  }
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      error(join(path, key), it->first, "unknown key '" + key + "'");
    }
  }
  return true;
}

bool config_reader::sequence(const YAML::Node& node, const std::string& path) {
  if (!node.IsDefined() || !node.IsSequence()) {
    error(path, node, "expected a list");
    return false;
  }
  return true;
}

std::optional<YAML::Node> config_reader::scalar(const YAML::Node& map, const std::string& path, const char* key) {
  if (!map.IsDefined() || !map.IsMap()) return std::nullopt;
  // Copy-constructed, never assigned: assigning yaml-cpp's "zombie" node for a missing key throws.
  const YAML::Node node = map[key];
  if (!node.IsDefined() || node.IsNull()) return std::nullopt;
  if (!node.IsScalar()) {
    error(join(path, key), node, "expected a single value");
    return std::nullopt;
  }
  return node;
}

bool config_reader::get(const YAML::Node& map, const std::string& path, const char* key, std::string& out) {
  const std::optional<YAML::Node> n = scalar(map, path, key);
  if (!n) return false;
  out = n->Scalar();
  return true;
}

bool config_reader::get(const YAML::Node& map, const std::string& path, const char* key, bool& out) {
  const std::optional<YAML::Node> n = scalar(map, path, key);
  if (!n) return false;
  const std::string& v = n->Scalar();
  if (v == "true" || v == "yes" || v == "on") {
    out = true;
  } else if (v == "false" || v == "no" || v == "off") {
    out = false;
  } else {
    error(join(path, key), *n, "expected true or false, not '" + v + "'");
    return false;
  }
  return true;
}

bool config_reader::get(const YAML::Node& map, const std::string& path, const char* key,
                        std::vector<std::string>& out) {
  if (!map.IsDefined() || !map.IsMap()) return false;
  const YAML::Node n = map[key];
  if (!n.IsDefined() || n.IsNull()) return false;
  const std::string p = join(path, key);
  if (!sequence(n, p)) return false;
  out.clear();
  for (std::size_t i = 0; i < n.size(); ++i) {
    if (!n[i].IsScalar()) {
      error(index(p, i), n[i], "expected a single value");
      continue;
    }
    out.push_back(n[i].Scalar());
  }
  return true;
}

bool config_reader::get_uint(const YAML::Node& map, const std::string& path, const char* key, std::uint64_t min,
                             std::uint64_t max, std::uint64_t& out) {
  const std::optional<YAML::Node> n = scalar(map, path, key);
  if (!n) return false;
  const std::string& v = n->Scalar();
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
  if (ec != std::errc() || end != v.data() + v.size() || v.empty()) {
    error(join(path, key), *n, "expected a whole number, not '" + v + "'");
    return false;
  }
  if (value < min || value > max) {
    error(join(path, key), *n, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return false;
  }
  out = value;
  return true;
}

bool config_reader::require(const YAML::Node& map, const std::string& path, const char* key, std::string& out) {
  if (get(map, path, key, out) && !out.empty()) return true;
  const std::string p = join(path, key);
  if (!map.IsDefined() || !map.IsMap() || !map[key].IsDefined() || map[key].IsNull()) {
    error(p, map, "is required");
  } else if (map[key].IsScalar()) {
    error(p, map[key], "must not be empty");
  }
  return false;
}

bool config_reader::get_path(const YAML::Node& map, const std::string& path, const char* key,
                             std::filesystem::path& out) {
  std::string text;
  if (!get(map, path, key, text) || text.empty()) return false;
  std::filesystem::path p(text);
  out = p.is_absolute() ? p : base_dir_ / p;
  return true;
}

bool config_reader::get_file(const YAML::Node& map, const std::string& path, const char* key,
                             std::filesystem::path& out) {
  std::filesystem::path p;
  if (!get_path(map, path, key, p)) return false;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(p, ec)) {
    error(join(path, key), map[key], "no such file: " + p.string());
    return false;
  }
  out = std::move(p);
  return true;
}

bool config_reader::require_file(const YAML::Node& map, const std::string& path, const char* key,
                                 std::filesystem::path& out) {
  if (!map.IsDefined() || !map.IsMap() || !map[key].IsDefined() || map[key].IsNull()) {
    error(join(path, key), map, "is required");
    return false;
  }
  return get_file(map, path, key, out);
}

bool config_reader::require_secret(const YAML::Node& map, const std::string& path, const char* key,
                                   std::string& out) {
  const std::string env_key = std::string(key) + "_env";
  std::string inline_value, env_name;
  const bool has_inline = get(map, path, key, inline_value);
  const bool has_env = get(map, path, env_key.c_str(), env_name);
  if (has_inline && has_env) {
    error(join(path, key), map[key], "give " + std::string(key) + " or " + env_key + ", not both");
    return false;
  }
  if (has_env) {
    const char* value = std::getenv(env_name.c_str());
    if (!value || !*value) {
      error(join(path, env_key), map[env_key], "environment variable " + env_name + " is not set");
      return false;
    }
    out = value;
    return true;
  }
  if (has_inline && !inline_value.empty()) {
    out = inline_value;
    return true;
  }
  error(join(path, key), map, "is required (or " + env_key + ")");
  return false;
}

}  // namespace tidnav::adapters::host
