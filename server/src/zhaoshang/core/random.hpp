#pragma once
#include <string>

namespace zhaoshang {
// Hex string of n random bytes from libsodium's CSPRNG.
std::string RandomHex(size_t n_bytes);
// Lower-case hex of a SHA-256 digest (session ids are stored hashed).
std::string Sha256Hex(const std::string& data);
// Lower-case hex of an SM3 digest (GB/T 32905), used for the audit chain.
std::string Sm3Hex(const std::string& data);
}  // namespace zhaoshang
