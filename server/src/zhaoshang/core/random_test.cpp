#include "zhaoshang/core/random.hpp"

#include <gtest/gtest.h>

namespace zhaoshang {
namespace {

TEST(Sm3, KnownVectorsAndStreaming) {
  // GB/T 32905-2016 example 1.
  EXPECT_EQ(Sm3Hex("abc"), "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
  Sm3Stream s;
  s.Update("a");
  s.Update("");
  s.Update("bc");
  EXPECT_EQ(s.HexFinal(), Sm3Hex("abc"));
}

TEST(HmacSm3, KnownVectorAndKeyDependence) {
  // The RFC 2104 "Jefe" test case with SM3 as the hash.
  EXPECT_EQ(HmacSm3Hex("Jefe", "what do ya want for nothing?"),
            "2e87f1d16862e6d964b50a5200bf2b10b764faa9680a296a2405f24bec39f882");
  std::string key = *FromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  EXPECT_EQ(HmacSm3Hex(key, "zhaoshang"),
            "90904381b6400adb112df721e908e6a08221db5197cbffad18dc02d47a9e5b12");
  key[0] = 1;
  EXPECT_NE(HmacSm3Hex(key, "zhaoshang"),
            "90904381b6400adb112df721e908e6a08221db5197cbffad18dc02d47a9e5b12");
  EXPECT_NE(HmacSm3Hex("", "abc"), Sm3Hex("abc"));
}

TEST(FromHex, DecodesBothCasesAndRejectsTheRest) {
  EXPECT_EQ(FromHex("00fFa1"), std::string("\x00\xff\xa1", 3));
  EXPECT_EQ(FromHex(""), std::string());
  EXPECT_FALSE(FromHex("abc"));
  EXPECT_FALSE(FromHex("zz"));
  EXPECT_FALSE(FromHex("0x12"));
}

}  // namespace
}  // namespace zhaoshang

namespace zhaoshang {
namespace {
TEST(HmacSha256, Rfc4231VectorAndBase64) {
  const std::string mac = HmacSha256("Jefe", "what do ya want for nothing?");
  ASSERT_EQ(mac.size(), 32U);
  EXPECT_EQ(*FromHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"), mac);
  EXPECT_EQ(Base64("hello"), "aGVsbG8=");
  EXPECT_EQ(Base64(""), "");
  EXPECT_EQ(Base64(std::string("\xff\xfe", 2)), "//4=");
}
}  // namespace
}  // namespace zhaoshang
