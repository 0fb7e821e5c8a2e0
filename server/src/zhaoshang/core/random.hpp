#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace zhaoshang {
// Hex string of n random bytes from libsodium's CSPRNG.
std::string RandomHex(size_t n_bytes);
// Lower-case hex of a SHA-256 digest (session ids are stored hashed).
std::string Sha256Hex(const std::string& data);
// Lower-case hex of an SM3 digest (GB/T 32905), used for the audit chain.
std::string Sm3Hex(const std::string& data);
// Lower-case hex of HMAC-SM3(key, data): keyed, so whoever can rewrite the database but does not
// hold the key cannot forge it (audit checkpoints).
std::string HmacSm3Hex(const std::string& key, const std::string& data);
// HMAC-SHA256, the raw 32 bytes (DingTalk's robot signature); Base64 (standard alphabet, padded).
std::string HmacSha256(const std::string& key, const std::string& data);
std::string Base64(const std::string& bytes);
// Bytes of a hex string (either case); nullopt if it is not hex or has an odd length.
std::optional<std::string> FromHex(std::string_view hex);

// SM3 over data fed in pieces (archive files too large to hold in memory).
class Sm3Stream {
 public:
  Sm3Stream();
  ~Sm3Stream();
  Sm3Stream(const Sm3Stream&) = delete;
  Sm3Stream& operator=(const Sm3Stream&) = delete;
  void Update(std::string_view data);
  std::string HexFinal();  // once

 private:
  void* ctx_;  // EVP_MD_CTX; OpenSSL stays out of this header
};
}  // namespace zhaoshang
