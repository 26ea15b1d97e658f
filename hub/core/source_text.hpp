// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once
// Reading the text files the core loads (config, TAK cache, HSA files) and
// turning byte offsets into line numbers for error messages.

#include <cstddef>
#include <string>
#include <string_view>

#include "hub/core/result.hpp"

namespace tidnav::core {

/// The whole file, or "<path>: <reason>".
result<std::string, std::string> read_text_file(const std::string& path);

/// 1-based line number of byte `offset` in `text` (clamped to the end).
std::size_t line_at(std::string_view text, std::size_t offset) noexcept;

}  // namespace tidnav::core
