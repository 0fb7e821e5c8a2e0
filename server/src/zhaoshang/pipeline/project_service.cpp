#include "zhaoshang/pipeline/project_service.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "zhaoshang/attachments/attachments_store.hpp"
#include "zhaoshang/audit/audit_log.hpp"
#include "zhaoshang/audit/diff.hpp"
#include "zhaoshang/catalog/industries.hpp"
#include "zhaoshang/clocks/clock_kinds.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/db/change_feed.hpp"
#include "zhaoshang/guide/guide_store.hpp"
#include "zhaoshang/org/org_store.hpp"
#include "zhaoshang/pipeline/deadlines.hpp"
#include "zhaoshang/pipeline/investor_name.hpp"
#include "zhaoshang/pipeline/ledger.hpp"
#include "zhaoshang/pipeline/pipeline_permissions.hpp"
#include "zhaoshang/pipeline/pipeline_store.hpp"
#include "zhaoshang/pipeline/project_access.hpp"
#include "zhaoshang/pipeline/uscc.hpp"

namespace zhaoshang::pipeline {
namespace {
// A filter by reporting unit means the unit and its subtree.
void ResolveUnits(db::Connection& c, ProjectFilter& f) {
  if (f.reporting_unit_root) f.reporting_units = org::store::Subtree(c, *f.reporting_unit_root);
}

std::string Str(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : ""; }

}  // namespace

Status ProjectService::Validate(db::Connection& c, const ProjectInput& in, bool create) {
  std::map<std::string, std::string> bad;
  auto text = [&](const char* field, const std::optional<std::string>& v, size_t max,
                  bool required) {
    if (!v) {
      if (create && required) bad[field] = "required";
      return;
    }
    if (required && v->find_first_not_of(" \t\r\n") == std::string::npos)
      bad[field] = "required";
    else if (Utf8Length(*v) > max)
      bad[field] = "too_long";
  };
  text("name", in.name, 100, true);
  text("investor_name", in.investor_name, 100, true);
  text("investor_origin", in.investor_origin, 50, false);
  text("description", in.description, 2000, false);
  if (in.uscc && !in.uscc->empty()) {
    switch (CheckUscc(NormalizeUscc(*in.uscc))) {
      case UsccCheck::kValid:
        break;
      case UsccCheck::kInvalidFormat:
        bad["uscc"] = "invalid_format";
        break;
      case UsccCheck::kBadCheckCharacter:
        bad["uscc"] = "bad_check_character";
        break;
    }
  }
  if (!in.industry_code) {
    if (create) bad["industry_code"] = "required";
  } else if (!catalog::Industries::Embedded().Find(*in.industry_code)) {
    bad["industry_code"] = "invalid_value";
  }
  if (!in.source_channel) {
    if (create) bad["source_channel"] = "required";
  } else if (std::find(SourceChannels().begin(), SourceChannels().end(), *in.source_channel) ==
             SourceChannels().end()) {
    bad["source_channel"] = "invalid_value";
  }
  if (create && !in.total_investment) bad["total_investment_yuan"] = "required";
  auto amount = [&](const char* field, const std::optional<int64_t>& v) {
    if (v && (*v < 0 || *v > kMaxAmount)) bad[field] = "invalid_value";
  };
  amount("total_investment_yuan", in.total_investment);
  amount("fixed_investment_yuan", in.fixed_investment);
  amount("land_mu_x100", in.land_mu_x100);
  amount("building_m2", in.building_m2);
  amount("power_kva", in.power_kva);
  amount("jobs", in.jobs);
  amount("annual_output_yuan", in.annual_output);
  amount("annual_tax_yuan", in.annual_tax);
  if (in.fixed_investment && in.total_investment && *in.fixed_investment > *in.total_investment)
    bad["fixed_investment_yuan"] = "exceeds_total";
  if (in.chain_node_id && *in.chain_node_id != 0 && !store::ChainNodeExists(c, *in.chain_node_id))
    bad["chain_node_id"] = "not_found";
  if (in.preferred_unit_id && *in.preferred_unit_id != 0) {
    auto u = org::store::GetUnit(c, *in.preferred_unit_id);
    if (!u)
      bad["preferred_unit_id"] = "not_found";
    else if (!org::ReceivesProjects(u->kind))
      bad["preferred_unit_id"] = "invalid_value";
  }
  if (in.contacts) {
    if (in.contacts->size() > 5) bad["contacts"] = "too_many";
    for (const auto& k : *in.contacts) {
      if (k.name.empty())
        bad["contacts"] = "required";
      else if (Utf8Length(k.name) > 30 || k.phone.size() > 30 || Utf8Length(k.title) > 30)
        bad["contacts"] = "too_long";
      else if (k.phone.find_first_not_of("0123456789+- ()") != std::string::npos)
        bad["contacts"] = "invalid_value";
    }
  }
  if (!bad.empty()) return Fail(InvalidArgument(bad, "the project has invalid fields"));
  return {};
}

void ProjectService::Apply(db::Connection& c, const ProjectInput& in, Project& p) {
  if (in.name) p.name = *in.name;
  if (in.investor_name) {
    p.investor_name = *in.investor_name;
    p.investor_norm = NormalizeInvestorName(p.investor_name);
  }
  if (in.uscc) p.uscc = in.uscc->empty() ? std::nullopt : std::optional(NormalizeUscc(*in.uscc));
  if (in.investor_origin) p.investor_origin = *in.investor_origin;
  if (in.foreign) p.foreign = *in.foreign;
  if (in.industry_code) {
    p.industry_code = *in.industry_code;
    auto path = catalog::Industries::Embedded().PathOf(p.industry_code);
    p.industry_section = path->section;
    p.industry_division = path->division;
    p.industry_group = path->group;
  }
  if (in.chain_node_id) {
    if (*in.chain_node_id == 0) {
      p.chain_node_id.reset();
      p.leading_industry_id.reset();
    } else {
      p.chain_node_id = *in.chain_node_id;
      p.leading_industry_id = store::LeadingIndustryOf(c, *in.chain_node_id);
    }
  }
  if (in.preferred_unit_id) {
    p.preferred_unit_id = *in.preferred_unit_id == 0 ? std::nullopt : in.preferred_unit_id;
    if (!p.receiving_unit_id) p.district_id = DistrictOf(c, p.preferred_unit_id);
  }
  if (in.total_investment) p.total_investment = *in.total_investment;
  if (in.fixed_investment) p.fixed_investment = *in.fixed_investment;
  if (in.land_mu_x100) p.land_mu_x100 = *in.land_mu_x100;
  if (in.building_m2) p.building_m2 = *in.building_m2;
  if (in.power_kva) p.power_kva = *in.power_kva;
  if (in.jobs) p.jobs = *in.jobs;
  if (in.annual_output) p.annual_output = *in.annual_output;
  if (in.annual_tax) p.annual_tax = *in.annual_tax;
  if (in.source_channel) p.source_channel = *in.source_channel;
  if (in.description) p.description = *in.description;
  if (in.contacts) p.contacts = *in.contacts;
  p.band = InvestmentBand(p.total_investment);
}

ProjectView ProjectService::View(db::Connection& c, const auth::Principal& who, Project p) {
  return ViewOf(c, who, std::move(p), LocalDateOfMs(clock_.NowMs()));
}

int64_t ProjectService::Insert(
    db::Connection& c, const auth::Principal& who, const ProjectInput& in, const Actor& actor,
    int64_t now, const std::map<int64_t, std::pair<std::string, double>>& confirmed_hits) {
  Project p;
  Apply(c, in, p);
  p.stage = "lead";
  p.stage_since = now;
  p.reporting_unit_id = who.unit_id;
  p.promoter_id = who.user_id;
  p.responsible_user_id = who.user_id;
  p.responsible_unit_id = who.unit_id;
  p.step_deadline = StageDeadline(c, clocks_, p, LocalDateOfMs(now));
  p.created_at = p.updated_at = now;
  p.id = store::Insert(c, p);
  store::AddPromoter(c, p.id, who.user_id, who.unit_id, "first", now);
  store::ReplaceContacts(c, p.id, p.contacts);
  store::ReplaceGrams(c, p.id, Bigrams(p.investor_norm));
  store::AddEvent(c, {0, p.id, now, "created", who.user_id, "", std::nullopt, "lead", std::nullopt,
                      std::nullopt, "{}"});
  audit::Diff d;
  d.Created("name", p.name).Created("investor_name", p.investor_name).Created("stage", "lead");
  if (p.uscc) d.Created("uscc", *p.uscc);
  if (!confirmed_hits.empty()) {
    std::vector<store::CollisionRecord> hits;
    std::string ids;
    for (const auto& [hit_id, m] : confirmed_hits) {
      hits.push_back({hit_id, m.first, static_cast<int>(std::lround(m.second * 100))});
      ids += (ids.empty() ? "" : ",") + std::to_string(hit_id);
    }
    store::AddCollisions(c, p.id, hits, who.user_id, now);
    d.Created("collision_confirmed", ids);
  }
  audit::Append(c, now, actor, {"project.create", "project", std::to_string(p.id), d.Json()});
  return p.id;
}

Status ProjectService::CheckNew(const ProjectInput& in) {
  auto lease = db_.Acquire();
  return Validate(*lease, in, true);
}

Result<ProjectView> ProjectService::Create(const auth::Principal& who, const ProjectInput& in,
                                           const Actor& actor, bool collision_confirmed) {
  auto lease = db_.Acquire();
  db::Connection& c = *lease;
  if (auto st = Validate(c, in, true); !st) return Fail(st.error());
  // The server finds the collisions itself; the client only says the reporter saw them.
  const auto hits = CollisionCandidates(c, in.investor_name.value_or(""), in.uscc.value_or(""));
  if (!hits.empty() && !collision_confirmed)
    return Fail(InvalidArgument({{"collision_confirmed", "confirm_required"}},
                                "the investor was already reported: confirm a new project"));
  // Leads arrive in bursts from many promoters: concurrent creates share one commit.
  int64_t id = 0;
  db_.WriteGrouped(
      c, [&](db::Connection& w) { id = Insert(w, who, in, actor, clock_.NowMs(), hits); });
  return View(c, who, *store::Get(c, id));
}

std::vector<ConfirmedCollision> ProjectService::ListCollisions(int64_t offset, int64_t limit,
                                                               int64_t* total) {
  auto lease = db_.Acquire();
  return store::ListCollisions(*lease, offset, limit, total);
}

Result<std::vector<int64_t>> ProjectService::CreateMany(const auth::Principal& who,
                                                        const std::vector<ProjectInput>& in,
                                                        const Actor& actor) {
  auto lease = db_.Acquire();
  db::Connection& c = *lease;
  for (const auto& p : in)
    if (auto st = Validate(c, p, true); !st) return Fail(st.error());
  const int64_t now = clock_.NowMs();
  db::Transaction tx(c, true);
  std::vector<int64_t> ids;
  ids.reserve(in.size());
  for (const auto& p : in) ids.push_back(Insert(c, who, p, actor, now));
  tx.Commit();
  return ids;
}

std::optional<int64_t> ProjectService::ReceivingUnitByName(const std::string& name) {
  auto lease = db_.Acquire();
  return store::ReceivingUnitByName(*lease, name);
}

Result<int64_t> ProjectService::Join(const auth::Principal& who, int64_t project_id,
                                     const std::string& investor_name, const std::string& uscc,
                                     const Actor& actor) {
  auto lease = db_.Acquire();
  db::Connection& c = *lease;
  // The server finds the collision again from the investor the caller reports: only a project
  // that collides with it may be joined (a bare id would open any project to anyone).
  if (!CollisionCandidates(c, investor_name, uscc).count(project_id))
    return Fail(InvalidArgument({{"join_project_id", "invalid_value"}},
                                "the project does not collide with the reported investor"));
  db::Transaction tx(c, true);
  if (store::IsPromoter(c, project_id, who.user_id))
    return Fail(ErrorCode::kConflict, "already_promoter", "you already promote this project",
                {{"join_project_id", "already_promoter"}});
  const int64_t now = clock_.NowMs();
  store::AddPromoter(c, project_id, who.user_id, who.unit_id, "co", now);
  store::AddEvent(c, {0, project_id, now, "promoter_joined", who.user_id, "", std::nullopt,
                      std::nullopt, std::nullopt, std::nullopt, "{}"});
  audit::Diff d;
  d.Created("co_promoter", std::to_string(who.user_id));
  audit::Append(c, now, actor, {"project.join", "project", std::to_string(project_id), d.Json()});
  tx.Commit();
  return project_id;
}

Result<ProjectView> ProjectService::Get(const auth::Principal& who, int64_t id) {
  auto lease = db_.Acquire();
  auto scope = ScopeOf(*lease, who);
  if (!scope) return Fail(scope.error());
  auto p = store::Get(*lease, id);
  if (!p || !InScope(*p, *scope)) return Fail(ProjectNotFound());
  return View(*lease, who, std::move(*p));
}

Result<ProjectView> ProjectService::Update(const auth::Principal& who, int64_t id,
                                           const ProjectInput& in, int64_t version,
                                           const Actor& actor) {
  auto lease = db_.Acquire();
  db::Connection& c = *lease;
  if (auto st = Validate(c, in, false); !st) return Fail(st.error());
  db::Transaction tx(c, true);
  auto before = LoadForWrite(c, who, id);
  if (!before) return Fail(before.error());
  if (!MayEdit(who, *before, RelationOf(c, who, *before)))
    return Fail(Forbidden("only the responsible party may edit"));
  if (before->version != version) return Fail(VersionConflict());
  Project after = *before;
  Apply(c, in, after);
  if (after.fixed_investment > after.total_investment)
    return Fail(InvalidArgument({{"fixed_investment_yuan", "exceeds_total"}}));
  if (auto st = CheckCapitalCap(*before, after, Can(who, perm::kProjectConfirmCapital),
                                "total_investment_yuan");
      !st)
    return Fail(st.error());
  const int64_t now = clock_.NowMs();
  after.updated_at = now;
  if (!store::Update(c, after)) return Fail(VersionConflict());
  if (in.contacts) store::ReplaceContacts(c, id, after.contacts);
  if (in.investor_name) store::ReplaceGrams(c, id, Bigrams(after.investor_norm));
  audit::Diff d;
  auto num = [](int64_t v) { return std::to_string(v); };
  d.Change("name", before->name, after.name)
      .Change("investor_name", before->investor_name, after.investor_name)
      .Change("uscc", before->uscc, after.uscc)
      .Change("investor_origin", before->investor_origin, after.investor_origin)
      .Change("foreign", before->foreign ? "true" : "false", after.foreign ? "true" : "false")
      .Change("industry_code", before->industry_code, after.industry_code)
      .Change("chain_node_id", Str(before->chain_node_id), Str(after.chain_node_id))
      .Change("total_investment_yuan", num(before->total_investment), num(after.total_investment))
      .Change("fixed_investment_yuan", num(before->fixed_investment), num(after.fixed_investment))
      .Change("land_mu_x100", num(before->land_mu_x100), num(after.land_mu_x100))
      .Change("building_m2", num(before->building_m2), num(after.building_m2))
      .Change("power_kva", num(before->power_kva), num(after.power_kva))
      .Change("jobs", num(before->jobs), num(after.jobs))
      .Change("annual_output_yuan", num(before->annual_output), num(after.annual_output))
      .Change("annual_tax_yuan", num(before->annual_tax), num(after.annual_tax))
      .Change("preferred_unit_id", Str(before->preferred_unit_id), Str(after.preferred_unit_id))
      .Change("source_channel", before->source_channel, after.source_channel)
      .Change("description", before->description, after.description);
  if (in.contacts)
    d.Change("contacts", std::to_string(before->contacts.size()),
             std::to_string(after.contacts.size()) + " (edited)");
  store::AddEvent(c, {0, id, now, "change", who.user_id, "", std::nullopt, std::nullopt,
                      std::nullopt, std::nullopt, d.Json()});
  audit::Append(c, now, actor, {"project.update", "project", std::to_string(id), d.Json()});
  tx.Commit();
  return View(c, who, *store::Get(c, id));
}

Result<ProjectView> ProjectService::Adjudicate(const auth::Principal& who, int64_t id,
                                               int64_t first_user_id, const std::string& reason,
                                               const Actor& actor) {
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
    return Fail(InvalidArgument({{"reason", "required"}}));
  auto lease = db_.Acquire();
  db::Connection& c = *lease;
  db::Transaction tx(c, true);
  auto p = store::Get(c, id);
  if (!p) return Fail(ProjectNotFound());
  auto target = std::find_if(p->promoters.begin(), p->promoters.end(),
                             [&](const PromoterEntry& e) { return e.user_id == first_user_id; });
  if (target == p->promoters.end())
    return Fail(InvalidArgument({{"first_user_id", "not_a_promoter"}},
                                "that user is not a promoter of the project"));
  const int64_t now = clock_.NowMs();
  store::SetFirstPromoter(c, id, first_user_id);
  store::SetReporter(c, id, first_user_id, target->unit_id, now);
  audit::Diff d;
  d.Change("first_promoter", std::to_string(p->promoter_id), std::to_string(first_user_id))
      .Change("reason", std::nullopt, reason);
  store::AddEvent(c, {0, id, now, "adjudicated", who.user_id, "", std::nullopt, std::nullopt,
                      std::nullopt, reason, d.Json()});
  audit::Append(c, now, actor, {"project.adjudicate", "project", std::to_string(id), d.Json()});
  tx.Commit();
  return View(c, who, *store::Get(c, id));
}

ProjectService::ProjectService(db::Database& db, const Clock& clock, clocks::ClockService& clocks)
    : db_(db), clock_(clock), clocks_(clocks), ledger_(std::make_unique<Ledger>()) {}
ProjectService::~ProjectService() = default;

void ProjectService::WarmLedger() {
  auto lease = db_.Acquire();
  ProjectScope none;
  none.kind = ProjectScope::Kind::kSelf;
  ledger_->Page(*lease, none, ProjectFilter{}, nullptr);
}

std::vector<FollowUpDue> ProjectService::FollowUpsDue(const auth::Principal& who,
                                                      const clocks::ClockDay& day) {
  // A person is responsible for a few hundred projects at most; the bound keeps a
  // misconfigured account from scanning the province.
  constexpr int64_t kMaxCandidates = 5000;
  auto c = db_.Acquire();
  const auto cal = clocks_.Calendar(*c);
  const int lead_days = clocks::ClockService::DaysFor(*c, clocks::kLeadResponse);
  const int report_days = clocks::ClockService::DaysFor(*c, clocks::kProgressReport);
  std::vector<FollowUpDue> out;
  for (const auto& p : store::FollowUpCandidates(*c, who.user_id, who.unit_id, kMaxCandidates)) {
    auto stage = ParseStage(p.stage);
    if (!stage) continue;
    auto f = FollowUpOf(*cal, *stage, LocalDateOfMs(p.created_at), LocalDateOfMs(p.stage_since),
                        p.last_activity, lead_days, report_days);
    if (f && f->deadline <= day.due_soon_through)
      out.push_back({p.id, p.name, std::string(f->clock), f->deadline});
  }
  std::stable_sort(out.begin(), out.end(), [](const FollowUpDue& a, const FollowUpDue& b) {
    return a.deadline < b.deadline;
  });
  return out;
}

Result<std::vector<Project>> ProjectService::List(const auth::Principal& who, ProjectFilter f,
                                                  int64_t* total) {
  auto lease = db_.Acquire();
  auto scope = ScopeOf(*lease, who);
  if (!scope) return Fail(scope.error());
  ResolveUnits(*lease, f);
  if (auto ids = ledger_->Page(*lease, *scope, f, total)) return ledger_->Rows(*lease, *ids);
  return store::List(*lease, *scope, f, total);
}

Result<std::vector<std::string>> ProjectService::ListRendered(
    const auth::Principal& who, ProjectFilter f, int64_t* total, const std::string& render_key,
    const std::function<std::string(const Project&)>& render) {
  auto lease = db_.Acquire();
  auto scope = ScopeOf(*lease, who);
  if (!scope) return Fail(scope.error());
  ResolveUnits(*lease, f);
  if (auto ids = ledger_->Page(*lease, *scope, f, total))
    return ledger_->Rendered(*lease, *ids, render_key, render);
  std::vector<std::string> out;
  for (const auto& p : store::List(*lease, *scope, f, total)) out.push_back(render(p));
  return out;
}

Result<std::vector<BoardColumn>> ProjectService::Board(const auth::Principal& who, ProjectFilter f,
                                                       bool with_capabilities) {
  auto lease = db_.Acquire();
  auto scope = ScopeOf(*lease, who);
  if (!scope) return Fail(scope.error());
  ResolveUnits(*lease, f);
  std::vector<std::string> wanted = f.stages;
  auto indexed = ledger_->CountByStage(*lease, *scope, f);
  auto counts = indexed ? std::move(*indexed) : store::CountByStage(*lease, *scope, f);
  // Read once for every card: the relation of each is then computed without the database.
  std::optional<CallerUnits> units;
  if (with_capabilities) units = UnitsOf(*lease, who);
  std::vector<BoardColumn> cols;
  for (Stage s : AllStages()) {
    std::string name(StageName(s));
    if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), name) == wanted.end()) continue;
    BoardColumn col;
    col.stage = name;
    col.count = counts[name];
    ProjectFilter one = f;
    one.stages = {name};
    one.sort = "stage_since";
    one.ascending = false;
    auto ids = ledger_->Page(*lease, *scope, one, nullptr);
    col.items = ids ? ledger_->Rows(*lease, *ids) : store::List(*lease, *scope, one, nullptr);
    if (units) {
      std::vector<int64_t> page_ids;
      for (const auto& p : col.items) page_ids.push_back(p.id);
      const std::set<int64_t> promoted = store::PromotedAmong(*lease, who.user_id, page_ids);
      Evidence evidence;
      evidence.required = store::EvidenceKinds(*lease);
      std::map<int64_t, std::set<std::string>> held;
      if (!evidence.required.empty())
        held = attachments::store::KindsAmong(*lease, std::string(attachments::kProject), page_ids);
      // The column's required checklist items, and what each card has ticked of them.
      evidence.stage = s;
      std::vector<guide::ChecklistItem> required;
      for (auto& it : guide::store::Items(*lease, name))
        if (it.required) required.push_back(std::move(it));
      std::map<int64_t, std::set<int64_t>> ticked;
      if (!required.empty()) ticked = guide::store::TickedAmong(*lease, page_ids);
      for (const auto& p : col.items) {
        const Relation rel = RelationOf(*units, who, p, promoted.count(p.id) > 0);
        const std::optional<Stage> before =
            p.stage_before ? ParseStage(*p.stage_before) : std::nullopt;
        evidence.held = held[p.id];
        evidence.unticked.clear();
        for (const auto& it : required)
          if (!ticked[p.id].count(it.id)) evidence.unticked.push_back(it.title);
        col.capabilities.push_back(
            CapabilitiesOf(who, p, rel, AllowedTargets(s, before, rel), &evidence));
      }
    }
    cols.push_back(std::move(col));
  }
  return cols;
}

