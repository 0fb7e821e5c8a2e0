#include "zhaoshang/matching/park_store.hpp"

#include <sstream>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace zhaoshang::matching::store {
namespace json = boost::json;
namespace {

constexpr const char* kProfileCols =
    "positioning, leading_industry_ids, chain_node_ids, target_codes, excluded_codes, "
    "redline_codes, redline_note, min_intensity_yuan_per_mu, min_tax_yuan_per_mu, "
    "min_output_yuan_per_mu, power_kva, water_t_per_day, gas_m3_per_day, steam_t_per_hour, "
    "facilities, policies, contacts, updated_at, version";
constexpr const char* kCarrierCols =
    "id, kind, name, status, area_mu_x100, land_use, price_yuan_per_mu, floor_area_m2, floors, "
    "floor_load_kg_m2, lease, rent_yuan_per_m2_month, sale_yuan_per_m2, ready_date, note, version";

template <typename T>
std::string Join(const std::vector<T>& v) {
  std::ostringstream s;
  for (size_t i = 0; i < v.size(); ++i) s << (i ? "," : "") << v[i];
  return s.str();
}
std::vector<std::string> SplitCodes(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string x; std::getline(in, x, ',');)
    if (!x.empty()) out.push_back(x);
  return out;
}
std::vector<int64_t> SplitIds(const std::string& s) {
  std::vector<int64_t> out;
  for (const auto& x : SplitCodes(s)) out.push_back(std::stoll(x));
  return out;
}

std::vector<ParkContact> ParseContacts(const std::string& s) {
  std::vector<ParkContact> out;
  boost::system::error_code ec;
  auto v = json::parse(s, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& c : v.as_array()) {
    if (!c.is_object()) continue;
    auto str = [&](const char* k) {
      auto* x = c.as_object().if_contains(k);
      return x && x->is_string() ? std::string(x->as_string()) : std::string();
    };
    out.push_back({str("name"), str("phone"), str("title")});
  }
  return out;
}

Carrier CarrierFromRow(const db::Row& r) {
  Carrier k;
  size_t i = 0;
  k.id = r.Int(i++);
  k.kind = r.Text(i++);
  k.name = r.Text(i++);
  k.status = r.Text(i++);
  k.area_mu_x100 = r.Int(i++);
  k.land_use = r.Text(i++);
  k.price_yuan_per_mu = r.Int(i++);
  k.floor_area_m2 = r.Int(i++);
  k.floors = r.Int(i++);
  k.floor_load_kg_m2 = r.Int(i++);
  k.lease = r.Text(i++);
  k.rent_yuan_per_m2_month = r.Int(i++);
  k.sale_yuan_per_m2 = r.Int(i++);
  k.ready_date = r.OptText(i++);
  k.note = r.Text(i++);
  k.version = r.Int(i++);
  return k;
}

db::Params CarrierParams(const Carrier& k) {
  return {k.kind,
          k.name,
          k.status,
          k.area_mu_x100,
          k.land_use,
          k.price_yuan_per_mu,
          k.floor_area_m2,
          k.floors,
          k.floor_load_kg_m2,
          k.lease,
          k.rent_yuan_per_m2_month,
          k.sale_yuan_per_m2,
          k.ready_date ? db::Param(*k.ready_date) : db::Param(nullptr),
          k.note};
}

db::Params ProfileParams(const ParkProfile& p, int64_t now) {
  return {p.positioning,
          Join(p.leading_industry_ids),
          Join(p.chain_node_ids),
          Join(p.target_codes),
          Join(p.excluded_codes),
          Join(p.redline_codes),
          p.redline_note,
          p.min_intensity_yuan_per_mu,
          p.min_tax_yuan_per_mu,
          p.min_output_yuan_per_mu,
          p.power_kva,
          p.water_t_per_day,
          p.gas_m3_per_day,
          p.steam_t_per_hour,
          p.facilities,
          p.policies,
          ContactsJson(p.contacts),
          now};
}

}  // namespace

std::string JoinList(const std::vector<int64_t>& v) { return Join(v); }
std::string JoinList(const std::vector<std::string>& v) { return Join(v); }

std::string ContactsJson(const std::vector<ParkContact>& cs) {
  json::array a;
  for (const auto& c : cs)
    a.push_back(json::object{{"name", c.name}, {"phone", c.phone}, {"title", c.title}});
  return json::serialize(a);
}

