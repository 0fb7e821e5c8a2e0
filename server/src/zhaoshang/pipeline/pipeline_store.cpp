#include "zhaoshang/pipeline/pipeline_store.hpp"

#include <algorithm>
#include <limits>

#include "zhaoshang/db/change_feed.hpp"
#include "zhaoshang/pipeline/workflow.hpp"

namespace zhaoshang::pipeline::store {
namespace {

// Column order shared by Get and List (FromRow reads by position).
constexpr const char* kSelect =
    "SELECT p.id, p.name, p.investor_name, p.investor_norm, p.uscc, p.investor_origin, "
    "p.is_foreign, "
    "p.industry_code, i.name, p.chain_node_id, cn.name, p.leading_industry_id, li.name, "
    "p.total_investment, p.fixed_investment, p.land_mu_x100, p.building_m2, p.power_kva, p.jobs, "
    "p.annual_output, p.annual_tax, p.investment_band, p.source_channel, p.reporting_unit_id, "
    "ru.name, "
    "p.promoter_id, pu.name, p.preferred_unit_id, pf.name, p.description, p.stage, p.stage_since, "
    "p.stage_before, p.responsible_user_id, rsu.name, p.responsible_unit_id, rsn.name, "
    "p.step_deadline, "
    "p.receiving_unit_id, rcv.name, p.district_id, p.signing_date, p.contracted_investment, "
    "p.construction_date, p.production_date, p.capital_in_place, p.close_reason_code, "
    "p.close_reason, "
    "p.created_at, p.updated_at, p.version, p.pending_routing_id "
    "FROM projects p JOIN industries i ON i.code = p.industry_code "
    "LEFT JOIN chain_nodes cn ON cn.id = p.chain_node_id "
    "LEFT JOIN leading_industries li ON li.id = p.leading_industry_id "
    "JOIN org_units ru ON ru.id = p.reporting_unit_id JOIN users pu ON pu.id = p.promoter_id "
    "LEFT JOIN org_units pf ON pf.id = p.preferred_unit_id "
    "LEFT JOIN users rsu ON rsu.id = p.responsible_user_id "
    "JOIN org_units rsn ON rsn.id = p.responsible_unit_id "
    "LEFT JOIN org_units rcv ON rcv.id = p.receiving_unit_id ";

Project FromRow(const db::Row& r) {
  Project p;
  size_t i = 0;
  p.id = r.Int(i++);
  p.name = r.Text(i++);
  p.investor_name = r.Text(i++);
  p.investor_norm = r.Text(i++);
  p.uscc = r.OptText(i++);
  p.investor_origin = r.Text(i++);
  p.foreign = r.Int(i++) != 0;
  p.industry_code = r.Text(i++);
  p.industry_name = r.Text(i++);
  p.chain_node_id = r.OptInt(i++);
  p.chain_node_name = r.Text(i++);
  p.leading_industry_id = r.OptInt(i++);
  p.leading_industry_name = r.Text(i++);
  p.total_investment = r.Int(i++);
  p.fixed_investment = r.Int(i++);
  p.land_mu_x100 = r.Int(i++);
  p.building_m2 = r.Int(i++);
  p.power_kva = r.Int(i++);
  p.jobs = r.Int(i++);
  p.annual_output = r.Int(i++);
  p.annual_tax = r.Int(i++);
  p.band = static_cast<int>(r.Int(i++));
  p.source_channel = r.Text(i++);
  p.reporting_unit_id = r.Int(i++);
  p.reporting_unit_name = r.Text(i++);
  p.promoter_id = r.Int(i++);
  p.promoter_name = r.Text(i++);
  p.preferred_unit_id = r.OptInt(i++);
  p.preferred_unit_name = r.Text(i++);
  p.description = r.Text(i++);
  p.stage = r.Text(i++);
  p.stage_since = r.Int(i++);
  p.stage_before = r.OptText(i++);
  p.responsible_user_id = r.OptInt(i++);
  p.responsible_user_name = r.Text(i++);
  p.responsible_unit_id = r.Int(i++);
  p.responsible_unit_name = r.Text(i++);
  p.step_deadline = r.OptText(i++);
  p.receiving_unit_id = r.OptInt(i++);
  p.receiving_unit_name = r.Text(i++);
  p.district_id = r.OptInt(i++);
  p.signing_date = r.OptText(i++);
  p.contracted_investment = r.OptInt(i++);
  p.construction_date = r.OptText(i++);
  p.production_date = r.OptText(i++);
  p.capital_in_place = r.Int(i++);
  p.close_reason_code = r.OptText(i++);
  p.close_reason = r.OptText(i++);
  p.created_at = r.Int(i++);
  p.updated_at = r.Int(i++);
  p.version = r.Int(i++);
  p.pending_routing_id = r.OptInt(i++);
  return p;
}

db::Param Opt(const std::optional<int64_t>& v) { return v ? db::Param(*v) : db::Param(nullptr); }
db::Param Opt(const std::optional<std::string>& v) {
  return v ? db::Param(*v) : db::Param(nullptr);
}

// WHERE clause for scope + filter; appends parameters.
std::string Where(db::Connection& c, const ProjectScope& scope, const ProjectFilter& f,
                  db::Params& p) {
  std::string w = " WHERE 1=1";
  if (scope.kind == ProjectScope::Kind::kSelf) {
    w += " AND p.id IN (SELECT project_id FROM project_promoters WHERE user_id = ?)";
    p.emplace_back(scope.user_id);
  } else if (scope.kind == ProjectScope::Kind::kUnits) {
    std::string a = db::InList(scope.units, p), b = db::InList(scope.units, p),
                d = db::InList(scope.units, p);
    w += " AND (p.reporting_unit_id IN (" + a + ") OR p.receiving_unit_id IN (" + b +
         ") OR p.responsible_unit_id IN (" + d + "))";
  }
  if (!f.stages.empty()) {
    std::string in;
    for (const auto& s : f.stages) {
      in += in.empty() ? "?" : ",?";
      p.emplace_back(s);
    }
    w += " AND p.stage IN (" + in + ")";
  }
  if (!f.industry_code.empty()) {
    static const char* const kCol[] = {"", "p.industry_section", "p.industry_division",
                                       "p.industry_group", "p.industry_code"};
    w += std::string(" AND ") + kCol[f.industry_level] + " = ?";
    p.emplace_back(f.industry_code);
  }
  auto eq = [&](const char* col, const std::optional<int64_t>& v) {
    if (!v) return;
    w += std::string(" AND ") + col + " = ?";
    p.emplace_back(*v);
  };
  eq("p.leading_industry_id", f.leading_industry_id);
  eq("p.district_id", f.district_id);
  eq("p.receiving_unit_id", f.park_id);
  if (f.promoter_id) {
    w += " AND p.id IN (SELECT project_id FROM project_promoters WHERE user_id = ?)";
    p.emplace_back(*f.promoter_id);
  }
  if (f.reporting_units)
    w += " AND p.reporting_unit_id IN (" + db::InList(*f.reporting_units, p) + ")";
  if (!f.bands.empty()) {
    std::string in;
    for (int b : f.bands) {
      in += in.empty() ? "?" : ",?";
      p.emplace_back(int64_t(b));
    }
    w += " AND p.investment_band IN (" + in + ")";
  }
  if (f.reported_from_ms) {
    w += " AND p.created_at >= ?";
    p.emplace_back(*f.reported_from_ms);
  }
  if (f.reported_to_ms) {
    w += " AND p.created_at < ?";
    p.emplace_back(*f.reported_to_ms);
  }
  if (f.signed_from) {
    w += " AND p.signing_date >= ?";
    p.emplace_back(*f.signed_from);
  }
  if (f.signed_to) {
    w += " AND p.signing_date <= ?";
    p.emplace_back(*f.signed_to);
  }
  if (!f.q.empty()) {
    w += " AND (" + db::Contains(c.dialect(), "p.name") + " OR " +
         db::Contains(c.dialect(), "p.investor_name") + ")";
    p.emplace_back(f.q);
    p.emplace_back(f.q);
  }
  if (f.overdue_before) {
    w += " AND p.step_deadline < ?";
    p.emplace_back(*f.overdue_before);
  }
  if (f.deadline_from) {
    w += " AND p.step_deadline >= ?";
    p.emplace_back(*f.deadline_from);
  }
  if (f.deadline_to) {
    w += " AND p.step_deadline <= ?";
    p.emplace_back(*f.deadline_to);
  }
  return w;
}
}  // namespace

std::optional<Project> Get(db::Connection& c, int64_t id, bool with_details) {
  auto rs = c.Query(std::string(kSelect) + "WHERE p.id = ?", {id});
  if (rs.empty()) return std::nullopt;
  Project p = FromRow(rs[0]);
  if (!with_details) return p;
  auto cs = c.Query(
      "SELECT name, phone, title FROM project_contacts WHERE project_id = ? ORDER BY id", {id});
  for (size_t i = 0; i < cs.size(); ++i)
    p.contacts.push_back({cs[i].Text(0), cs[i].Text(1), cs[i].Text(2)});
  auto ps = c.Query(
      "SELECT pp.user_id, u.name, pp.unit_id, o.name, pp.kind, pp.joined_at FROM project_promoters "
      "pp "
      "JOIN users u ON u.id = pp.user_id JOIN org_units o ON o.id = pp.unit_id "
      "WHERE pp.project_id = ? ORDER BY pp.kind DESC, pp.joined_at",
      {id});
  for (size_t i = 0; i < ps.size(); ++i)
    p.promoters.push_back(
        {ps[i].Int(0), ps[i].Text(1), ps[i].Int(2), ps[i].Text(3), ps[i].Text(4), ps[i].Int(5)});
  return p;
}

namespace {
constexpr const char* kMutable =
    "name, investor_name, investor_norm, uscc, investor_origin, is_foreign, industry_code, "
    "industry_section, industry_division, industry_group, chain_node_id, leading_industry_id, "
    "total_investment, fixed_investment, investment_band, land_mu_x100, building_m2, power_kva, "
    "jobs, "
    "annual_output, annual_tax, source_channel, preferred_unit_id, description, stage, "
    "stage_since, "
    "stage_before, responsible_user_id, responsible_unit_id, step_deadline, receiving_unit_id, "
    "district_id, signing_date, contracted_investment, construction_date, production_date, "
    "capital_in_place, close_reason_code, close_reason, updated_at";

db::Params Columns(const Project& p) {
  return {p.name,
          p.investor_name,
          p.investor_norm,
          Opt(p.uscc),
          p.investor_origin,
          int64_t(p.foreign ? 1 : 0),
          p.industry_code,
          p.industry_section,
          p.industry_division,
          p.industry_group,
          Opt(p.chain_node_id),
          Opt(p.leading_industry_id),
          p.total_investment,
          p.fixed_investment,
          int64_t(InvestmentBand(p.total_investment)),
          p.land_mu_x100,
          p.building_m2,
          p.power_kva,
          p.jobs,
          p.annual_output,
          p.annual_tax,
          p.source_channel,
          Opt(p.preferred_unit_id),
          p.description,
          p.stage,
          p.stage_since,
          Opt(p.stage_before),
          Opt(p.responsible_user_id),
          p.responsible_unit_id,
          Opt(p.step_deadline),
          Opt(p.receiving_unit_id),
          Opt(p.district_id),
          Opt(p.signing_date),
          Opt(p.contracted_investment),
          Opt(p.construction_date),
          Opt(p.production_date),
          p.capital_in_place,
          Opt(p.close_reason_code),
          Opt(p.close_reason),
          p.updated_at};
}
}  // namespace

int64_t Insert(db::Connection& c, const Project& p) {
  db::Params params = Columns(p);
  std::string marks;
  for (size_t i = 0; i < params.size(); ++i) marks += i ? ",?" : "?";
  params.emplace_back(p.reporting_unit_id);
  params.emplace_back(p.promoter_id);
  params.emplace_back(p.created_at);
  const int64_t id = c.QueryInt(std::string("INSERT INTO projects(") + kMutable +
                                    ", reporting_unit_id, promoter_id, created_at) VALUES (" +
                                    marks + ",?,?,?) RETURNING id",
                                params)
                         .value();
  db::RecordChange(c, id);
  return id;
}

bool Update(db::Connection& c, const Project& p) {
  std::string sets;
  std::string cols = kMutable;
  size_t pos = 0;
  while (pos < cols.size()) {
    size_t end = cols.find(',', pos);
    if (end == std::string::npos) end = cols.size();
    std::string col = cols.substr(pos, end - pos);
    col.erase(0, col.find_first_not_of(' '));
    sets += (sets.empty() ? "" : ", ") + col + " = ?";
    pos = end + 1;
  }
  db::Params params = Columns(p);
  params.emplace_back(p.id);
  params.emplace_back(p.version);
  if (c.Execute(
          "UPDATE projects SET " + sets + ", version = version + 1 WHERE id = ? AND version = ?",
          params) != 1)
    return false;
  db::RecordChange(c, p.id);
  return true;
}

void ReplaceContacts(db::Connection& c, int64_t id, const std::vector<Contact>& contacts) {
  c.Execute("DELETE FROM project_contacts WHERE project_id = ?", {id});
  for (const auto& k : contacts)
    c.Execute("INSERT INTO project_contacts(project_id, name, phone, title) VALUES (?,?,?,?)",
              {id, k.name, k.phone, k.title});
}

void AddPromoter(db::Connection& c, int64_t id, int64_t user_id, int64_t unit_id,
                 const std::string& kind, int64_t at) {
  c.Execute(
      "INSERT INTO project_promoters(project_id, user_id, unit_id, kind, joined_at) VALUES "
      "(?,?,?,?,?)",
      {id, user_id, unit_id, kind, at});
  db::RecordChange(c, id);
}

void SetFirstPromoter(db::Connection& c, int64_t id, int64_t user_id) {
  c.Execute("UPDATE project_promoters SET kind = 'co' WHERE project_id = ? AND kind = 'first'",
            {id});
  c.Execute("UPDATE project_promoters SET kind = 'first' WHERE project_id = ? AND user_id = ?",
            {id, user_id});
  db::RecordChange(c, id);
}

bool IsPromoter(db::Connection& c, int64_t id, int64_t user_id) {
  return c.QueryInt("SELECT COUNT(*) FROM project_promoters WHERE project_id = ? AND user_id = ?",
                    {id, user_id})
             .value_or(0) > 0;
}

std::set<int64_t> PromotedAmong(db::Connection& c, int64_t user_id,
                                const std::vector<int64_t>& ids) {
  std::set<int64_t> out;
  if (ids.empty()) return out;
  db::Params p{user_id};
  const std::string in = db::InList(std::set<int64_t>(ids.begin(), ids.end()), p);
  auto rs = c.Query(
      "SELECT DISTINCT project_id FROM project_promoters WHERE user_id = ? AND project_id IN (" +
          in + ")",
      p);
  for (size_t i = 0; i < rs.size(); ++i) out.insert(rs[i].Int(0));
  return out;
}

void ReplaceGrams(db::Connection& c, int64_t id, const std::vector<std::string>& unsorted) {
  // Statistics rows are locked in gram order by every writer, so two writers cannot wait for
  // each other in a circle (PostgreSQL row locks).
  std::vector<std::string> grams = unsorted;
  std::sort(grams.begin(), grams.end());
  auto old = c.Query("SELECT gram FROM investor_grams WHERE project_id = ? ORDER BY gram", {id});
  for (size_t i = 0; i < old.size(); ++i)
    c.Execute("UPDATE investor_gram_stats SET projects = projects - 1 WHERE gram = ?",
              {old[i].Text(0)});
  c.Execute("DELETE FROM investor_grams WHERE project_id = ?", {id});
  std::vector<db::Params> rows, stats;
  for (const auto& g : grams) {
    rows.push_back({g, id});
    stats.push_back({g, int64_t(1)});
  }
  db::InsertRows(c, "INSERT INTO investor_grams(gram, project_id) VALUES ", rows);
  // Grams of one project are distinct, so one upsert statement never touches a row twice.
  db::InsertRows(c, "INSERT INTO investor_gram_stats(gram, projects) VALUES ", stats, 100,
                 " ON CONFLICT (gram) DO UPDATE SET projects = investor_gram_stats.projects + 1");
}

void InsertGrams(db::Connection& c, int64_t id, const std::vector<std::string>& grams) {
  std::vector<db::Params> rows;
  rows.reserve(grams.size());
  for (const auto& g : grams) rows.push_back({g, id});
  db::InsertRows(c, "INSERT INTO investor_grams(gram, project_id) VALUES ", rows);
}

void RebuildGramStats(db::Connection& c) {
  c.Execute("DELETE FROM investor_gram_stats", {});
  c.Execute(
      "INSERT INTO investor_gram_stats(gram, projects) SELECT gram, COUNT(*) FROM investor_grams "
      "GROUP BY gram",
      {});
}

std::vector<int64_t> ByUscc(db::Connection& c, const std::string& uscc) {
  auto rs = c.Query("SELECT id FROM projects WHERE uscc = ? ORDER BY id", {uscc});
  std::vector<int64_t> out;
  for (size_t i = 0; i < rs.size(); ++i) out.push_back(rs[i].Int(0));
  return out;
}

std::vector<int64_t> ByGrams(db::Connection& c, const std::vector<std::string>& grams,
                             int64_t min_common, int64_t limit) {
  if (grams.empty()) return {};
  // Search by the rarest grams: "科技" or "能源" sit in a large share of all names and would
  // make the grouping scan most of the table; a real duplicate shares the rare ones too.
  std::string in;
  db::Params p;
  for (const auto& g : grams) {
    in += in.empty() ? "?" : ",?";
    p.emplace_back(g);
  }
  std::vector<std::pair<int64_t, std::string>> freq;
  auto rs = c.Query("SELECT gram, projects FROM investor_gram_stats WHERE gram IN (" + in + ")", p);
  for (size_t i = 0; i < rs.size(); ++i)
    if (rs[i].Int(1) > 0) freq.emplace_back(rs[i].Int(1), rs[i].Text(0));
  if (freq.empty()) return {};
  std::sort(freq.begin(), freq.end());
  constexpr int64_t kCommon = 1000;
  std::vector<std::string> picked;
  for (const auto& [n, g] : freq)
    if (n <= kCommon || picked.empty()) picked.push_back(g);  // at least the rarest one
  // Fewer grams searched → ask for fewer in common, so a one-character typo still matches.
  const int64_t need = picked.size() == grams.size()
                           ? min_common
                           : std::max<int64_t>(1, static_cast<int64_t>(picked.size()) / 3);
  in.clear();
  db::Params q;
  for (const auto& g : picked) {
    in += in.empty() ? "?" : ",?";
    q.emplace_back(g);
  }
  q.emplace_back(need);
  q.emplace_back(limit);
  auto cand = c.Query(
      "SELECT project_id FROM investor_grams WHERE gram IN (" + in +
          ") GROUP BY project_id HAVING COUNT(*) >= ? ORDER BY COUNT(*) DESC, project_id LIMIT ?",
      q);
  std::vector<int64_t> out;
  for (size_t i = 0; i < cand.size(); ++i) out.push_back(cand[i].Int(0));
  return out;
}

std::vector<std::pair<int64_t, std::string>> InvestorNorms(db::Connection& c,
                                                           const std::vector<int64_t>& ids) {
  std::vector<std::pair<int64_t, std::string>> out;
  if (ids.empty()) return out;
  std::string in;
  db::Params p;
  for (int64_t id : ids) {
    in += in.empty() ? "?" : ",?";
    p.emplace_back(id);
  }
  auto rs =
      c.Query("SELECT id, investor_norm FROM projects WHERE id IN (" + in + ") ORDER BY id", p);
  for (size_t i = 0; i < rs.size(); ++i) out.emplace_back(rs[i].Int(0), rs[i].Text(1));
  return out;
}

std::vector<Project> List(db::Connection& c, const ProjectScope& scope, const ProjectFilter& f,
                          int64_t* total) {
  db::Params p;
  std::string where = Where(c, scope, f, p);
  if (total) *total = c.QueryInt("SELECT COUNT(*) FROM projects p" + where, p).value_or(0);
  static const std::map<std::string, std::string> kSort = {
      {"created_at", "p.created_at"},
      {"total_investment", "p.total_investment"},
      {"stage_since", "p.stage_since"},
      {"step_deadline", "p.step_deadline"},
      {"name", "p.name"}};
  auto it = kSort.find(f.sort);
  const std::string col = it == kSort.end() ? "p.created_at" : it->second;
  // Projects without a deadline go last either way (SQLite and PostgreSQL disagree on NULLs).
  std::string order = (col == "p.step_deadline" ? "(p.step_deadline IS NULL), " : "") + col +
                      (f.ascending ? " ASC" : " DESC");
  p.emplace_back(f.limit);
  p.emplace_back(f.offset);
  // Two phases: sort and page narrow rows of the projects table alone, then join the names
  // for the page only. Sorting thousands of wide joined rows was the ledger's main cost.
  auto page = c.Query("SELECT p.id FROM projects p" + where + " ORDER BY " + order + ", p.id" +
                          (f.ascending ? " ASC" : " DESC") + " LIMIT ? OFFSET ?",
                      p);
  std::vector<int64_t> ids;
  for (size_t i = 0; i < page.size(); ++i) ids.push_back(page[i].Int(0));
  return Rows(c, ids);
}

std::vector<Project> Rows(db::Connection& c, const std::vector<int64_t>& ids) {
  std::vector<Project> out;
  if (ids.empty()) return out;
  std::string in;
  db::Params p;
  std::map<int64_t, size_t> position;
  for (size_t i = 0; i < ids.size(); ++i) {
    in += i ? ",?" : "?";
    p.emplace_back(ids[i]);
    position[ids[i]] = i;
  }
  auto rs = c.Query(std::string(kSelect) + "WHERE p.id IN (" + in + ")", p);
  std::vector<std::optional<Project>> placed(ids.size());
  for (size_t i = 0; i < rs.size(); ++i) {
    Project pr = FromRow(rs[i]);
    placed[position[pr.id]] = std::move(pr);
  }
  for (auto& pr : placed)
    if (pr) out.push_back(std::move(*pr));
  return out;
}

namespace {
constexpr const char* kLedgerCols =
    "id, created_at, total_investment, stage_since, leading_industry_id, district_id, "
    "receiving_unit_id, reporting_unit_id, responsible_unit_id, step_deadline, signing_date, "
    "stage, investment_band, industry_section, industry_code FROM projects ";

// Reads ledger entries, then attaches promoters from one more query over the same ids.
std::vector<LedgerInput> ReadLedger(db::Connection& c, const std::string& where,
                                    const db::Params& p, const std::string& promoters_where,
                                    bool* fits) {
  auto rs = c.Query(std::string("SELECT ") + kLedgerCols + where, p);
  std::vector<LedgerInput> out;
  out.reserve(rs.size());
  std::map<int64_t, size_t> position;
  constexpr int64_t kMax = std::numeric_limits<int32_t>::max();
  auto small = [&](std::optional<int64_t> v) -> int32_t {
    if (!v) return 0;
    if (*v < 0 || *v > kMax) *fits = false;
    return static_cast<int32_t>(*v);
  };
  for (size_t i = 0; i < rs.size(); ++i) {
    const db::Row r = rs[i];
    LedgerEntry e;
    e.id = r.Int(0);
    if (e.id > kMax) *fits = false;  // slots are indexed by project id
    e.created_at = r.Int(1);
    e.total_investment = r.Int(2);
    e.stage_since = r.Int(3);
    e.leading_industry = small(r.OptInt(4));
    e.district = small(r.OptInt(5));
    e.receiving = small(r.OptInt(6));
    e.reporting = small(r.OptInt(7));
    e.responsible = small(r.OptInt(8));
    e.step_deadline = PackDate(r.OptText(9).value_or(""));
    e.signing = PackDate(r.OptText(10).value_or(""));
    const auto stage = ParseStage(r.Text(11));
    const auto& all = AllStages();
    e.stage =
        static_cast<uint8_t>(stage ? std::find(all.begin(), all.end(), *stage) - all.begin() : 0);
    e.band = static_cast<uint8_t>(r.Int(12));
    const std::string section = r.Text(13), code = r.Text(14);
    e.section = section.empty() ? '\0' : section[0];
    if (!code.empty() && code[0] >= '0' && code[0] <= '9')
      std::copy_n(code.begin(), std::min<size_t>(code.size(), e.digits.size()), e.digits.begin());
    position[e.id] = out.size();
    out.push_back({e, {}});
  }
  if (out.empty()) return out;
  auto ps =
      c.Query("SELECT project_id, user_id FROM project_promoters WHERE " + promoters_where, p);
  for (size_t i = 0; i < ps.size(); ++i)
    if (auto it = position.find(ps[i].Int(0)); it != position.end())
      out[it->second].promoters.push_back(small(ps[i].Int(1)));
  return out;
}
}  // namespace

std::vector<LedgerInput> LedgerBatch(db::Connection& c, int64_t after_id, int64_t limit,
                                     bool* fits) {
  // The promoters query reuses the parameters: (after_id, limit) bound as a range of ids.
  auto first =
      c.QueryInt("SELECT MAX(id) FROM (SELECT id FROM projects WHERE id > ? ORDER BY id LIMIT ?) t",
                 {after_id, limit});
  if (!first) return {};
  return ReadLedger(c, "WHERE id > ? AND id <= ? ORDER BY id", {after_id, *first},
                    "project_id > ? AND project_id <= ?", fits);
}

std::vector<LedgerInput> LedgerEntries(db::Connection& c, const std::vector<int64_t>& ids,
                                       bool* fits) {
  std::string in;
  db::Params p;
  for (int64_t id : ids) {
    in += in.empty() ? "?" : ",?";
    p.emplace_back(id);
  }
  if (in.empty()) return {};
  return ReadLedger(c, "WHERE id IN (" + in + ")", p, "project_id IN (" + in + ")", fits);
}

std::map<std::string, int64_t> CountByStage(db::Connection& c, const ProjectScope& scope,
                                            const ProjectFilter& f) {
  db::Params p;
  std::string where = Where(c, scope, f, p);
  auto rs = c.Query("SELECT p.stage, COUNT(*) FROM projects p" + where + " GROUP BY p.stage", p);
  std::map<std::string, int64_t> out;
  for (size_t i = 0; i < rs.size(); ++i) out[rs[i].Text(0)] = rs[i].Int(1);
  return out;
}

void AddEvent(db::Connection& c, const Event& e) {
  c.Execute(
      "INSERT INTO project_events(project_id, at, kind, actor_id, from_stage, to_stage, "
      "reason_code, "
      "reason, detail) VALUES (?,?,?,?,?,?,?,?,?)",
      {e.project_id, e.at, e.kind, e.actor_id ? db::Param(e.actor_id) : db::Param(nullptr),
       Opt(e.from_stage), Opt(e.to_stage), Opt(e.reason_code), Opt(e.reason), e.detail_json});
}

std::vector<Event> Events(db::Connection& c, int64_t project_id) {
  auto rs = c.Query(
      "SELECT e.id, e.project_id, e.at, e.kind, e.actor_id, u.name, e.from_stage, e.to_stage, "
      "e.reason_code, e.reason, e.detail FROM project_events e LEFT JOIN users u ON u.id = "
      "e.actor_id "
      "WHERE e.project_id = ? ORDER BY e.at DESC, e.id DESC",
      {project_id});
  std::vector<Event> out;
  for (size_t i = 0; i < rs.size(); ++i) {
    auto r = rs[i];
    out.push_back({r.Int(0), r.Int(1), r.Int(2), r.Text(3), r.OptInt(4).value_or(0), r.Text(5),
                   r.OptText(6), r.OptText(7), r.OptText(8), r.OptText(9), r.Text(10)});
  }
  return out;
}

int64_t AddActivity(db::Connection& c, const Activity& a) {
  return c
      .QueryInt(
          "INSERT INTO activities(project_id, kind, activity_date, participants, summary, outcome, "
          "next_action_date, amount, actor_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING "
          "id",
          {a.project_id, a.kind, a.date, a.participants, a.summary, a.outcome,
           Opt(a.next_action_date), Opt(a.amount), a.actor_id, a.created_at})
      .value();
}

void AddEvents(db::Connection& c, const std::vector<Event>& events) {
  std::vector<db::Params> rows;
  rows.reserve(events.size());
  for (const Event& e : events)
    rows.push_back({e.project_id, e.at, e.kind,
                    e.actor_id ? db::Param(e.actor_id) : db::Param(nullptr), Opt(e.from_stage),
                    Opt(e.to_stage), Opt(e.reason_code), Opt(e.reason), e.detail_json});
  db::InsertRows(c,
                 "INSERT INTO project_events(project_id, at, kind, actor_id, from_stage, to_stage, "
                 "reason_code, reason, detail) VALUES ",
                 rows);
}

void AddActivities(db::Connection& c, const std::vector<Activity>& acts) {
  std::vector<db::Params> rows;
  rows.reserve(acts.size());
  for (const Activity& a : acts)
    rows.push_back({a.project_id, a.kind, a.date, a.participants, a.summary, a.outcome,
                    Opt(a.next_action_date), Opt(a.amount), a.actor_id, a.created_at});
  db::InsertRows(c,
                 "INSERT INTO activities(project_id, kind, activity_date, participants, summary, "
                 "outcome, next_action_date, amount, actor_id, created_at) VALUES ",
                 rows);
}

std::vector<Activity> Activities(db::Connection& c, int64_t project_id) {
  auto rs = c.Query(
      "SELECT a.id, a.project_id, a.kind, a.activity_date, a.participants, a.summary, a.outcome, "
      "a.next_action_date, a.amount, a.actor_id, u.name, a.created_at FROM activities a "
      "JOIN users u ON u.id = a.actor_id WHERE a.project_id = ? ORDER BY a.activity_date DESC, "
      "a.id DESC",
      {project_id});
  std::vector<Activity> out;
  for (size_t i = 0; i < rs.size(); ++i) {
    auto r = rs[i];
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6),
                   r.OptText(7), r.OptInt(8), r.Int(9), r.Text(10), r.Int(11)});
  }
  return out;
}

