#pragma once
// All SQL of the pipeline module.
#include <map>
#include <set>

#include "zhaoshang/db/database.hpp"
#include "zhaoshang/pipeline/ledger_index.hpp"
#include "zhaoshang/pipeline/pipeline_types.hpp"

namespace zhaoshang::pipeline::store {

std::optional<Project> Get(db::Connection& c, int64_t id, bool with_details = true);
int64_t Insert(db::Connection& c, const Project& p);
// All mutable columns; false when p.version is stale. Bumps the version.
bool Update(db::Connection& c, const Project& p);
void ReplaceContacts(db::Connection& c, int64_t id, const std::vector<Contact>& contacts);
void AddPromoter(db::Connection& c, int64_t id, int64_t user_id, int64_t unit_id,
                 const std::string& kind, int64_t at);
void SetFirstPromoter(db::Connection& c, int64_t id, int64_t user_id);
bool IsPromoter(db::Connection& c, int64_t id, int64_t user_id);
// Which of these projects the user promotes (first or co-promoter): one query for a page.
std::set<int64_t> PromotedAmong(db::Connection& c, int64_t user_id,
                                const std::vector<int64_t>& ids);
void ReplaceGrams(db::Connection& c, int64_t id, const std::vector<std::string>& grams);
// Bulk loads: grams of new projects without touching the statistics, then the statistics
// counted once. (Bumping one statistics row per project is quadratic on PostgreSQL inside one
// long transaction: every update of a row adds a version the next one must step over.)
void InsertGrams(db::Connection& c, int64_t id, const std::vector<std::string>& grams);
void RebuildGramStats(db::Connection& c);

// Collision candidates: projects with this credit code, and projects sharing at least
// min_common bigrams of the investor name (best first).
std::vector<int64_t> ByUscc(db::Connection& c, const std::string& uscc);
std::vector<int64_t> ByGrams(db::Connection& c, const std::vector<std::string>& grams,
                             int64_t min_common, int64_t limit);

// id → normalised investor name.
std::vector<std::pair<int64_t, std::string>> InvestorNorms(db::Connection& c,
                                                           const std::vector<int64_t>& ids);

std::vector<Project> List(db::Connection& c, const ProjectScope& scope, const ProjectFilter& f,
                          int64_t* total);
// Ledger rows (no contacts or promoters) in the order of ids; missing ids are skipped.
std::vector<Project> Rows(db::Connection& c, const std::vector<int64_t>& ids);
// Entries for the in-memory ledger: the next `limit` projects by id after after_id, or the
// given ids. *fits turns false when an id exceeds the index's 32-bit columns.
std::vector<LedgerInput> LedgerBatch(db::Connection& c, int64_t after_id, int64_t limit,
                                     bool* fits);
std::vector<LedgerInput> LedgerEntries(db::Connection& c, const std::vector<int64_t>& ids,
                                       bool* fits);
// Count per stage under scope + filter.
std::map<std::string, int64_t> CountByStage(db::Connection& c, const ProjectScope& scope,
                                            const ProjectFilter& f);

// 撞单确认: the projects a new one collided with when its reporter confirmed it.
struct CollisionRecord {
  int64_t hit_project_id = 0;
  std::string match;
  int similarity_pct = 0;
};
void AddCollisions(db::Connection& c, int64_t project_id, const std::vector<CollisionRecord>& hits,
                   int64_t user_id, int64_t at);
// Confirmed collisions, the latest confirmed first, a page; *total counts the projects.
std::vector<ConfirmedCollision> ListCollisions(db::Connection& c, int64_t offset, int64_t limit,
                                               int64_t* total);

// id → project name (the audit log names its objects).
std::map<int64_t, std::string> ProjectNames(db::Connection& c, const std::set<int64_t>& ids);

void AddEvent(db::Connection& c, const Event& e);
std::vector<Event> Events(db::Connection& c, int64_t project_id);
int64_t AddActivity(db::Connection& c, const Activity& a);
// Multi-row inserts for bulk loads (demo data, generators).
void AddEvents(db::Connection& c, const std::vector<Event>& events);
void AddActivities(db::Connection& c, const std::vector<Activity>& activities);
std::vector<Activity> Activities(db::Connection& c, int64_t project_id);

// Takes the project's row lock (a no-op update) before a read-then-add such as 到位资金.
void LockRow(db::Connection& c, int64_t id);
// 到位资金 grows by `amount`; bumps the version so a stale edit cannot overwrite the sum.
void AddCapital(db::Connection& c, int64_t id, int64_t amount);
// 首报 adjudicated: the first reporter and their unit.
void SetReporter(db::Connection& c, int64_t id, int64_t user_id, int64_t unit_id, int64_t now);

// Reads of the catalogue and the org tree a project refers to.
bool ChainNodeExists(db::Connection& c, int64_t chain_node_id);
std::optional<int64_t> LeadingIndustryOf(db::Connection& c, int64_t chain_node_id);
// The park or district with this exact name (imports), lowest id first.
std::optional<int64_t> ReceivingUnitByName(db::Connection& c, const std::string& name);

// Routings (分派).
std::optional<Routing> GetRouting(db::Connection& c, int64_t id);
int64_t InsertRouting(db::Connection& c, const Routing& r);
// The project waits for the park's answer; false when `version` is stale.
bool SetPendingRouting(db::Connection& c, int64_t project_id, int64_t routing_id, int64_t park_id,
                       const std::string& deadline, int64_t now, int64_t version);
// pending → status, guarded: of two racing answers one wins (false for the other).
bool DecideRouting(db::Connection& c, int64_t id, const std::string& status,
                   const std::optional<std::string>& reason_code,
                   const std::optional<std::string>& reason, int64_t by, int64_t now);
// The routing is over: the project no longer waits for a park.
void ClearPendingRouting(db::Connection& c, int64_t project_id);
// A pending routing ended without the park: whoever routed it is responsible again, with a
// new step deadline (none: keep the deadline).
void ReturnToRouter(db::Connection& c, int64_t project_id, const Routing& r,
                    const std::optional<std::string>& deadline, int64_t now);
// Visible to the caller: all routings (no park set) or those to these parks.
std::vector<Routing> ListRoutings(db::Connection& c, const std::optional<std::set<int64_t>>& parks,
                                  const RoutingQuery& q, int64_t* total);
// Counts by park (by_park) or by reporting unit, with the decline reasons.
std::vector<RoutingStat> RoutingStatsBy(db::Connection& c,
                                        const std::optional<std::set<int64_t>>& parks,
                                        bool by_park);

std::map<std::string, int> DeadlineDays(db::Connection& c);
void SaveDeadlineDays(db::Connection& c, const std::map<std::string, int>& days);
int RoutingDays(db::Connection& c);  // default kDefaultRoutingDays
void SaveRoutingDays(db::Connection& c, int days);
// The attachment kinds entering a stage requires (`stage_evidence.<stage>`); stages without
// a requirement are absent.
std::map<std::string, std::vector<std::string>> EvidenceKinds(db::Connection& c);
// Replaces the requirement of each stage given (an empty list removes it).
void SaveEvidenceKinds(db::Connection& c,
                       const std::map<std::string, std::vector<std::string>>& kinds);

// The escalation sweep's sources: deadlines before `today`.
std::vector<OverdueProject> OverdueProjects(db::Connection& c, const std::string& today);
// Leads, projects in negotiation and in construction the user is responsible for (or their unit,
// where no person is), with their latest activity date; at most `limit`, oldest first.
std::vector<FollowUpCandidate> FollowUpCandidates(db::Connection& c, int64_t user_id,
                                                  int64_t unit_id, int64_t limit);
std::vector<OverdueRouting> OverdueRoutings(db::Connection& c, const std::string& today);

}  // namespace zhaoshang::pipeline::store
