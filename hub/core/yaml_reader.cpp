// SPDX-License-Identifier: GPL-2.0-or-later
#include "hub/core/yaml_reader.hpp"

#include <algorithm>
#include <charconv>

namespace tidnav::core {

int yaml_reader::line_of(const YAML::Node& node) {
  // Mark() throws on the "zombie" node yaml-cpp returns for a missing key.
  if (!node.IsDefined()) return 0;
  const auto m = node.Mark();
  return m.line >= 0 ? m.line + 1 : 0;
}

std::string yaml_reader::join(const std::string& path, std::string_view key) {
  if (path.empty()) return std::string(key);
  std::string s = path;
  s += '.';
  s.append(key);
  return s;
}

std::string yaml_reader::index(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

void yaml_reader::mark(const std::string& path, const YAML::Node& node) {
  if (const int line = line_of(node); line > 0) cfg_.lines[path] = line;
}

void yaml_reader::error(const std::string& path, const YAML::Node& node, std::string message) {
  int line = line_of(node);
  if (line == 0) line = cfg_.line_of(path);
  errors_.push_back({cfg_.source, line, path, std::move(message)});
}

bool yaml_reader::map(const YAML::Node& node, const std::string& path, std::initializer_list<std::string_view> allowed) {
  if (!node.IsMap()) {
    error(path, node, "expected a mapping");
    return false;
  }
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string();
    const std::string key_path = join(path, key);
    mark(key_path, it->first);
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      error(key_path, it->first, "unknown key '" + key + "'");
    }
  }
  return true;
}

bool yaml_reader::sequence(const YAML::Node& node, const std::string& path) {
  if (!node.IsSequence()) {
    error(path, node, "expected a list");
    return false;
  }
  for (std::size_t i = 0; i < node.size(); ++i) mark(index(path, i), node[i]);
  return true;
}

yaml_reader::scalar_value yaml_reader::scalar(const YAML::Node& map, const std::string& path, const char* key) {
  // Copy-construct: assigning yaml-cpp's missing-key node to a Node throws.
  scalar_value out{map[key], std::nullopt};
  if (!out.node.IsDefined() || out.node.IsNull()) return out;
  if (!out.node.IsScalar()) {
    error(join(path, key), out.node, "expected a single value");
    return out;
  }
  out.text = out.node.Scalar();
  return out;
}

bool yaml_reader::get(const YAML::Node& map, const std::string& path, const char* key, std::string& out) {
  auto [v, s] = scalar(map, path, key);
  if (!s) return false;
  out = std::move(*s);
  return true;
}

bool yaml_reader::get(const YAML::Node& map, const std::string& path, const char* key, bool& out) {
  auto [v, s] = scalar(map, path, key);
  if (!s) return false;
  bool b = false;
  if (!YAML::convert<bool>::decode(v, b)) {
    error(join(path, key), v, "expected true or false, got '" + v.Scalar() + "'");
    return false;
  }
  out = b;
  return true;
}

bool yaml_reader::get(const YAML::Node& map, const std::string& path, const char* key, std::vector<std::string>& out) {
  const YAML::Node v = map[key];
  if (!v.IsDefined() || v.IsNull()) return false;
  const std::string p = join(path, key);
  if (!sequence(v, p)) return false;
  std::vector<std::string> items;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!v[i].IsScalar()) {
      error(index(p, i), v[i], "expected a single value");
      continue;
    }
    items.push_back(v[i].Scalar());
  }
  out = std::move(items);
  return true;
}

bool yaml_reader::get_uint(const YAML::Node& map, const std::string& path, const char* key, std::uint64_t max,
                           std::uint64_t& out) {
  const auto [v, s] = scalar(map, path, key);
  if (!s) return false;
  std::uint64_t n = 0;
  const auto [ptr, ec] = std::from_chars(s->data(), s->data() + s->size(), n);
  if (s->empty() || ec != std::errc{} || ptr != s->data() + s->size()) {
    error(join(path, key), v, "expected a non-negative integer, got '" + *s + "'");
    return false;
  }
  if (n > max) {
    error(join(path, key), v, "must be at most " + std::to_string(max) + ", got " + *s);
    return false;
  }
  out = n;
  return true;
}

bool yaml_reader::get(const YAML::Node& map, const std::string& path, const char* key, std::chrono::milliseconds& out) {
  std::uint64_t ms = 0;
  // A day is far beyond any sane timeout; the cap keeps arithmetic safe.
  if (!get_uint(map, path, key, 86'400'000, ms)) return false;
  out = std::chrono::milliseconds(static_cast<std::int64_t>(ms));
  return true;
}

bool yaml_reader::get(const YAML::Node& map, const std::string& path, const char* key, std::optional<xs_datetime>& out) {
  const auto [v, s] = scalar(map, path, key);
  if (!s) return false;
  auto parsed = parse_xs_datetime(*s);
  if (!parsed) {
    error(join(path, key), v, "expected a date (2025-01-31) or date-time (2025-01-31T08:00:00+01:00), got '" + *s + "'");
    return false;
  }
  out = parsed;
  return true;
}

}  // namespace tidnav::core