void LockRow(db::Connection& c, int64_t id) {
  c.Execute("UPDATE projects SET capital_in_place = capital_in_place WHERE id = ?", {id});
}

void AddCapital(db::Connection& c, int64_t id, int64_t amount) {
  c.Execute(
      "UPDATE projects SET capital_in_place = capital_in_place + ?, version = version + 1 WHERE "
      "id = ?",
      {amount, id});
  db::RecordChange(c, id);
}

void SetReporter(db::Connection& c, int64_t id, int64_t user_id, int64_t unit_id, int64_t now) {
  c.Execute(
      "UPDATE projects SET promoter_id = ?, reporting_unit_id = ?, updated_at = ?, version = "
      "version + 1 WHERE id = ?",
      {user_id, unit_id, now, id});
  db::RecordChange(c, id);
}

bool ChainNodeExists(db::Connection& c, int64_t chain_node_id) {
  return c.QueryInt("SELECT COUNT(*) FROM chain_nodes WHERE id = ?", {chain_node_id}).value_or(0) >
         0;
}

std::optional<int64_t> LeadingIndustryOf(db::Connection& c, int64_t chain_node_id) {
  return c.QueryInt("SELECT leading_industry_id FROM chain_nodes WHERE id = ?", {chain_node_id});
}

std::optional<int64_t> ReceivingUnitByName(db::Connection& c, const std::string& name) {
  return c.QueryInt(
      "SELECT id FROM org_units WHERE name = ? AND kind IN ('park', 'district') ORDER BY id LIMIT "
      "1",
      {name});
}

