#include "zhaoshang/guide/checklist_rules.hpp"

#include <gtest/gtest.h>

#include <map>

namespace zhaoshang::guide {
namespace {

bool Known(std::string_view k) { return k == "business_licence" || k == "investment_agreement"; }

ChecklistItem Item(int64_t id, std::string title, bool required = false) {
  ChecklistItem i;
  i.id = id;
  i.stage = "negotiating";
  i.title = std::move(title);
  i.required = required;
  return i;
}

TEST(Checklist, OnlyTheWorkingStagesHaveOne) {
  EXPECT_TRUE(IsChecklistStage("lead"));
  EXPECT_TRUE(IsChecklistStage("production"));
  EXPECT_FALSE(IsChecklistStage("shelved"));
  EXPECT_FALSE(IsChecklistStage("lost"));
  EXPECT_FALSE(IsChecklistStage(""));
}

TEST(Checklist, TheRequiredItemsNotTickedBlockTheStage) {
  const std::vector<ChecklistItem> items = {Item(1, "尽职调查", true), Item(2, "实地考察"),
                                            Item(3, "协议文本审核", true)};
  EXPECT_EQ(MissingRequired(items, {}), (std::vector<int64_t>{1, 3}));
  EXPECT_EQ(MissingRequired(items, {1, 2}), (std::vector<int64_t>{3}));
  EXPECT_TRUE(MissingRequired(items, {1, 3}).empty());
  EXPECT_TRUE(MissingRequired({Item(2, "实地考察")}, {}).empty());  // nothing required
}

TEST(Checklist, AListIsCheckedItemByItem) {
  std::vector<ChecklistItem> items = {Item(0, "尽职调查"), Item(0, ""), Item(0, "尽职调查"),
                                      Item(0, std::string(101, 'x'))};
  items[0].evidence_kind = "passport";
  items[0].detail = std::string(1001, 'y');
  auto bad = CheckItems(items, Known);
  EXPECT_EQ(bad["items.0.evidence_kind"], "invalid_value");
  EXPECT_EQ(bad["items.0.detail"], "too_long");
  EXPECT_EQ(bad["items.1.title"], "required");
  EXPECT_EQ(bad["items.2.title"], "duplicate");
  EXPECT_EQ(bad["items.3.title"], "too_long");
  items = {Item(0, "营业执照核验")};
  items[0].evidence_kind = "business_licence";
  EXPECT_TRUE(CheckItems(items, Known).empty());
  EXPECT_EQ(CheckItems(std::vector<ChecklistItem>(31, Item(0, "x")), Known)["items"], "too_many");
}

}  // namespace
}  // namespace zhaoshang::guide
