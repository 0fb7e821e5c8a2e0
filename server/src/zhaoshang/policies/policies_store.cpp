#include "zhaoshang/policies/policies_store.hpp"

#include <boost/json.hpp>

#include "zhaoshang/db/settings.hpp"

namespace zhaoshang::policies::store {
namespace json = boost::json;

namespace {
constexpr const char* kSelect =
    "SELECT p.id, p.title, p.issuer, p.doc_number, p.level, p.effective_from, p.expires_on, "
    "p.owner_unit_id, COALESCE(o.name, ''), p.industry_codes, p.min_investment_yuan, p.land, "
    "p.location_unit_ids, p.foreign_condition, p.grants_json, p.summary, p.source_text, "
    "p.repealed, p.expiry_notified_at, COALESCE(p.created_by, 0), p.created_at, p.updated_at, "
    "p.version FROM policies p LEFT JOIN org_units o ON o.id = p.owner_unit_id ";

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  for (size_t at = 0; at < s.size();) {
    size_t comma = s.find(',', at);
    if (comma == std::string::npos) comma = s.size();
    if (comma > at) out.push_back(s.substr(at, comma - at));
    at = comma + 1;
  }
  return out;
}

template <class T>
std::string Join(const std::vector<T>& v) {
  std::string out;
  for (const auto& x : v) {
    if (!out.empty()) out += ',';
    if constexpr (std::is_same_v<T, std::string>)
      out += x;
    else
      out += std::to_string(x);
  }
  return out;
}

std::string GrantsJson(const std::vector<Grant>& grants) {
  json::array a;
  for (const auto& g : grants) {
    json::object o{{"kind", g.kind}, {"text", g.text}};
    o["rate_pct"] = g.rate_pct ? json::value(*g.rate_pct) : json::value(nullptr);
    o["cap_yuan"] = g.cap_yuan ? json::value(*g.cap_yuan) : json::value(nullptr);
    a.push_back(std::move(o));
  }
  return json::serialize(a);
}

std::vector<Grant> ParseGrants(const std::string& text) {
  std::vector<Grant> out;
  boost::system::error_code ec;
  auto v = json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& x : v.as_array()) {
    if (!x.is_object()) continue;
    const auto& o = x.as_object();
    Grant g;
    if (auto* k = o.if_contains("kind"); k && k->is_string()) g.kind = k->as_string();
    if (auto* t = o.if_contains("text"); t && t->is_string()) g.text = t->as_string();
    if (auto* r = o.if_contains("rate_pct"); r && r->is_int64()) g.rate_pct = r->as_int64();
    if (auto* c = o.if_contains("cap_yuan"); c && c->is_int64()) g.cap_yuan = c->as_int64();
    out.push_back(std::move(g));
  }
  return out;
}

std::vector<Policy> Rows(const db::ResultSet& rs) {
  std::vector<Policy> out;
  out.reserve(rs.size());
  for (size_t i = 0; i < rs.size(); ++i) {
    const db::Row r = rs[i];
    Policy p;
    int k = 0;
    p.id = r.Int(k++);
    p.title = r.Text(k++);
    p.issuer = r.Text(k++);
    p.doc_number = r.Text(k++);
    p.level = r.Text(k++);
    p.effective_from = r.Text(k++);
    p.expires_on = r.OptText(k++);
    p.owner_unit_id = r.Int(k++);
    p.owner_unit_name = r.Text(k++);
    p.conditions.industry_codes = Split(r.Text(k++));
    p.conditions.min_investment_yuan = r.OptInt(k++);
    p.conditions.land = r.Text(k++);
    for (const auto& u : Split(r.Text(k++)))
      p.conditions.location_unit_ids.push_back(std::stoll(u));
    p.conditions.foreign = r.Text(k++);
    p.grants = ParseGrants(r.Text(k++));
    p.summary = r.Text(k++);
    p.source_text = r.Text(k++);
    p.repealed = r.Int(k++) != 0;
    p.expiry_notified_at = r.OptInt(k++);
    p.created_by = r.Int(k++);
    p.created_at = r.Int(k++);
    p.updated_at = r.Int(k++);
    p.version = r.Int(k++);
    out.push_back(std::move(p));
  }
  return out;
}

db::Params Fields(const Policy& p) {
  return {p.title,
          p.issuer,
          p.doc_number,
          p.level,
          p.effective_from,
          p.expires_on ? db::Param(*p.expires_on) : db::Param(nullptr),
          p.owner_unit_id,
          Join(p.conditions.industry_codes),
          db::Nullable(p.conditions.min_investment_yuan),
          p.conditions.land,
          Join(p.conditions.location_unit_ids),
          p.conditions.foreign,
          GrantsJson(p.grants),
          p.summary,
          p.source_text,
          int64_t{p.repealed ? 1 : 0}};
}