namespace {
constexpr const char* kRoutingSelect =
    "SELECT r.id, r.project_id, p.name, p.investor_name, r.reporting_unit_id, ru.name, "
    "r.park_id, pk.name, r.note, r.routed_by, u.name, r.routed_unit_id, r.routed_at, r.deadline, "
    "r.status, r.reason_code, r.reason, r.decided_by, du.name, r.decided_at, r.fit_score "
    "FROM routings r JOIN projects p ON p.id = r.project_id "
    "JOIN org_units ru ON ru.id = r.reporting_unit_id JOIN org_units pk ON pk.id = r.park_id "
    "JOIN users u ON u.id = r.routed_by LEFT JOIN users du ON du.id = r.decided_by ";

Routing RoutingFromRow(const db::Row& r) {
  Routing x;
  size_t i = 0;
  x.id = r.Int(i++);
  x.project_id = r.Int(i++);
  x.project_name = r.Text(i++);
  x.investor_name = r.Text(i++);
  x.reporting_unit_id = r.Int(i++);
  x.reporting_unit_name = r.Text(i++);
  x.park_id = r.Int(i++);
  x.park_name = r.Text(i++);
  x.note = r.Text(i++);
  x.routed_by = r.Int(i++);
  x.routed_by_name = r.Text(i++);
  x.routed_unit_id = r.Int(i++);
  x.routed_at = r.Int(i++);
  x.deadline = r.Text(i++);
  x.status = r.Text(i++);
  x.reason_code = r.OptText(i++);
  x.reason = r.OptText(i++);
  x.decided_by = r.OptInt(i++);
  x.decided_by_name = r.IsNull(i) ? "" : r.Text(i);
  ++i;
  x.decided_at = r.OptInt(i++);
  x.fit_score = r.OptInt(i++);
  return x;
}

std::string RoutingWhere(const std::optional<std::set<int64_t>>& parks, db::Params& p) {
  std::string where = " WHERE 1=1";
  if (parks) where += " AND r.park_id IN (" + db::InList(*parks, p) + ")";
  return where;
}
}  // namespace

