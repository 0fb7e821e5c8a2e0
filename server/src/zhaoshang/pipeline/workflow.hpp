#pragma once
// The project stage workflow: the transition table (the one place), guards, who may act,
// and who becomes responsible afterwards (DESIGN.md §4). Pure rules: no SQL, no HTTP.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "zhaoshang/core/date.hpp"
#include "zhaoshang/core/error.hpp"

namespace zhaoshang::pipeline {

enum class Stage {
  kLead,          // 线索
  kInReview,      // 预审中
  kApproved,      // 已入库 (in the pool)
  kNegotiating,   // 洽谈中 (routed to a park)
  kSigned,        // 已签约
  kConstruction,  // 已开工
  kProduction,    // 已投产
  kRejected,      // 未通过
  kShelved,       // 暂缓
  kLost,          // 流失
};
std::string_view StageName(Stage s);
std::optional<Stage> ParseStage(std::string_view s);
const std::vector<Stage>& AllStages();
// Stages in which a project can still be shelved or lost.
bool IsActive(Stage s);

// Who may perform a transition, by relation to the project.
enum class Who {
  kPromoter,     // first or co-promoter of the project (role promoter)
  kCoordinator,  // role coordinator (投促局)
  kReceiver,     // role receiver in the receiving park's unit subtree
  kResponsible,  // the responsible user, or a member of the responsible unit
};

// Who is responsible after the transition.
enum class Handover { kKeep, kPromoter, kReceivingPark };

struct Rule {
  Stage from;
  Stage to;  // for reopen rules: the stage the project had before (stage_before)
  std::vector<Who> who;
  std::vector<std::string_view> required;  // guard fields
  bool needs_reason_code = false;
  bool reopen = false;  // back to stage_before
  Handover handover = Handover::kKeep;
  bool routing_only = false;  // happens only when a park accepts a routing (分派接收)
};
const std::vector<Rule>& Rules();

struct Relation {
  bool promoter = false, coordinator = false, receiver = false, responsible = false;
  bool via_routing = false;  // the caller is a park accepting a routing
  bool Has(Who w) const;
};

// The facts a guard looks at: the project after the transition's fields are applied.
struct GuardFacts {
  std::string industry_code;
  int64_t total_investment = 0;
  std::optional<int64_t> receiving_unit_id;
  std::optional<std::string> signing_date, construction_date, production_date;
  std::optional<int64_t> contracted_investment;
  std::string reason_code, reason;
  // Attachment kinds the target stage requires that the project does not hold (佐证材料).
  std::vector<std::string> missing_evidence;
  // Required checklist items of the stage being left forward that are not ticked (their titles).
  std::vector<std::string> missing_checklist;
};

// What a transition request proposes besides the target stage.
struct Proposal {
  std::optional<int64_t> receiving_unit_id;
  std::optional<std::string> signing_date, construction_date, production_date;
};

// Finds the rule for from → to and checks relation, guard and reason. Errors:
// transition_not_allowed (400), use_routing (400), forbidden (403), guard_failed (400,
// fields = "required"), invalid_argument on a bad reason code.
Result<const Rule*> CheckTransition(Stage from, Stage to, std::optional<Stage> stage_before,
                                    const Relation& rel, const GuardFacts& facts);
// The whole check of a move: CheckTransition, then that the receiving park changes only by
// routing (`park_before` is the project's park) and that no proposed milestone date lies after
// `today` (invalid_argument with receiving_unit_id = cannot_change, or <date> = in_future).
Result<const Rule*> CheckMove(Stage from, Stage to, std::optional<Stage> stage_before,
                              const Relation& rel, const GuardFacts& facts,
                              std::optional<int64_t> park_before, const Proposal& proposed,
                              const std::string& today);

// The target stages this relation may request now (for the UI's buttons; guards not applied).
std::vector<Stage> AllowedTargets(Stage from, std::optional<Stage> stage_before,
                                  const Relation& rel);

// The transition inputs a dialog can collect (a guard's other fields are edited on the project).
inline constexpr std::string_view kTransitionInputs[] = {"receiving_unit_id", "signing_date",
                                                         "contracted_investment_yuan",
                                                         "construction_date", "production_date"};
enum class ReasonText { kNone, kOptional, kRequired };
std::string_view ReasonTextName(ReasonText r);
// What a move to `to` asks for, given the project as it is (`facts`): the transition inputs of
// the guard still missing, the reason codes offered, and whether free text is needed (always
// when the code is "other"). From the same rule CheckTransition enforces.
struct Needs {
  std::vector<std::string_view> ask;
  const std::vector<std::string_view>* reason_codes = nullptr;
  ReasonText reason = ReasonText::kNone;
};
Needs NeedsOf(const Rule& rule, const GuardFacts& facts);
// The rule for from → to (reopen rules match the stage before), or null.
const Rule* FindRule(Stage from, Stage to, std::optional<Stage> stage_before);

// 分派: only a project in the pool (已入库) that waits for no park's answer can be routed.
bool IsRoutable(Stage s, bool pending_routing);
// A hand-over to a park may name as the responsible person an active account of the receiving
// unit or a unit below it: what a transition checks and the list the dialog offers.
bool MayReceive(bool active, int64_t user_unit_id, const std::set<int64_t>& receiving_subtree);
// Milestones record what happened: none of their dates may lie after `today`. The first
// proposed date in the future, if any.
std::optional<std::string_view> FutureMilestone(const Proposal& p, const std::string& today);

// The working stages a project moves through, in order (the side states — rejected, shelved,
// lost — are not among them): each has a checklist, and moving along them is "forward".
inline constexpr Stage kWorkingStages[] = {
    Stage::kLead,   Stage::kInReview,     Stage::kApproved,  Stage::kNegotiating,
    Stage::kSigned, Stage::kConstruction, Stage::kProduction};
// A move forward along the working stages (lead … production), not into a side state or back:
// what leaving a stage's checklist behind means.
bool IsForward(Stage from, Stage to);

// Reason codes accepted when entering a side state (or returning a lead).
const std::vector<std::string_view>& ReasonCodes(Stage to, bool returning);
// Reason codes a park gives when it declines a routing (退回).
const std::vector<std::string_view>& DeclineReasonCodes();
// The reason code of a routing the system withdrew because the project left the pool another
// way (shelved, lost); its reason is the new stage. Codes are stored, never prose.
inline constexpr std::string_view kStageChanged = "stage_changed";

// The next step of a stage, as a code the UI translates.
std::string_view NextStep(Stage s, bool pending_routing = false);

// Default days to act in each stage (configurable in settings).
std::map<std::string, int> DefaultDeadlineDays();

// 0: < 1 亿; 1: 1–5 亿; 2: 5–10; 3: 10–20; 4: 20–50; 5: ≥ 50 亿 (amounts in yuan).
int InvestmentBand(int64_t total_investment_yuan);

// Deadlines and the park's answer to a routing, in days (pipeline settings, editable).
inline constexpr int kMinDeadlineDays = 1;  // the shortest deadline or routing answer
inline constexpr int kDefaultRoutingDays = 5;
inline constexpr int kMaxRoutingDays = 60;
inline constexpr int kMaxDeadlineDays = 3650;

// The milestones whose entry may require attachments (settings `stage_evidence.<stage>`): what
// happened is proven by a document — the agreement, the permit, the photos.
inline constexpr Stage kEvidenceStages[] = {Stage::kSigned, Stage::kConstruction,
                                            Stage::kProduction};
inline constexpr size_t kMaxEvidenceKinds = 5;  // kinds one stage may require

// The date helpers live in core/date.hpp (one date validator for every module).
using zhaoshang::AddDays;
using zhaoshang::DateOfMs;
using zhaoshang::IsIsoDate;
using zhaoshang::kChinaUtcOffsetMs;
using zhaoshang::LocalDateOfMs;
using zhaoshang::LocalDayStartMs;

}  // namespace zhaoshang::pipeline
