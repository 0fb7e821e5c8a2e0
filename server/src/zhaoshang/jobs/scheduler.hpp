#pragma once
// The in-process scheduler: the jobs of job_rules.hpp, each run once per slot across every
// process on the database (jobs_store::Claim). Tests call RunDue(now) on an injected clock;
// `zhaoshang serve` runs it on a thread (Start/Stop) that wakes every `tick`.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "zhaoshang/core/clock.hpp"
#include "zhaoshang/db/database.hpp"
#include "zhaoshang/jobs/job_rules.hpp"

namespace zhaoshang::jobs {

// What a run did, for the log and job_runs.outcome ("12 escalations" …).
using JobFn = std::function<std::string(int64_t now_ms)>;

class Scheduler {
 public:
  // `owner` names this process in job_runs (host:pid).
  Scheduler(db::Database& db, const Clock& clock, std::string owner)
      : db_(db), clock_(clock), owner_(std::move(owner)) {}
  ~Scheduler() { Stop(); }

  void Register(std::string_view job, JobFn fn);
  // Runs every registered job whose slot at `now_ms` this process has not seen and can claim.
  // Returns the names of the jobs it ran.
  std::vector<std::string> RunDue(int64_t now_ms);

  void Start(std::chrono::milliseconds tick);
  void Stop();

 private:
  db::Database& db_;
  const Clock& clock_;
  std::string owner_;
  std::vector<std::pair<const JobSpec*, JobFn>> jobs_;
  std::map<std::string, std::string, std::less<>> seen_;  // job → last slot tried here
  std::mutex run_mu_;                                     // one RunDue at a time
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

// "host:pid", the owner of this process's claims.
std::string ProcessName();

}  // namespace zhaoshang::jobs