std::map<int64_t, std::pair<std::string, double>> ProjectService::CollisionCandidates(
    db::Connection& c, const std::string& investor_name, const std::string& uscc_in) {
  const std::string norm = NormalizeInvestorName(investor_name);
  const std::string uscc = NormalizeUscc(uscc_in);
  std::map<int64_t, std::pair<std::string, double>> found;  // id → (match, similarity)
  if (!uscc.empty() && CheckUscc(uscc) == UsccCheck::kValid)
    for (int64_t id : store::ByUscc(c, uscc)) found[id] = {"uscc", 1.0};
  if (Utf8Length(norm) >= 2) {
    auto grams = Bigrams(norm);
    int64_t min_common = std::max<int64_t>(
        1, static_cast<int64_t>(std::ceil(static_cast<double>(grams.size()) * 0.5)));
    // One query for the candidates' normalised names, not a full project load each.
    for (const auto& [id, other] :
         store::InvestorNorms(c, store::ByGrams(c, grams, min_common, 50))) {
      if (found.count(id)) continue;
      double sim = NameSimilarity(norm, other);
      if (sim >= kCollisionThreshold) found[id] = {"name", sim};
    }
  }
  return found;
}

std::vector<Hit> ProjectService::CollisionCheck(const auth::Principal& who,
                                                const std::string& investor_name,
                                                const std::string& uscc_in,
                                                std::optional<int64_t> exclude) {
  auto lease = db_.Acquire();
  db::Connection& c = *lease;
  auto scope = ScopeOf(c, who);
  const auto found = CollisionCandidates(c, investor_name, uscc_in);
  // Best five first; only those are loaded in full.
  std::vector<std::tuple<double, int64_t, std::string>> best;
  for (const auto& [id, m] : found)
    if (!exclude || *exclude != id) best.emplace_back(-m.second, id, m.first);
  std::sort(best.begin(), best.end());
  if (best.size() > 5) best.resize(5);
  std::vector<Hit> hits;
  for (const auto& [neg_sim, id, match] : best) {
    const std::pair<std::string, double> m{match, -neg_sim};
    auto p = store::Get(c, id);
    if (!p) continue;
    Hit h;
    h.project_id = id;
    h.match = m.first;
    h.similarity = m.second;
    h.in_scope = scope && InScope(*p, *scope);
    h.investor_name = h.in_scope ? p->investor_name : MaskText(p->investor_name);
    h.project_name = h.in_scope ? p->name : MaskText(p->name);
    h.reporting_unit_name = p->reporting_unit_name;
    h.reported_on = LocalDateOfMs(p->created_at);
    h.stage = p->stage;
    for (auto k : p->contacts) {
      if (!h.in_scope) k = {MaskName(k.name), MaskPhone(k.phone), k.title};
      h.contacts.push_back(std::move(k));
    }
    hits.push_back(std::move(h));
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.similarity != b.similarity ? a.similarity > b.similarity : a.project_id < b.project_id;
  });
  if (hits.size() > 5) hits.resize(5);
  return hits;
}

