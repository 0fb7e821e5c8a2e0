#include "zhaoshang/jobs/scheduler.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <array>
#include <stdexcept>

#include "zhaoshang/jobs/jobs_store.hpp"

namespace zhaoshang::jobs {

std::string ProcessName() {
  std::array<char, 256> host{};
  if (gethostname(host.data(), host.size() - 1) != 0) host[0] = '\0';
  return std::string(host.data()) + ":" + std::to_string(getpid());
}

void Scheduler::Register(std::string_view job, JobFn fn) {
  const JobSpec* spec = FindJob(job);
  if (!spec) throw std::invalid_argument("no such job: " + std::string(job));
  jobs_.emplace_back(spec, std::move(fn));
}

std::vector<std::string> Scheduler::RunDue(int64_t now_ms) {
  std::lock_guard run(run_mu_);
  std::vector<std::string> ran;
  for (auto& [spec, fn] : jobs_) {
    auto slot = SlotAt(*spec, now_ms);
    if (!slot) continue;
    auto& seen = seen_[std::string(spec->name)];
    if (seen == *slot) continue;
    bool mine = false;
    {
      auto c = db_.Acquire();
      mine = store::Claim(*c, std::string(spec->name), *slot, owner_, clock_.NowMs());
    }
    seen = *slot;
    if (!mine) continue;
    std::string outcome;
    try {
      outcome = fn(now_ms);
    } catch (const std::exception& e) {
      outcome = std::string("error: ") + e.what();
      spdlog::error("job {} {} failed: {}", spec->name, *slot, e.what());
    }
    auto c = db_.Acquire();
    store::Finish(*c, std::string(spec->name), *slot, clock_.NowMs(), outcome);
    if (!outcome.empty()) spdlog::info("job {} {}: {}", spec->name, *slot, outcome);
    ran.emplace_back(spec->name);
  }
  return ran;
}

void Scheduler::Start(std::chrono::milliseconds tick) {
  if (thread_.joinable()) return;
  stop_ = false;
  thread_ = std::thread([this, tick] {
    std::unique_lock lk(mu_);
    while (!stop_) {
      lk.unlock();
      try {
        RunDue(clock_.NowMs());
      } catch (const std::exception& e) {
        spdlog::error("scheduler: {}", e.what());  // the database away: try again next tick
      }
      lk.lock();
      cv_.wait_for(lk, tick, [this] { return stop_; });
    }
  });
}

void Scheduler::Stop() {
  {
    std::lock_guard lk(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace zhaoshang::jobs