std::optional<Routing> GetRouting(db::Connection& c, int64_t id) {
  auto rs = c.Query(std::string(kRoutingSelect) + "WHERE r.id = ?", {id});
  if (rs.empty()) return std::nullopt;
  return RoutingFromRow(rs[0]);
}

int64_t InsertRouting(db::Connection& c, const Routing& r) {
  return c
      .QueryInt(
          "INSERT INTO routings(project_id, park_id, reporting_unit_id, note, routed_by, "
          "routed_unit_id, routed_at, deadline, status, fit_score) VALUES "
          "(?,?,?,?,?,?,?,?,'pending',?) RETURNING id",
          {r.project_id, r.park_id, r.reporting_unit_id, r.note, r.routed_by, r.routed_unit_id,
           r.routed_at, r.deadline, Opt(r.fit_score)})
      .value();
}

bool SetPendingRouting(db::Connection& c, int64_t project_id, int64_t routing_id, int64_t park_id,
                       const std::string& deadline, int64_t now, int64_t version) {
  if (c.Execute("UPDATE projects SET pending_routing_id = ?, responsible_unit_id = ?, "
                "responsible_user_id = NULL, step_deadline = ?, updated_at = ?, version = version "
                "+ 1 WHERE id = ? AND version = ?",
                {routing_id, park_id, deadline, now, project_id, version}) != 1)
    return false;
  db::RecordChange(c, project_id);
  return true;
}