Result<Activity> ProjectService::AddActivity(const auth::Principal& who, int64_t id, Activity a,
                                             const Actor& actor, bool confirm_over_investment) {
  std::map<std::string, std::string> bad;
  if (std::find(ActivityKinds().begin(), ActivityKinds().end(), a.kind) == ActivityKinds().end())
    bad["kind"] = "invalid_value";
  const std::string today = LocalDateOfMs(clock_.NowMs());
  if (!IsIsoDate(a.date))
    bad["date"] = "invalid_value";
  else if (a.date > today)
    bad["date"] = "in_future";
  if (a.next_action_date && !IsIsoDate(*a.next_action_date))
    bad["next_action_date"] = "invalid_value";
  if (a.kind == "capital" && (!a.amount || *a.amount <= 0)) bad["amount_yuan"] = "required";
  if (a.amount && (*a.amount < 0 || *a.amount > kMaxAmount)) bad["amount_yuan"] = "invalid_value";
  if (a.summary.find_first_not_of(" \t\r\n") == std::string::npos) bad["summary"] = "required";
  if (!bad.empty()) return Fail(InvalidArgument(bad));
  auto lease = db_.Acquire();
  db::Connection& c = *lease;
  db::Transaction tx(c, true);
  // Capital entries lock the project row first, so two entries cannot both read the old sum
  // and slip past the cap together.
  auto p = LoadForWrite(c, who, id, a.kind == "capital");
  if (!p) return Fail(p.error());
  bool over_investment = false;
  if (a.kind == "capital") {
    over_investment = p->capital_in_place + *a.amount > CapitalCap(*p);
    const bool may_confirm = Can(who, perm::kProjectConfirmCapital);
    if (over_investment && !(confirm_over_investment && may_confirm))
      return Fail(InvalidArgument(
          {{"amount_yuan", may_confirm ? "confirm_required" : "exceeds_investment"}},
          "capital in place would exceed the contracted or total investment"));
  }
  a.project_id = id;
  a.actor_id = who.user_id;
  a.actor_name = who.name;
  a.created_at = clock_.NowMs();
  a.id = store::AddActivity(c, a);
  if (a.kind == "capital") store::AddCapital(c, id, *a.amount);
  audit::Diff d;
  d.Created("kind", a.kind).Created("date", a.date);
  if (a.amount) d.Created("amount_yuan", std::to_string(*a.amount));
  if (over_investment) d.Created("over_investment_confirmed", "true");
  audit::Append(c, a.created_at, actor,
                {"project.activity", "project", std::to_string(id), d.Json()});
  tx.Commit();
  return a;
}

