#include "zhaoshang/matching/park_service.hpp"

#include <algorithm>

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "zhaoshang/audit/diff.hpp"
#include "zhaoshang/catalog/catalog_service.hpp"
#include "zhaoshang/catalog/industries.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/matching/park_store.hpp"
#include "zhaoshang/org/org_store.hpp"
#include "zhaoshang/org/roles.hpp"
#include "zhaoshang/pipeline/pipeline_types.hpp"
#include "zhaoshang/search/search_store.hpp"

namespace zhaoshang::matching {
namespace json = boost::json;
namespace {

bool IsPark(const org::Unit& u) { return org::ReceivesProjects(u.kind); }

// A park card as the search index holds it: the name; what it is for, what it offers.
search::Doc DocOf(const ParkProfile& p) {
  return {kParkSearchKind, p.unit_id, p.unit_name,
          p.positioning + "\n" + p.facilities + "\n" + p.policies + "\n" + p.redline_note,
          p.updated_at};
}

// Profiles and carriers of the given parks (all when ids is empty), keyed by unit.
std::vector<ParkProfile> LoadProfiles(db::Connection& c, std::optional<int64_t> only) {
  std::vector<ParkProfile> out;
  for (const auto& u : org::store::ListUnits(c)) {
    if (!IsPark(u) || (only && u.id != *only)) continue;
    ParkProfile p;
    p.unit_id = u.id;
    p.unit_name = u.name;
    p.unit_kind = u.kind;
    out.push_back(std::move(p));
  }
  std::map<int64_t, ParkProfile*> by;
  for (auto& p : out) by[p.unit_id] = &p;
  for (auto& saved : store::Profiles(c, only)) {
    auto it = by.find(saved.unit_id);
    if (it == by.end()) continue;
    ParkProfile& p = *it->second;
    saved.unit_name = std::move(p.unit_name);
    saved.unit_kind = std::move(p.unit_kind);
    p = std::move(saved);
  }
  for (auto& [unit_id, carrier] : store::Carriers(c, only)) {
    auto it = by.find(unit_id);
    if (it == by.end()) continue;
    it->second->carriers.push_back(std::move(carrier));
  }
  return out;
}

std::string Str(int64_t v) { return std::to_string(v); }

}  // namespace

Needs NeedsOf(const pipeline::Project& p) {
  Needs n;
  n.industry_code = p.industry_code;
  n.chain_node_id = p.chain_node_id;
  n.leading_industry_id = p.leading_industry_id;
  n.fixed_investment = p.fixed_investment;
  n.land_mu_x100 = p.land_mu_x100;
  n.building_m2 = p.building_m2;
  n.power_kva = p.power_kva;
  n.annual_tax = p.annual_tax;
  n.annual_output = p.annual_output;
  return n;
}

bool ParkService::CanEdit(const auth::Principal& who, int64_t unit_id) {
  auto c = db_.Acquire();
  return CheckEditable(*c, who, unit_id).has_value();
}

Status ParkService::CheckEditable(db::Connection& c, const auth::Principal& who, int64_t unit_id) {
  auto scope = org::ResolveScope(who.roles, "park.write");
  if (!scope) return Fail(ErrorCode::kForbidden, "forbidden", "you may not edit park profiles");
  if (*scope == org::Scope::kAll) return {};
  if (org::store::Subtree(c, who.unit_id).count(unit_id)) return {};
  return Fail(ErrorCode::kForbidden, "forbidden", "a park edits only its own profile");
}

std::vector<ParkSummary> ParkService::List(const auth::Principal& who) {
  auto c = db_.Acquire();
  std::vector<ParkSummary> out;
  for (const auto& p : LoadProfiles(*c, std::nullopt)) {
    ParkSummary s;
    s.unit_id = p.unit_id;
    s.unit_name = p.unit_name;
    s.unit_kind = p.unit_kind;
    s.positioning = p.positioning;
    s.leading_industry_ids = p.leading_industry_ids;
    s.profile_saved = p.version > 0;
    for (const auto& k : p.carriers) {
      if (k.status != "available") continue;
      ++s.carriers_available;
      if (k.kind == "land") s.available_land_mu_x100 += k.area_mu_x100;
      if (k.kind == "factory") s.available_factory_m2 += k.floor_area_m2;
    }
    s.can_edit = CheckEditable(*c, who, p.unit_id).has_value();
    out.push_back(std::move(s));
  }
  return out;
}

Result<ParkProfile> ParkService::Get(int64_t unit_id) {
  auto c = db_.Acquire();
  auto all = LoadProfiles(*c, unit_id);
  if (all.empty()) return Fail(NotFound("park not found"));
  return all.front();
}

Result<ParkProfile> ParkService::Save(const auth::Principal& who, ParkProfile p,
                                      const Actor& actor) {
  std::map<std::string, std::string> bad;
  const auto& industries = catalog::Industries::Embedded();
  for (auto [field, codes] :
       {std::pair{"target_codes", &p.target_codes}, std::pair{"excluded_codes", &p.excluded_codes},
        std::pair{"redline_codes", &p.redline_codes}}) {
    if (codes->size() > 50) bad[field] = "too_many";
    for (const auto& code : *codes)
      if (!industries.Find(code)) bad[field] = "invalid_value";
    std::sort(codes->begin(), codes->end());
    codes->erase(std::unique(codes->begin(), codes->end()), codes->end());
  }
  for (int64_t v : {p.min_intensity_yuan_per_mu, p.min_tax_yuan_per_mu, p.min_output_yuan_per_mu,
                    p.power_kva, p.water_t_per_day, p.gas_m3_per_day, p.steam_t_per_hour})
    if (v < 0) bad["min_intensity_yuan_per_mu"] = "invalid_value";
  if (p.contacts.size() > 5) bad["contacts"] = "too_many";
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto before = LoadProfiles(*c, p.unit_id);
  if (before.empty()) return Fail(NotFound("park not found"));
  if (auto st = CheckEditable(*c, who, p.unit_id); !st) return Fail(st.error());
  {
    std::set<int64_t> industries_known, nodes_known;
    for (const auto& li : catalog::CatalogService::ListIn(*c)) {
      industries_known.insert(li.id);
      for (const auto& n : li.nodes) nodes_known.insert(n.id);
    }
    for (int64_t id : p.leading_industry_ids)
      if (!industries_known.count(id)) bad["leading_industry_ids"] = "not_found";
    for (int64_t id : p.chain_node_ids)
      if (!nodes_known.count(id)) bad["chain_node_ids"] = "not_found";
  }
  if (!bad.empty()) return Fail(InvalidArgument(bad));
  const ParkProfile& old = before.front();
  if (old.version != p.version) return Fail(VersionConflict());
  const int64_t now = clock_.NowMs();
  if (old.version == 0) {
    try {
      store::InsertProfile(*c, p, now);
    } catch (const db::DbError& e) {
      if (!e.unique_violation()) throw;
      return Fail(VersionConflict());  // saved first by someone else a moment ago
    }
  } else if (!store::UpdateProfile(*c, p, now)) {
    return Fail(VersionConflict());
  }
  audit::Diff d;
  d.Change("positioning", old.positioning, p.positioning)
      .Change("leading_industry_ids", store::JoinList(old.leading_industry_ids),
              store::JoinList(p.leading_industry_ids))
      .Change("chain_node_ids", store::JoinList(old.chain_node_ids),
              store::JoinList(p.chain_node_ids))
      .Change("target_codes", store::JoinList(old.target_codes), store::JoinList(p.target_codes))
      .Change("excluded_codes", store::JoinList(old.excluded_codes),
              store::JoinList(p.excluded_codes))
      .Change("redline_codes", store::JoinList(old.redline_codes), store::JoinList(p.redline_codes))
      .Change("redline_note", old.redline_note, p.redline_note)
      .Change("min_intensity_yuan_per_mu", Str(old.min_intensity_yuan_per_mu),
              Str(p.min_intensity_yuan_per_mu))
      .Change("min_tax_yuan_per_mu", Str(old.min_tax_yuan_per_mu), Str(p.min_tax_yuan_per_mu))
      .Change("min_output_yuan_per_mu", Str(old.min_output_yuan_per_mu),
              Str(p.min_output_yuan_per_mu))
      .Change("power_kva", Str(old.power_kva), Str(p.power_kva))
      .Change("facilities", old.facilities, p.facilities)
      .Change("policies", old.policies, p.policies)
      .Change("contacts", store::ContactsJson(old.contacts), store::ContactsJson(p.contacts));
  audit::Append(*c, now, actor, {"park.profile", "park", Str(p.unit_id), d.Json()});
  ParkProfile saved = LoadProfiles(*c, p.unit_id).front();
  search::store::Put(*c, DocOf(saved));
  tx.Commit();
  return saved;
}

Status ParkService::ValidateCarrier(const Carrier& k) {
  std::map<std::string, std::string> bad;
  if (k.kind != "land" && k.kind != "factory") bad["kind"] = "invalid_value";
  if (k.name.empty()) bad["name"] = "required";
  if (k.status != "available" && k.status != "reserved" && k.status != "used")
    bad["status"] = "invalid_value";
  if (k.kind == "land" && k.area_mu_x100 <= 0) bad["area_mu_x100"] = "required";
  if (k.kind == "factory" && k.floor_area_m2 <= 0) bad["floor_area_m2"] = "required";
  static const std::set<std::string> kUses = {"industrial", "commercial", "mixed", "other", ""};
  if (!kUses.count(k.land_use)) bad["land_use"] = "invalid_value";
  static const std::set<std::string> kLease = {"rent", "sale", "both", ""};
  if (!kLease.count(k.lease)) bad["lease"] = "invalid_value";
  for (auto [f, v] : {std::pair{"area_mu_x100", k.area_mu_x100},
                      std::pair{"price_yuan_per_mu", k.price_yuan_per_mu},
                      std::pair{"floor_area_m2", k.floor_area_m2}, std::pair{"floors", k.floors},
                      std::pair{"floor_load_kg_m2", k.floor_load_kg_m2},
                      std::pair{"rent_yuan_per_m2_month", k.rent_yuan_per_m2_month},
                      std::pair{"sale_yuan_per_m2", k.sale_yuan_per_m2}})
    if (v < 0) bad[f] = "invalid_value";
  if (!bad.empty()) return Fail(InvalidArgument(bad));
  return {};
}

Result<Carrier> ParkService::AddCarrier(const auth::Principal& who, int64_t unit_id, Carrier k,
                                        const Actor& actor) {
  if (auto st = ValidateCarrier(k); !st) return Fail(st.error());
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto u = org::store::GetUnit(*c, unit_id);
  if (!u || !IsPark(*u)) return Fail(NotFound("park not found"));
  if (auto st = CheckEditable(*c, who, unit_id); !st) return Fail(st.error());
  const int64_t now = clock_.NowMs();
  k.id = store::InsertCarrier(*c, unit_id, k, now);
  k.version = 1;
  audit::Diff d;
  d.Created("kind", k.kind).Created("name", k.name).Created("status", k.status);
  audit::Append(*c, now, actor, {"park.carrier_create", "park_carrier", Str(k.id), d.Json()});
  tx.Commit();
  return k;
}

Result<Carrier> ParkService::UpdateCarrier(const auth::Principal& who, int64_t unit_id, Carrier k,
                                           const Actor& actor) {
  if (auto st = ValidateCarrier(k); !st) return Fail(st.error());
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  if (auto st = CheckEditable(*c, who, unit_id); !st) return Fail(st.error());
  auto found = store::GetCarrier(*c, unit_id, k.id);
  if (!found) return Fail(NotFound("carrier not found"));
  const Carrier old = *found;
  if (!store::UpdateCarrier(*c, k, clock_.NowMs())) return Fail(VersionConflict());
  audit::Diff d;
  d.Change("name", old.name, k.name)
      .Change("status", old.status, k.status)
      .Change("area_mu_x100", Str(old.area_mu_x100), Str(k.area_mu_x100))
      .Change("floor_area_m2", Str(old.floor_area_m2), Str(k.floor_area_m2));
  audit::Append(*c, clock_.NowMs(), actor,
                {"park.carrier_update", "park_carrier", Str(k.id), d.Json()});
  tx.Commit();
  ++k.version;
  return k;
}

Status ParkService::DeleteCarrier(const auth::Principal& who, int64_t unit_id, int64_t id,
                                  int64_t version, const Actor& actor) {
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  if (auto st = CheckEditable(*c, who, unit_id); !st) return Fail(st.error());
  auto before = store::GetCarrier(*c, unit_id, id);
  if (!before) return Fail(NotFound("carrier not found"));
  if (before->version != version) return Fail(VersionConflict());
  store::DeleteCarrier(*c, id);
  audit::Diff d;
  d.Change("name", before->name, std::nullopt);
  audit::Append(*c, clock_.NowMs(), actor,
                {"park.carrier_delete", "park_carrier", Str(id), d.Json()});
  tx.Commit();
  return {};
}

Weights ParkService::GetWeights(int64_t* version) {
  auto c = db_.Acquire();
  return ReadWeights(*c, version);
}

Weights ReadWeights(db::Connection& c, int64_t* version) {
  Weights w;
  auto stored = store::WeightsSetting(c);
  if (version) *version = 0;
  if (!stored) return w;
  boost::system::error_code ec;
  auto v = json::parse(*stored, ec);
  if (ec || !v.is_object()) return w;
  auto get = [&](const char* k, int& out) {
    if (auto* x = v.as_object().if_contains(k); x && x->is_int64())
      out = static_cast<int>(x->as_int64());
  };
  get("industry", w.industry);
  get("carrier", w.carrier);
  get("threshold", w.threshold);
  get("utility", w.utility);
  if (version)
    if (auto* x = v.as_object().if_contains("version"); x && x->is_int64())
      *version = x->as_int64();
  return w;
}

Status ParkService::SaveWeights(const Weights& w, int64_t version, const Actor& actor) {
  std::map<std::string, std::string> bad;
  for (auto [k, v] : {std::pair{"industry", w.industry}, std::pair{"carrier", w.carrier},
                      std::pair{"threshold", w.threshold}, std::pair{"utility", w.utility}})
    if (v < 0 || v > 100) bad[k] = "invalid_value";
  if (w.industry + w.carrier + w.threshold + w.utility == 0) bad["industry"] = "invalid_value";
  if (!bad.empty()) return Fail(InvalidArgument(bad));
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  int64_t current = 0;
  const Weights old = ReadWeights(*c, &current);
  if (current != version) return Fail(VersionConflict());
  const std::string body = json::serialize(json::object{{"industry", w.industry},
                                                        {"carrier", w.carrier},
                                                        {"threshold", w.threshold},
                                                        {"utility", w.utility},
                                                        {"version", version + 1}});
  store::SaveWeightsSetting(*c, body);
  audit::Diff d;
  d.Change("industry", Str(old.industry), Str(w.industry))
      .Change("carrier", Str(old.carrier), Str(w.carrier))
      .Change("threshold", Str(old.threshold), Str(w.threshold))
      .Change("utility", Str(old.utility), Str(w.utility));
  audit::Append(*c, clock_.NowMs(), actor,
                {"matching.weights", "settings", "matching.weights", d.Json()});
  tx.Commit();
  return {};
}

std::vector<Fit> ParkService::Match(const Needs& needs) {
  auto c = db_.Acquire();
  return Match(*c, needs);
}

std::vector<Fit> ParkService::Match(db::Connection& c, const Needs& needs) {
  const Weights w = ReadWeights(c, nullptr);
  const auto chains = catalog::CatalogService::ListIn(c);
  std::vector<Fit> out;
  for (const auto& p : LoadProfiles(c, std::nullopt)) out.push_back(Score(p, needs, w, chains));
  Rank(out);
  return out;
}

std::vector<search::Doc> ParkService::SearchDocs(db::Connection& c) {
  std::vector<search::Doc> out;
  for (const auto& p : LoadProfiles(c, std::nullopt))
    if (p.version > 0) out.push_back(DocOf(p));
  return out;
}

}  // namespace zhaoshang::matching
