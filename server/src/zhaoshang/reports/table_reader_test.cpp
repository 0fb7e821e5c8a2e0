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

TEST(IsValidUtf8, AcceptsUtf8AndRefusesBrokenSequences) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain"));
  EXPECT_TRUE(IsValidUtf8("招商引资"));
  EXPECT_FALSE(IsValidUtf8("\xD5\xD0\xC9\xCC"));  // 招商 in GBK
  EXPECT_FALSE(IsValidUtf8("\xE6\x8B"));          // cut in the middle of a character
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
