#pragma once
// The ledger's filter and sort columns of every project, held in memory (about 90 bytes a
// project), so a ledger page is a walk along a presorted order instead of a COUNT and a sort
// in the database. Pure data structure: no SQL. The Ledger class keeps it in step with the
// database; the SQL in pipeline_store stays the reference the tests compare it with.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "zhaoshang/pipeline/pipeline_types.hpp"

namespace zhaoshang::pipeline {

// One project's filter and sort columns. Unit, user and catalog ids are 32-bit here; the
// Ledger falls back to SQL if a database ever holds larger ones.
struct LedgerEntry {
  int64_t id = 0;
  int64_t created_at = 0, total_investment = 0, stage_since = 0;
  int32_t leading_industry = 0, district = 0, receiving = 0, reporting = 0, responsible = 0;
  int32_t step_deadline = 0;  // yyyymmdd, 0 when there is none
  int32_t signing = 0;        // yyyymmdd, 0 when there is none
  int32_t promoter = 0;       // the first of `promoters`; the rest live beside the entries
  uint8_t stage = 0;          // index in AllStages()
  uint8_t band = 0;
  char section = 0;              // GB/T 4754 门类 letter
  std::array<char, 4> digits{};  // the code's digits (大类…小类), NUL-padded
};

// An entry as read from the database, with every promoter (project_promoters.user_id).
struct LedgerInput {
  LedgerEntry entry;
  std::vector<int32_t> promoters;
};

// "2026-03-01" → 20260301; 0 for anything else.
int32_t PackDate(const std::string& iso);

class LedgerIndex {
 public:
  // Filters the index answers; the text search and the name sort go to SQL.
  static bool Serves(const ProjectFilter& f);

  // Replaces the whole content.
  void Reset(std::vector<LedgerInput> entries);
  // Inserts or replaces entries (by id); ids in `gone` are removed.
  void Upsert(std::vector<LedgerInput> entries, const std::vector<int64_t>& gone = {});

  // Ids of the requested page in the ledger's order, and the total under scope + filter.
  std::vector<int64_t> Page(const ProjectScope& scope, const ProjectFilter& f,
                            int64_t* total) const;
  std::map<std::string, int64_t> CountByStage(const ProjectScope& scope,
                                              const ProjectFilter& f) const;
  size_t size() const { return live_; }

 private:
  enum Key { kCreated, kTotal, kStageSince, kDeadline, kKeys };
  struct Compiled;
  static int64_t KeyOf(const LedgerEntry& e, int k);
  static Compiled Compile(const ProjectScope& scope, const ProjectFilter& f);
  bool Matches(const Compiled& c, int32_t slot) const;
  bool IsPromoter(int32_t slot, int64_t user) const;
  bool Less(int k, int32_t a, int32_t b) const;
  void InsertOrdered(int32_t slot);
  void EraseOrdered(int32_t slot);
  void SetPromoters(int32_t slot, std::vector<int32_t> promoters);
  void Store(LedgerInput in);
  void RebuildOrders();
  // Slots that can match at all: every live one, or a promoter's projects.
  template <typename Fn>
  void ForEachCandidate(const Compiled& c, Fn fn) const;

  std::vector<LedgerEntry> entries_;  // by slot; removed slots have id 0
  std::vector<int32_t> slot_of_;      // by project id; -1 when absent
  std::unordered_map<int32_t, std::vector<int32_t>> more_promoters_;  // slot → the 2nd… users
  std::unordered_map<int32_t, std::vector<int32_t>> by_promoter_;     // user → slots
  std::array<std::vector<int32_t>, kKeys> orders_;  // slots sorted by (key, id) ascending
  size_t live_ = 0;
};

}  // namespace zhaoshang::pipeline