std::vector<ParkProfile> Profiles(db::Connection& c, std::optional<int64_t> only) {
  const std::string where = only ? " WHERE unit_id = ?" : "";
  db::Params params;
  if (only) params.emplace_back(*only);
  auto rs = c.Query(std::string("SELECT unit_id, ") + kProfileCols + " FROM park_profiles" + where,
                    params);
  std::vector<ParkProfile> out;
  for (size_t r = 0; r < rs.size(); ++r) {
    ParkProfile p;
    const db::Row row = rs[r];
    size_t i = 0;
    p.unit_id = row.Int(i++);
    p.positioning = row.Text(i++);
    p.leading_industry_ids = SplitIds(row.Text(i++));
    p.chain_node_ids = SplitIds(row.Text(i++));
    p.target_codes = SplitCodes(row.Text(i++));
    p.excluded_codes = SplitCodes(row.Text(i++));
    p.redline_codes = SplitCodes(row.Text(i++));
    p.redline_note = row.Text(i++);
    p.min_intensity_yuan_per_mu = row.Int(i++);
    p.min_tax_yuan_per_mu = row.Int(i++);
    p.min_output_yuan_per_mu = row.Int(i++);
    p.power_kva = row.Int(i++);
    p.water_t_per_day = row.Int(i++);
    p.gas_m3_per_day = row.Int(i++);
    p.steam_t_per_hour = row.Int(i++);
    p.facilities = row.Text(i++);
    p.policies = row.Text(i++);
    p.contacts = ParseContacts(row.Text(i++));
    p.updated_at = row.Int(i++);
    p.version = row.Int(i++);
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<std::pair<int64_t, Carrier>> Carriers(db::Connection& c, std::optional<int64_t> only) {
  const std::string where = only ? " WHERE unit_id = ?" : "";
  db::Params params;
  if (only) params.emplace_back(*only);
  auto cs = c.Query(std::string("SELECT unit_id, ") + kCarrierCols + " FROM park_carriers" + where +
                        " ORDER BY unit_id, id",
                    params);
  std::vector<std::pair<int64_t, Carrier>> out;
  for (size_t r = 0; r < cs.size(); ++r) {
    // Columns after unit_id: read through a shifted row copy.
    std::vector<db::Cell> cells(cs.rows[r].begin() + 1, cs.rows[r].end());
    out.emplace_back(cs[r].Int(0), CarrierFromRow(db::Row(&cells)));
  }
  return out;
}

void InsertProfile(db::Connection& c, const ParkProfile& p, int64_t now) {
  db::Params params = ProfileParams(p, now);
  params.insert(params.begin(), p.unit_id);
  c.Execute(std::string("INSERT INTO park_profiles(unit_id, ") + kProfileCols +
                ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)",
            params);
}

bool UpdateProfile(db::Connection& c, const ParkProfile& p, int64_t now) {
  db::Params params = ProfileParams(p, now);
  params.push_back(p.unit_id);
  params.push_back(p.version);
  return c.Execute(
             "UPDATE park_profiles SET positioning = ?, leading_industry_ids = ?, chain_node_ids = "
             "?, target_codes = ?, excluded_codes = ?, redline_codes = ?, redline_note = ?, "
             "min_intensity_yuan_per_mu = ?, min_tax_yuan_per_mu = ?, min_output_yuan_per_mu = ?, "
             "power_kva = ?, water_t_per_day = ?, gas_m3_per_day = ?, steam_t_per_hour = ?, "
             "facilities = ?, policies = ?, contacts = ?, updated_at = ?, version = version + 1 "
             "WHERE unit_id = ? AND version = ?",
             params) == 1;
}

std::optional<Carrier> GetCarrier(db::Connection& c, int64_t unit_id, int64_t id) {
  auto rs = c.Query(
      std::string("SELECT ") + kCarrierCols + " FROM park_carriers WHERE id = ? AND unit_id = ?",
      {id, unit_id});
  if (rs.empty()) return std::nullopt;
  return CarrierFromRow(rs[0]);
}

int64_t InsertCarrier(db::Connection& c, int64_t unit_id, const Carrier& k, int64_t now) {
  db::Params params = CarrierParams(k);
  params.insert(params.begin(), unit_id);
  params.push_back(now);
  return c
      .QueryInt(
          "INSERT INTO park_carriers(unit_id, kind, name, status, area_mu_x100, land_use, "
          "price_yuan_per_mu, floor_area_m2, floors, floor_load_kg_m2, lease, "
          "rent_yuan_per_m2_month, sale_yuan_per_m2, ready_date, note, updated_at) VALUES "
          "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
          params)
      .value();
}

bool UpdateCarrier(db::Connection& c, const Carrier& k, int64_t now) {
  db::Params params = CarrierParams(k);
  params.push_back(now);
  params.push_back(k.id);
  params.push_back(k.version);
  return c.Execute(
             "UPDATE park_carriers SET kind = ?, name = ?, status = ?, area_mu_x100 = ?, "
             "land_use = ?, price_yuan_per_mu = ?, floor_area_m2 = ?, floors = ?, "
             "floor_load_kg_m2 = ?, lease = ?, rent_yuan_per_m2_month = ?, "
             "sale_yuan_per_m2 = ?, ready_date = ?, note = ?, updated_at = ?, "
             "version = version + 1 WHERE id = ? AND version = ?",
             params) == 1;
}

void DeleteCarrier(db::Connection& c, int64_t id) {
  c.Execute("DELETE FROM park_carriers WHERE id = ?", {id});
}

std::optional<std::string> WeightsSetting(db::Connection& c) {
  auto rs = c.Query("SELECT value FROM settings WHERE key = 'matching.weights'");
  if (rs.empty()) return std::nullopt;
  return rs[0].Text(0);
}

void SaveWeightsSetting(db::Connection& c, const std::string& value) {
  c.Execute(
      "INSERT INTO settings(key, value) VALUES ('matching.weights', ?) ON CONFLICT (key) DO "
      "UPDATE SET value = excluded.value",
      {value});
}

std::map<int64_t, std::string> CarrierNames(db::Connection& c, const std::set<int64_t>& ids) {
  std::map<int64_t, std::string> out;
  if (ids.empty()) return out;
  db::Params p;
  const std::string in = db::InList(ids, p);
  auto rs = c.Query(
      "SELECT k.id, o.name || ' · ' || k.name FROM park_carriers k JOIN org_units o ON o.id = "
      "k.unit_id WHERE k.id IN (" +
          in + ")",
      p);
  for (size_t i = 0; i < rs.size(); ++i) out[rs[i].Int(0)] = rs[i].Text(1);
  return out;
}

}  // namespace zhaoshang::matching::store