bool DecideRouting(db::Connection& c, int64_t id, const std::string& status,
                   const std::optional<std::string>& reason_code,
                   const std::optional<std::string>& reason, int64_t by, int64_t now) {
  return c.Execute(
             "UPDATE routings SET status = ?, reason_code = ?, reason = ?, decided_by = ?, "
             "decided_at = ? WHERE id = ? AND status = 'pending'",
             {status, Opt(reason_code), Opt(reason), by, now, id}) == 1;
}

void ClearPendingRouting(db::Connection& c, int64_t project_id) {
  c.Execute("UPDATE projects SET pending_routing_id = NULL WHERE id = ?", {project_id});
  db::RecordChange(c, project_id);
}

void ReturnToRouter(db::Connection& c, int64_t project_id, const Routing& r,
                    const std::optional<std::string>& deadline, int64_t now) {
  if (deadline)
    c.Execute(
        "UPDATE projects SET pending_routing_id = NULL, responsible_unit_id = ?, "
        "responsible_user_id = ?, step_deadline = ?, updated_at = ?, version = version + 1 WHERE "
        "id = ?",
        {r.routed_unit_id, r.routed_by, *deadline, now, project_id});
  else
    c.Execute(
        "UPDATE projects SET pending_routing_id = NULL, responsible_unit_id = ?, "
        "responsible_user_id = ? WHERE id = ?",
        {r.routed_unit_id, r.routed_by, project_id});
  db::RecordChange(c, project_id);
}