// The SQL of a state on `today` (?) with `through` (?): two parameters each, in that order.
std::string StateSql(const std::string& state, db::Params& params, const std::string& today,
                     const std::string& through) {
  const std::string live = "p.repealed = 0 AND p.effective_from <= ? ";
  if (state == "current") {
    params.insert(params.end(), {today, through});
    return live + "AND (p.expires_on IS NULL OR p.expires_on > ?)";
  }
  if (state == "expiring") {
    params.insert(params.end(), {today, today, through});
    return live + "AND p.expires_on >= ? AND p.expires_on <= ?";
  }
  if (state == "in_force") {
    params.insert(params.end(), {today, today});
    return live + "AND (p.expires_on IS NULL OR p.expires_on >= ?)";
  }
  if (state == "expired") {
    params.push_back(today);
    return "p.repealed = 0 AND p.expires_on < ?";
  }
  if (state == "upcoming") {
    params.push_back(today);
    return "p.repealed = 0 AND p.effective_from > ?";
  }
  if (state == "repealed") return "p.repealed = 1";
  return "1 = 1";
}
// Bumped by every insert and update: the matcher's cache key, one row to read.
constexpr const char* kRevisionKey = "policies.revision";
}  // namespace

int64_t Insert(db::Connection& c, const Policy& p) {
  db::BumpSetting(c, kRevisionKey);
  db::Params params = Fields(p);
  params.insert(params.end(), {p.created_by ? db::Param(p.created_by) : db::Param(nullptr),
                               p.created_at, p.updated_at});
  return c
      .QueryInt(
          "INSERT INTO policies(title, issuer, doc_number, level, effective_from, expires_on, "
          "owner_unit_id, industry_codes, min_investment_yuan, land, location_unit_ids, "
          "foreign_condition, grants_json, summary, source_text, repealed, created_by, "
          "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
          params)
      .value();
}

std::optional<Policy> Get(db::Connection& c, int64_t id) {
  auto rows = Rows(c.Query(std::string(kSelect) + "WHERE p.id = ?", {id}));
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

bool Update(db::Connection& c, const Policy& p) {
  db::BumpSetting(c, kRevisionKey);  // a stale update is refused and its transaction rolled back
  db::Params params = Fields(p);
  params.insert(params.end(), {db::Nullable(p.expiry_notified_at), p.updated_at, p.id, p.version});
  return c.Execute(
             "UPDATE policies SET title = ?, issuer = ?, doc_number = ?, level = ?, "
             "effective_from = ?, expires_on = ?, owner_unit_id = ?, industry_codes = ?, "
             "min_investment_yuan = ?, land = ?, location_unit_ids = ?, foreign_condition = ?, "
             "grants_json = ?, summary = ?, source_text = ?, repealed = ?, "
             "expiry_notified_at = ?, updated_at = ?, version = version + 1 WHERE id = ? AND "
             "version = ?",
             params) == 1;
}

std::vector<Policy> List(db::Connection& c, const PolicyQuery& q, const std::string& today,
                         const std::string& through, int64_t* total) {
  db::Params params;
  std::string where = " WHERE " + StateSql(q.state, params, today, through);
  if (!q.level.empty()) {
    where += " AND p.level = ?";
    params.push_back(q.level);
  }
  if (q.owner_unit_id) {
    where += " AND p.owner_unit_id = ?";
    params.push_back(*q.owner_unit_id);
  }
  if (!q.q.empty()) {
    where += " AND (p.title LIKE ? OR p.issuer LIKE ? OR p.doc_number LIKE ? OR p.summary LIKE ?)";
    const std::string like = "%" + q.q + "%";
    params.insert(params.end(), {like, like, like, like});
  }
  if (total) *total = c.QueryInt("SELECT COUNT(*) FROM policies p" + where, params).value_or(0);
  params.insert(params.end(), {q.limit, q.offset});
  return Rows(c.Query(
      std::string(kSelect) + where + " ORDER BY p.effective_from DESC, p.id DESC LIMIT ? OFFSET ?",
      params));
}

std::vector<Policy> InForce(db::Connection& c, const std::string& today) {
  db::Params params;
  const std::string where = StateSql("in_force", params, today, today);
  return Rows(c.Query(std::string(kSelect) + "WHERE " + where + " ORDER BY p.id", params));
}

std::string Fingerprint(db::Connection& c) { return db::GetSetting(c, kRevisionKey).value_or("0"); }

std::vector<Policy> ExpiringUntold(db::Connection& c, const std::string& today,
                                   const std::string& through) {
  db::Params params;
  const std::string where = StateSql("expiring", params, today, through);
  return Rows(c.Query(std::string(kSelect) + "WHERE " + where +
                          " AND p.expiry_notified_at IS NULL ORDER BY p.expires_on, p.id",
                      params));
}

std::map<int64_t, std::string> Titles(db::Connection& c, const std::set<int64_t>& ids) {
  return db::NamesById(c, "SELECT id, title FROM policies", "id", ids);
}

void MarkTold(db::Connection& c, int64_t id, int64_t at) {
  c.Execute("UPDATE policies SET expiry_notified_at = ? WHERE id = ?", {at, id});
}

}  // namespace zhaoshang::policies::store