Result<std::vector<TimelineItem>> ProjectService::Timeline(const auth::Principal& who, int64_t id) {
  auto lease = db_.Acquire();
  auto scope = ScopeOf(*lease, who);
  if (!scope) return Fail(scope.error());
  auto p = store::Get(*lease, id);
  if (!p || !InScope(*p, *scope)) return Fail(ProjectNotFound());
  std::vector<TimelineItem> items;
  for (auto& e : store::Events(*lease, id))
    items.push_back({e.at, e.kind, e.actor_name, e, std::nullopt});
  for (auto& a : store::Activities(*lease, id))
    items.push_back({a.created_at, "activity", a.actor_name, std::nullopt, a});
  std::stable_sort(items.begin(), items.end(),
                   [](const TimelineItem& x, const TimelineItem& y) { return x.at > y.at; });
  return items;
}

void ProjectService::RecordExport(const Actor& actor, int64_t rows, const std::string& query) {
  auto lease = db_.Acquire();
  db::Transaction tx(*lease, true);
  audit::Diff d;
  d.Created("rows", std::to_string(rows)).Created("query", query);
  audit::Append(*lease, clock_.NowMs(), actor, {"project.export", "project", "ledger", d.Json()});
  tx.Commit();
}

}  // namespace zhaoshang::pipeline