std::vector<Routing> ListRoutings(db::Connection& c, const std::optional<std::set<int64_t>>& parks,
                                  const RoutingQuery& q, int64_t* total) {
  db::Params p;
  std::string where = RoutingWhere(parks, p);
  if (!q.status.empty()) {
    where += " AND r.status = ?";
    p.emplace_back(q.status);
  }
  if (q.park_id) {
    where += " AND r.park_id = ?";
    p.emplace_back(*q.park_id);
  }
  if (q.project_id) {
    where += " AND r.project_id = ?";
    p.emplace_back(*q.project_id);
  }
  if (total) *total = c.QueryInt("SELECT COUNT(*) FROM routings r" + where, p).value_or(0);
  p.emplace_back(q.limit);
  p.emplace_back(q.offset);
  auto rs =
      c.Query(std::string(kRoutingSelect) + where + " ORDER BY r.id DESC LIMIT ? OFFSET ?", p);
  std::vector<Routing> out;
  for (size_t i = 0; i < rs.size(); ++i) out.push_back(RoutingFromRow(rs[i]));
  return out;
}

std::vector<RoutingStat> RoutingStatsBy(db::Connection& c,
                                        const std::optional<std::set<int64_t>>& parks,
                                        bool by_park) {
  const std::string col = by_park ? "r.park_id" : "r.reporting_unit_id";
  db::Params p;
  const std::string where = RoutingWhere(parks, p);
  std::map<int64_t, RoutingStat> by;
  auto rs = c.Query("SELECT " + col + ", o.name, r.status, COUNT(*) FROM routings r " +
                        "JOIN org_units o ON o.id = " + col + where + " GROUP BY " + col +
                        ", o.name, r.status",
                    p);
  for (size_t i = 0; i < rs.size(); ++i) {
    RoutingStat& s = by[rs[i].Int(0)];
    s.unit_id = rs[i].Int(0);
    s.unit_name = rs[i].Text(1);
    const std::string status = rs[i].Text(2);
    const int64_t n = rs[i].Int(3);
    s.routed += n;
    if (status == "accepted") s.accepted += n;
    if (status == "declined") s.declined += n;
    if (status == "pending") s.pending += n;
  }
  auto reasons = c.Query("SELECT " + col + ", r.reason_code, COUNT(*) FROM routings r" + where +
                             " AND r.status = 'declined' GROUP BY " + col + ", r.reason_code",
                         p);
  for (size_t i = 0; i < reasons.size(); ++i)
    if (auto it = by.find(reasons[i].Int(0)); it != by.end())
      it->second.reasons[reasons[i].IsNull(1) ? "other" : reasons[i].Text(1)] += reasons[i].Int(2);
  std::vector<RoutingStat> out;
  out.reserve(by.size());
  for (auto& [_, s] : by) out.push_back(std::move(s));
  return out;
}

