#include "zhaoshang/core/random.hpp"

#include <stdexcept>
#include <vector>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <sodium.h>

namespace zhaoshang {
namespace {
std::string ToHex(const unsigned char* p, size_t n) {
  static const char* const kDigits = "0123456789abcdef";
  std::string out(n * 2, '0');
  for (size_t i = 0; i < n; ++i) {
    out[2 * i] = kDigits[p[i] >> 4];
    out[2 * i + 1] = kDigits[p[i] & 15];
  }
  return out;
}

// Fetched once: EVP_MD_fetch is costly and the result is thread-safe to share.
const EVP_MD* Fetch(const char* algo) {
  EVP_MD* md = EVP_MD_fetch(nullptr, algo, nullptr);
  if (md == nullptr) throw std::runtime_error(std::string("digest not available: ") + algo);
  return md;
}

std::string DigestHex(const EVP_MD* md, const std::string& data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  int ok = EVP_Digest(data.data(), data.size(), out, &len, md, nullptr);
  if (ok != 1) throw std::runtime_error("digest failed");
  return ToHex(out, len);
}
}  // namespace

std::string RandomHex(size_t n_bytes) {
  std::vector<unsigned char> buf(n_bytes);
  randombytes_buf(buf.data(), buf.size());
  return ToHex(buf.data(), buf.size());
}

std::string Sha256Hex(const std::string& data) {
  static const EVP_MD* md = Fetch("SHA256");
  return DigestHex(md, data);
}
std::string Sm3Hex(const std::string& data) {
  static const EVP_MD* md = Fetch("SM3");
  return DigestHex(md, data);
}

namespace {
// HMAC with the named digest: the raw MAC. Fetched once, like the digests; a context per call
// (contexts are not thread-safe).
std::string Hmac(const char* digest_name, const std::string& key, const std::string& data) {
  static EVP_MAC* mac = [] {
    EVP_MAC* m = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    if (m == nullptr) throw std::runtime_error("HMAC not available");
    return m;
  }();
  EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(mac);
  if (ctx == nullptr) throw std::runtime_error("HMAC context");
  std::string digest(digest_name);
  OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest.data(), 0),
                         OSSL_PARAM_construct_end()};
  unsigned char out[EVP_MAX_MD_SIZE];
  size_t len = 0;
  bool ok =
      EVP_MAC_init(ctx, reinterpret_cast<const unsigned char*>(key.data()), key.size(), params) ==
          1 &&
      EVP_MAC_update(ctx, reinterpret_cast<const unsigned char*>(data.data()), data.size()) == 1 &&
      EVP_MAC_final(ctx, out, &len, sizeof out) == 1;
  EVP_MAC_CTX_free(ctx);
  if (!ok) throw std::runtime_error(std::string("HMAC-") + digest_name + " failed");
  return {reinterpret_cast<const char*>(out), len};
}
}  // namespace

std::string HmacSm3Hex(const std::string& key, const std::string& data) {
  const std::string mac = Hmac("SM3", key, data);
  return ToHex(reinterpret_cast<const unsigned char*>(mac.data()), mac.size());
}

std::string HmacSha256(const std::string& key, const std::string& data) {
  return Hmac("SHA256", key, data);
}

std::string Base64(const std::string& bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.find('\0'));
  return out;
}

std::optional<std::string> FromHex(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out(hex.size() / 2, '\0');
  for (size_t i = 0; i < out.size(); ++i) {
    int hi = nibble(hex[2 * i]), lo = nibble(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out[i] = static_cast<char>(hi << 4 | lo);
  }
  return out;
}

Sm3Stream::Sm3Stream() : ctx_(EVP_MD_CTX_new()) {
  static const EVP_MD* md = Fetch("SM3");
  if (ctx_ == nullptr || EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(ctx_), md, nullptr) != 1)
    throw std::runtime_error("SM3 init failed");
}
Sm3Stream::~Sm3Stream() { EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(ctx_)); }
void Sm3Stream::Update(std::string_view data) {
  if (EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(ctx_), data.data(), data.size()) != 1)
    throw std::runtime_error("SM3 update failed");
}
std::string Sm3Stream::HexFinal() {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(ctx_), out, &len) != 1)
    throw std::runtime_error("SM3 final failed");
  return ToHex(out, len);
}

}  // namespace zhaoshang
