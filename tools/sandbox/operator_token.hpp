// SPDX-License-Identifier: GPL-2.0-or-later
// The dashboard operator of a sandbox: a random bearer token made once per
// sandbox directory (the file is 0600 and lives under the generated, never
// committed working directory), and its SHA-256, which is all hub.yaml holds
// (dashboard.operators, docs/operations.md).
#pragma once

#include <filesystem>
#include <string>

namespace tidnav::sandbox {

// Reads the token at `file`, or creates it (32 random bytes, base64url) with
// mode 0600; an existing file is set back to 0600. Throws when it cannot.
std::string ensure_operator_token(const std::filesystem::path& file);

// Lower-case hex SHA-256 of the token's bytes, as `printf %s "$TOKEN" | sha256sum`.
std::string token_sha256(const std::string& token);

}  // namespace tidnav::sandbox