std::map<std::string, int> DeadlineDays(db::Connection& c) {
  auto days = DefaultDeadlineDays();
  auto rs = c.Query("SELECT key, value FROM settings WHERE key LIKE 'stage_deadline.%'");
  for (size_t i = 0; i < rs.size(); ++i) days[rs[i].Text(0).substr(15)] = std::stoi(rs[i].Text(1));
  return days;
}

int RoutingDays(db::Connection& c) {
  auto rs = c.Query("SELECT value FROM settings WHERE key = 'routing_days'");
  return rs.empty() ? kDefaultRoutingDays : std::stoi(rs[0].Text(0));
}

void SaveRoutingDays(db::Connection& c, int days) {
  c.Execute(
      "INSERT INTO settings(key, value) VALUES ('routing_days', ?) ON CONFLICT (key) DO UPDATE "
      "SET value = excluded.value",
      {std::to_string(days)});
}

std::map<std::string, std::vector<std::string>> EvidenceKinds(db::Connection& c) {
  std::map<std::string, std::vector<std::string>> out;
  auto rs = c.Query("SELECT key, value FROM settings WHERE key LIKE 'stage_evidence.%'");
  for (size_t i = 0; i < rs.size(); ++i) {
    std::vector<std::string> kinds;
    const std::string v = rs[i].Text(1);
    for (size_t at = 0; at < v.size();) {
      size_t comma = v.find(',', at);
      if (comma == std::string::npos) comma = v.size();
      if (comma > at) kinds.push_back(v.substr(at, comma - at));
      at = comma + 1;
    }
    if (!kinds.empty()) out[rs[i].Text(0).substr(15)] = std::move(kinds);
  }
  return out;
}

void SaveEvidenceKinds(db::Connection& c,
                       const std::map<std::string, std::vector<std::string>>& kinds) {
  for (const auto& [stage, list] : kinds) {
    std::string v;
    for (const auto& k : list) v += (v.empty() ? "" : ",") + k;
    c.Execute(
        "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
        "excluded.value",
        {"stage_evidence." + stage, v});
  }
}

void SaveDeadlineDays(db::Connection& c, const std::map<std::string, int>& days) {
  for (const auto& [stage, n] : days)
    c.Execute(
        "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
        "excluded.value",
        {"stage_deadline." + stage, std::to_string(n)});
}

