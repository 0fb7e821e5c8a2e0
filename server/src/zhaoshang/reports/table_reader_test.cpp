#include "zhaoshang/reports/table_reader.hpp"

#include <gtest/gtest.h>

namespace zhaoshang::reports {
namespace {

using Rows = Table;

TEST(ParseCellRef, ColumnsAreBase26AndRowsOneBased) {
  size_t col = 99, row = 99;
  ASSERT_TRUE(ParseCellRef("A1", &col, &row));
  EXPECT_EQ(col, 0u);
  EXPECT_EQ(row, 0u);
  ASSERT_TRUE(ParseCellRef("Z3", &col, &row));
  EXPECT_EQ(col, 25u);
  EXPECT_EQ(row, 2u);
  ASSERT_TRUE(ParseCellRef("AB12", &col, &row));
  EXPECT_EQ(col, 27u);
  EXPECT_EQ(row, 11u);
  ASSERT_TRUE(ParseCellRef("XFD1048576", &col, &row));  // Excel's last cell
  EXPECT_EQ(col, 16383u);
  EXPECT_EQ(row, 1048575u);
}

TEST(ParseCellRef, RefusesMalformedOrOutOfRange) {
  size_t col = 0, row = 0;
  for (const char* bad : {"", "A", "1", "A0", "a1", "A1B", "XFE1", "A1048577"})
    EXPECT_FALSE(ParseCellRef(bad, &col, &row)) << bad;
}

TEST(ReadCsv, DropsTheUtf8Bom) {
  auto t = ReadCsv("\xEF\xBB\xBFname,amount\n招商,1\n");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(*t, (Rows{{"name", "amount"}, {"招商", "1"}}));
}

TEST(ReadCsv, ConvertsGbkAsExcelSavesIt) {
  auto t = ReadCsv("\xD5\xD0\xC9\xCC,1\r\n");  // 招商,1
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(*t, (Rows{{"招商", "1"}}));
}

// Overlong forms, surrogates and values beyond U+10FFFF are not UTF-8 (zhaoshang::IsValidUtf8,
// the JSON bodies' check): a file holding one is tried as GBK like any other non-UTF-8 file and,
// being no GBK either, refused as a whole.
TEST(ReadCsv, RefusesWhatIsNeitherStrictUtf8NorGbk) {
  for (const char* bad : {
           "\xE0\x80\xAF",      // overlong '/' in three bytes
           "\xF0\x80\x80\xAF",  // overlong '/' in four bytes
           "\xED\xA0\x80",      // a surrogate
           "\xF4\x90\x80\x80",  // U+110000
       }) {
    auto t = ReadCsv(std::string("name,path\n招商,") + bad + "\n");
    ASSERT_FALSE(t.has_value()) << ::testing::PrintToString(bad);
    EXPECT_EQ(t.error().code, "invalid_file");
    EXPECT_EQ(t.error().message, "the CSV is neither UTF-8 nor GBK");
    EXPECT_EQ(t.error().fields.at("file"), "invalid_value");
  }
}

// Bytes that are not UTF-8 but are GBK are read as GBK, whatever they were meant to be: C0 AF,
// the overlong '/', is 蜡 in GBK and comes out as that, never as '/' or as the raw bytes.
TEST(ReadCsv, WhatIsNotUtf8ButIsGbkIsReadAsGbk) {
  auto t = ReadCsv("a,\xC0\xAF\n");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(*t, (Rows{{"a", "蜡"}}));
}

TEST(ReadTable, EmptyUploadIsRefused) {
  auto t = ReadTable("", "text/csv");
  ASSERT_FALSE(t.has_value());
  EXPECT_EQ(t.error().code, "invalid_file");
}

TEST(ReadTable, AnXlsxContentTypeWithoutAZipIsRefused) {
  auto t = ReadTable("a,b\n", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  ASSERT_FALSE(t.has_value());
  EXPECT_EQ(t.error().code, "invalid_file");
  auto csv = ReadTable("a,b\n", "text/csv");
  ASSERT_TRUE(csv.has_value());
  EXPECT_EQ(*csv, (Rows{{"a", "b"}}));
}

TEST(ReadTable, AZipThatIsNoWorkbookIsAnError) {
  EXPECT_FALSE(ReadTable(std::string("PK\x03\x04garbage", 11), "").has_value());
}

}  // namespace
}  // namespace zhaoshang::reports
