#pragma once
// All SQL of the jobs module: job_runs.
#include <string>
#include <vector>

#include "zhaoshang/db/database.hpp"

namespace zhaoshang::jobs::store {

struct Run {
  std::string job, slot, claimed_by, outcome;
  int64_t started_at = 0;
  std::optional<int64_t> finished_at;
};

// True when this call inserted (job, slot): the caller owns the run. Another process that
// claimed it first makes this false (the primary key), on either engine.
bool Claim(db::Connection& c, const std::string& job, const std::string& slot,
           const std::string& owner, int64_t now);
void Finish(db::Connection& c, const std::string& job, const std::string& slot, int64_t now,
            const std::string& outcome);
std::vector<Run> Recent(db::Connection& c, int64_t limit);

}  // namespace zhaoshang::jobs::store