std::vector<FollowUpCandidate> FollowUpCandidates(db::Connection& c, int64_t user_id,
                                                  int64_t unit_id, int64_t limit) {
  auto rs = c.Query(
      "SELECT p.id, p.name, p.stage, p.created_at, p.stage_since, (SELECT MAX(a.activity_date) "
      "FROM activities a WHERE a.project_id = p.id) FROM projects p WHERE p.stage IN (?, ?, ?) "
      "AND (p.responsible_user_id = ? OR (p.responsible_user_id IS NULL AND "
      "p.responsible_unit_id = ?)) ORDER BY p.id LIMIT ?",
      {std::string(StageName(Stage::kLead)), std::string(StageName(Stage::kNegotiating)),
       std::string(StageName(Stage::kConstruction)), user_id, unit_id, limit});
  std::vector<FollowUpCandidate> out;
  out.reserve(rs.size());
  for (size_t i = 0; i < rs.size(); ++i) {
    auto r = rs[i];
    out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Int(3), r.Int(4), r.OptText(5)});
  }
  return out;
}

std::vector<OverdueProject> OverdueProjects(db::Connection& c, const std::string& today) {
  std::string stages;
  db::Params p{today};
  for (Stage s : AllStages())
    if (IsActive(s)) {
      stages += stages.empty() ? "?" : ",?";
      p.emplace_back(std::string(StageName(s)));
    }
  auto rs = c.Query(
      "SELECT id, name, stage, step_deadline, responsible_unit_id, responsible_user_id, "
      "promoter_id FROM projects WHERE step_deadline < ? AND stage IN (" +
          stages + ") ORDER BY id",
      p);
  std::vector<OverdueProject> out;
  out.reserve(rs.size());
  for (size_t i = 0; i < rs.size(); ++i)
    out.push_back({rs[i].Int(0), rs[i].Text(1), rs[i].Text(2), rs[i].Text(3), rs[i].Int(4),
                   rs[i].OptInt(5), rs[i].Int(6)});
  return out;
}

std::vector<OverdueRouting> OverdueRoutings(db::Connection& c, const std::string& today) {
  auto rs = c.Query(
      "SELECT r.id, r.project_id, p.name, r.deadline, r.park_id FROM routings r JOIN projects p "
      "ON p.id = r.project_id WHERE r.status = 'pending' AND r.deadline < ? ORDER BY r.id",
      {today});
  std::vector<OverdueRouting> out;
  for (size_t i = 0; i < rs.size(); ++i)
    out.push_back({rs[i].Int(0), rs[i].Int(1), rs[i].Text(2), rs[i].Text(3), rs[i].Int(4)});
  return out;
}

void AddCollisions(db::Connection& c, int64_t project_id, const std::vector<CollisionRecord>& hits,
                   int64_t user_id, int64_t at) {
  for (const auto& h : hits)
    c.Execute(
        "INSERT INTO project_collisions(project_id, hit_project_id, match_kind, similarity_pct, "
        "confirmed_by, confirmed_at) VALUES (?,?,?,?,?,?)",
        {project_id, h.hit_project_id, h.match, int64_t{h.similarity_pct}, user_id, at});
}

std::vector<ConfirmedCollision> ListCollisions(db::Connection& c, int64_t offset, int64_t limit,
                                               int64_t* total) {
  if (total)
    *total =
        c.QueryInt("SELECT COUNT(DISTINCT project_id) FROM project_collisions", {}).value_or(0);
  auto page = c.Query(
      "SELECT project_id, MAX(confirmed_at) AS at FROM project_collisions GROUP BY project_id "
      "ORDER BY at DESC, project_id DESC LIMIT ? OFFSET ?",
      {limit, offset});
  std::vector<ConfirmedCollision> out;
  if (page.empty()) return out;
  std::map<int64_t, size_t> position;
  std::set<int64_t> ids;
  for (size_t i = 0; i < page.size(); ++i) {
    position[page[i].Int(0)] = i;
    ids.insert(page[i].Int(0));
  }
  out.resize(page.size());
  // One query for the page: each row joins the project and the project it collided with.
  db::Params p;
  const std::string in = db::InList(ids, p);
  auto rs = c.Query(
      "SELECT pc.project_id, pc.confirmed_at, cu.name, pc.match_kind, pc.similarity_pct, "
      "p.name, p.investor_name, pr.name, pp.name, p.stage, p.created_at, "
      "h.id, h.name, h.investor_name, hr.name, hp.name, h.stage, h.created_at "
      "FROM project_collisions pc JOIN users cu ON cu.id = pc.confirmed_by "
      "JOIN projects p ON p.id = pc.project_id JOIN org_units pr ON pr.id = p.reporting_unit_id "
      "JOIN users pp ON pp.id = p.promoter_id "
      "JOIN projects h ON h.id = pc.hit_project_id "
      "JOIN org_units hr ON hr.id = h.reporting_unit_id JOIN users hp ON hp.id = h.promoter_id "
      "WHERE pc.project_id IN (" +
          in + ") ORDER BY pc.project_id, pc.similarity_pct DESC, pc.hit_project_id",
      p);
  for (size_t i = 0; i < rs.size(); ++i) {
    const db::Row r = rs[i];
    ConfirmedCollision& x = out[position.at(r.Int(0))];
    x.confirmed_at = r.Int(1);
    x.confirmed_by_name = r.Text(2);
    x.project = {r.Int(0), r.Text(5), r.Text(6), r.Text(7), r.Text(8), r.Text(9), r.Int(10)};
    ConfirmedCollision::Hit h;
    h.match = r.Text(3);
    h.similarity_pct = static_cast<int>(r.Int(4));
    h.project = {r.Int(11), r.Text(12), r.Text(13), r.Text(14), r.Text(15), r.Text(16), r.Int(17)};
    x.hits.push_back(std::move(h));
  }
  return out;
}

std::map<int64_t, std::string> ProjectNames(db::Connection& c, const std::set<int64_t>& ids) {
  return db::NamesById(c, "SELECT id, name FROM projects", "id", ids);
}

}  // namespace zhaoshang::pipeline::store
