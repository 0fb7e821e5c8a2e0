#include "zhaoshang/jobs/jobs_store.hpp"

namespace zhaoshang::jobs::store {

bool Claim(db::Connection& c, const std::string& job, const std::string& slot,
           const std::string& owner, int64_t now) {
  return c.Execute(
             "INSERT INTO job_runs(job, slot, claimed_by, started_at) VALUES (?,?,?,?) "
             "ON CONFLICT (job, slot) DO NOTHING",
             {job, slot, owner, now}) == 1;
}

void Finish(db::Connection& c, const std::string& job, const std::string& slot, int64_t now,
            const std::string& outcome) {
  c.Execute("UPDATE job_runs SET finished_at = ?, outcome = ? WHERE job = ? AND slot = ?",
            {now, outcome, job, slot});
}

std::vector<Run> Recent(db::Connection& c, int64_t limit) {
  auto rs = c.Query(
      "SELECT job, slot, claimed_by, outcome, started_at, finished_at FROM job_runs "
      "ORDER BY started_at DESC, job LIMIT ?",
      {limit});
  std::vector<Run> out;
  for (size_t i = 0; i < rs.size(); ++i)
    out.push_back({rs[i].Text(0), rs[i].Text(1), rs[i].Text(2), rs[i].Text(3), rs[i].Int(4),
                   rs[i].OptInt(5)});
  return out;
}

}  // namespace zhaoshang::jobs::store
