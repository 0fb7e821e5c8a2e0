#pragma once
// All SQL of the review module: review_panels, review_panel_members, review_rounds,
// review_round_members, review_items, review_sheets and the 'review.criteria' setting.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "zhaoshang/db/database.hpp"
#include "zhaoshang/review/review_types.hpp"

namespace zhaoshang::review::store {

// Panels.
std::vector<Member> PanelMembers(db::Connection& c, int64_t panel_id);
// The panel with its members.
std::optional<Panel> GetPanel(db::Connection& c, int64_t id);
std::vector<int64_t> PanelIds(db::Connection& c);
int64_t InsertPanel(db::Connection& c, const std::string& name, bool active,
                    const DecisionRule& rule, int64_t now);
// False when the row's version is no longer `version`. Bumps the version.
bool UpdatePanel(db::Connection& c, int64_t id, int64_t version, const std::string& name,
                 bool active, const DecisionRule& rule, int64_t now);
// member: (user, category).
void AddPanelMembers(db::Connection& c, int64_t panel_id,
                     const std::vector<std::pair<int64_t, std::string>>& members);
void ReplacePanelMembers(db::Connection& c, int64_t panel_id,
                         const std::vector<std::pair<int64_t, std::string>>& members);

// The 'review.criteria' setting: {"items": […], "version": n}, as stored.
// id → panel name / round title (the audit log names its objects).
std::map<int64_t, std::string> PanelNames(db::Connection& c, const std::set<int64_t>& ids);
std::map<int64_t, std::string> RoundTitles(db::Connection& c, const std::set<int64_t>& ids);

std::optional<std::string> CriteriaSetting(db::Connection& c);
void InsertCriteriaSetting(db::Connection& c, const std::string& value);
// Compare-and-set: false when the stored value is no longer `expected`.
bool ReplaceCriteriaSetting(db::Connection& c, const std::string& value,
                            const std::string& expected);

// Rounds.
struct RoundRow {
  RoundSummary summary;  // items_count and my_pending are not filled
  DecisionRule rule;
  std::string criteria_json;  // the criteria copied when the round opened
  int64_t version = 1;
};
struct ItemRow {
  int64_t project_id = 0;
  std::optional<std::string> outcome;
  std::string decision_json;  // "" until decided
};

// Takes the row lock of an open round (bumps its version); false when the round is closed or
// missing.
bool BumpOpenRound(db::Connection& c, int64_t round_id);
bool RoundExists(db::Connection& c, int64_t round_id);
// Whether the project sits, not removed, on an open round.
bool OnOpenRound(db::Connection& c, int64_t project_id);
int64_t InsertRound(db::Connection& c, int64_t panel_id, const std::string& title,
                    const std::string& deadline, const DecisionRule& rule,
                    const std::string& criteria_json, int64_t created_by, int64_t now);
void AddRoundMembers(db::Connection& c, int64_t round_id, const std::vector<Member>& members);
// The projects in this order (position 0, 1, …).
void AddItems(db::Connection& c, int64_t round_id, const std::vector<int64_t>& project_ids);
// Newest first. all=false: only the rounds user_id sits on; status "" = any. my_pending
// counts the items user_id has not yet handed a sheet in for.
std::vector<RoundSummary> ListRounds(db::Connection& c, int64_t user_id, bool all,
                                     const std::string& status);
std::optional<RoundRow> GetRound(db::Connection& c, int64_t id);
std::vector<Member> RoundMembers(db::Connection& c, int64_t round_id);
// The items not removed, by position.
std::vector<ItemRow> Items(db::Connection& c, int64_t round_id);
// The sheets handed in for one project, by member name (category is not filled).
std::vector<Sheet> Sheets(db::Connection& c, int64_t round_id, int64_t project_id);
bool IsRoundMember(db::Connection& c, int64_t round_id, int64_t user_id);
bool HasItem(db::Connection& c, int64_t round_id, int64_t project_id);
// The criteria JSON of an existing round.
std::string RoundCriteria(db::Connection& c, int64_t round_id);
// The category of an existing member of the round.
std::string MemberCategory(db::Connection& c, int64_t round_id, int64_t user_id);
// One sheet per member and project: replaces the one handed in before.
void ReplaceSheet(db::Connection& c, int64_t round_id, int64_t project_id, int64_t user_id,
                  const Sheet& s, int64_t now);
void SetDecision(db::Connection& c, int64_t round_id, int64_t project_id,
                 const std::string& outcome, const std::string& decision_json, int64_t now);
void CloseRound(db::Connection& c, int64_t round_id, int64_t now);

// For the pipeline: a decision taken outside the panel takes the project off every open
// round's agenda (its undecided items are marked removed). Returns the rows changed.
int64_t DropOpenItems(db::Connection& c, int64_t project_id);

// The open round whose deadline comes first on or after `today` (the next sitting).
std::optional<int64_t> NextOpenRound(db::Connection& c, const std::string& today);
// Projects on a round's agenda (not removed).
int64_t ItemCount(db::Connection& c, int64_t round_id);
// Puts a project at the end of a round's agenda (back on it if it had been removed).
void AppendItem(db::Connection& c, int64_t round_id, int64_t project_id);

}  // namespace zhaoshang::review::store
