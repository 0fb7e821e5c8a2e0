#include "zhaoshang/core/random.hpp"

#include <stdexcept>
#include <vector>

#include <openssl/evp.h>
#include <sodium.h>

namespace zhaoshang {
namespace {
std::string ToHex(const unsigned char* p, size_t n) {
  static const char* kDigits = "0123456789abcdef";
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

}  // namespace zhaoshang
