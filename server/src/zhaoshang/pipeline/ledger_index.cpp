#include "zhaoshang/pipeline/ledger_index.hpp"

#include <algorithm>
#include <limits>

#include "zhaoshang/pipeline/workflow.hpp"

namespace zhaoshang::pipeline {

int32_t PackDate(const std::string& iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return 0;
  int32_t v = 0;
  for (size_t i = 0; i < iso.size(); ++i) {
    if (i == 4 || i == 7) continue;
    if (iso[i] < '0' || iso[i] > '9') return 0;
    v = v * 10 + (iso[i] - '0');
  }
  return v;
}

namespace {
constexpr int64_t kNullKey = std::numeric_limits<int64_t>::max();

// Units as a bitmap by id, for the three unit columns tested on every row.
std::vector<char> UnitMask(const std::set<int64_t>& units) {
  std::vector<char> mask;
  for (int64_t u : units) {
    if (u < 0 || u > std::numeric_limits<int32_t>::max()) continue;
    if (static_cast<size_t>(u) >= mask.size()) mask.resize(static_cast<size_t>(u) + 1, 0);
    mask[static_cast<size_t>(u)] = 1;
  }
  return mask;
}

bool InMask(const std::vector<char>& mask, int32_t id) {
  return id > 0 && static_cast<size_t>(id) < mask.size() && mask[static_cast<size_t>(id)];
}
}  // namespace

struct LedgerIndex::Compiled {
  bool nothing = false;  // a condition no entry can meet (an unknown stage only, …)
  uint32_t stages = 0;   // bit per stage; 0 = any
  int industry_level = 0;
  char section = 0;
  std::string digits;
  std::optional<int64_t> leading, district, park;
  bool by_reporting = false;
  std::vector<char> reporting;
  uint32_t bands = 0;
  std::optional<int64_t> created_from, created_to;
  int32_t signed_from = 0, signed_to = 0, overdue_before = 0, deadline_from = 0, deadline_to = 0;
  bool units_scope = false;
  std::vector<char> scope_units;
  std::optional<int64_t> self_user, promoter;
  int key = kCreated;
  bool ascending = false;
};

bool LedgerIndex::Serves(const ProjectFilter& f) { return f.q.empty() && f.sort != "name"; }

int64_t LedgerIndex::KeyOf(const LedgerEntry& e, int k) {
  switch (k) {
    case kTotal:
      return e.total_investment;
    case kStageSince:
      return e.stage_since;
    case kDeadline:
      return e.step_deadline == 0 ? kNullKey : e.step_deadline;
    default:
      return e.created_at;
  }
}

bool LedgerIndex::Less(int k, int32_t a, int32_t b) const {
  const LedgerEntry &x = entries_[static_cast<size_t>(a)], &y = entries_[static_cast<size_t>(b)];
  int64_t kx = KeyOf(x, k), ky = KeyOf(y, k);
  return kx != ky ? kx < ky : x.id < y.id;
}

void LedgerIndex::InsertOrdered(int32_t slot) {
  for (int k = 0; k < kKeys; ++k) {
    auto& o = orders_[static_cast<size_t>(k)];
    o.insert(std::lower_bound(o.begin(), o.end(), slot,
                              [&](int32_t a, int32_t b) { return Less(k, a, b); }),
             slot);
  }
}

void LedgerIndex::EraseOrdered(int32_t slot) {
  for (int k = 0; k < kKeys; ++k) {
    auto& o = orders_[static_cast<size_t>(k)];
    auto it = std::lower_bound(o.begin(), o.end(), slot,
                               [&](int32_t a, int32_t b) { return Less(k, a, b); });
    if (it != o.end() && *it == slot) o.erase(it);
  }
}

void LedgerIndex::RebuildOrders() {
  std::vector<int32_t> live;
  live.reserve(live_);
  for (size_t s = 0; s < entries_.size(); ++s)
    if (entries_[s].id != 0) live.push_back(static_cast<int32_t>(s));
  for (int k = 0; k < kKeys; ++k) {
    auto& o = orders_[static_cast<size_t>(k)];
    o = live;
    std::sort(o.begin(), o.end(), [&](int32_t a, int32_t b) { return Less(k, a, b); });
  }
}

void LedgerIndex::SetPromoters(int32_t slot, std::vector<int32_t> promoters) {
  LedgerEntry& e = entries_[static_cast<size_t>(slot)];
  auto unlink = [&](int32_t user) {
    auto it = by_promoter_.find(user);
    if (it == by_promoter_.end()) return;
    auto& v = it->second;
    v.erase(std::remove(v.begin(), v.end(), slot), v.end());
    if (v.empty()) by_promoter_.erase(it);
  };
  if (e.promoter) unlink(e.promoter);
  if (auto it = more_promoters_.find(slot); it != more_promoters_.end()) {
    for (int32_t u : it->second) unlink(u);
    more_promoters_.erase(it);
  }
  std::sort(promoters.begin(), promoters.end());
  promoters.erase(std::unique(promoters.begin(), promoters.end()), promoters.end());
  e.promoter = promoters.empty() ? 0 : promoters[0];
  for (int32_t u : promoters) by_promoter_[u].push_back(slot);
  if (promoters.size() > 1)
    more_promoters_[slot] = std::vector<int32_t>(promoters.begin() + 1, promoters.end());
}

void LedgerIndex::Store(LedgerInput in) {
  const int64_t id = in.entry.id;
  if (static_cast<size_t>(id) >= slot_of_.size()) slot_of_.resize(static_cast<size_t>(id) + 1, -1);
  int32_t& slot = slot_of_[static_cast<size_t>(id)];
  if (slot < 0) {
    slot = static_cast<int32_t>(entries_.size());
    entries_.emplace_back();
    ++live_;
  }
  LedgerEntry& e = entries_[static_cast<size_t>(slot)];
  const int32_t keep_promoter = e.promoter;
  e = in.entry;
  e.promoter = keep_promoter;  // SetPromoters unlinks the old one first
  SetPromoters(slot, std::move(in.promoters));
}

void LedgerIndex::Reset(std::vector<LedgerInput> entries) {
  entries_.clear();
  slot_of_.clear();
  more_promoters_.clear();
  by_promoter_.clear();
  live_ = 0;
  entries_.reserve(entries.size());
  for (auto& in : entries)
    if (in.entry.id > 0) Store(std::move(in));
  RebuildOrders();
}

void LedgerIndex::Upsert(std::vector<LedgerInput> entries, const std::vector<int64_t>& gone) {
  // Past a few thousand changes one sort is cheaper than moving each entry in four orders.
  const bool bulk = entries.size() + gone.size() > 2000;
  auto slot_of = [&](int64_t id) -> int32_t {
    return id > 0 && static_cast<size_t>(id) < slot_of_.size() ? slot_of_[static_cast<size_t>(id)]
                                                               : -1;
  };
  for (int64_t id : gone) {
    int32_t slot = slot_of(id);
    if (slot < 0) continue;
    if (!bulk) EraseOrdered(slot);
    SetPromoters(slot, {});
    entries_[static_cast<size_t>(slot)] = LedgerEntry{};
    slot_of_[static_cast<size_t>(id)] = -1;
    --live_;
  }
  for (auto& in : entries) {
    const int64_t id = in.entry.id;
    if (id <= 0) continue;
    if (int32_t slot = slot_of(id); slot >= 0 && !bulk) EraseOrdered(slot);
    Store(std::move(in));
    if (!bulk) InsertOrdered(slot_of(id));
  }
  if (bulk) RebuildOrders();
}

template <typename Fn>
void LedgerIndex::ForEachCandidate(const Compiled& c, Fn fn) const {
  const std::vector<int32_t>* narrow = nullptr;
  auto of_user = [&](int64_t user) -> const std::vector<int32_t>* {
    static const std::vector<int32_t> kNone;
    if (user <= 0 || user > std::numeric_limits<int32_t>::max()) return &kNone;
    auto it = by_promoter_.find(static_cast<int32_t>(user));
    return it == by_promoter_.end() ? &kNone : &it->second;
  };
  if (c.self_user) narrow = of_user(*c.self_user);
  if (c.promoter) {
    auto* p = of_user(*c.promoter);
    if (!narrow || p->size() < narrow->size()) narrow = p;
  }
  if (narrow) {
    for (int32_t s : *narrow) fn(s);
    return;
  }
  for (size_t s = 0; s < entries_.size(); ++s)
    if (entries_[s].id != 0) fn(static_cast<int32_t>(s));
}

LedgerIndex::Compiled LedgerIndex::Compile(const ProjectScope& scope, const ProjectFilter& f) {
  Compiled c;
  // Compile: every condition of store::Where, in the same meaning.
  if (!f.stages.empty()) {
    for (const auto& s : f.stages)
      if (auto st = ParseStage(s)) {
        const auto& all = AllStages();
        c.stages |= 1u << (std::find(all.begin(), all.end(), *st) - all.begin());
      }
    if (c.stages == 0) c.nothing = true;
  }
  if (!f.industry_code.empty()) {
    c.industry_level = f.industry_level;
    if (f.industry_level <= 1)
      c.section = f.industry_code[0];
    else
      c.digits = f.industry_code;
  }
  c.leading = f.leading_industry_id;
  c.district = f.district_id;
  c.park = f.park_id;
  c.promoter = f.promoter_id;
  // Empty columns are 0 here but NULL in SQL, where "= 0" matches nothing.
  for (const auto* id : {&c.leading, &c.district, &c.park, &c.promoter})
    if (*id && **id <= 0) c.nothing = true;
  if (f.reporting_units) {
    c.by_reporting = true;
    c.reporting = UnitMask(*f.reporting_units);
  }
  for (int b : f.bands)
    if (b >= 0 && b < 32) c.bands |= 1u << b;
  c.created_from = f.reported_from_ms;
  c.created_to = f.reported_to_ms;
  if (f.signed_from) c.signed_from = PackDate(*f.signed_from);
  if (f.signed_to) c.signed_to = PackDate(*f.signed_to);
  if (f.overdue_before) c.overdue_before = PackDate(*f.overdue_before);
  if (f.deadline_from) c.deadline_from = PackDate(*f.deadline_from);
  if (f.deadline_to) c.deadline_to = PackDate(*f.deadline_to);
  if ((f.signed_from && !c.signed_from) || (f.signed_to && !c.signed_to) ||
      (f.overdue_before && !c.overdue_before) || (f.deadline_from && !c.deadline_from) ||
      (f.deadline_to && !c.deadline_to))
    c.nothing = true;
  if (scope.kind == ProjectScope::Kind::kSelf) c.self_user = scope.user_id;
  if (scope.kind == ProjectScope::Kind::kUnits) {
    c.units_scope = true;
    c.scope_units = UnitMask(scope.units);
  }
  static const std::map<std::string, int> kKeyOf = {{"created_at", kCreated},
                                                    {"total_investment", kTotal},
                                                    {"stage_since", kStageSince},
                                                    {"step_deadline", kDeadline}};
  auto key = kKeyOf.find(f.sort);
  c.key = key == kKeyOf.end() ? kCreated : key->second;
  c.ascending = f.ascending;

  return c;
}

bool LedgerIndex::IsPromoter(int32_t slot, int64_t user) const {
  const LedgerEntry& e = entries_[static_cast<size_t>(slot)];
  if (e.promoter == user) return true;
  auto it = more_promoters_.find(slot);
  return it != more_promoters_.end() &&
         std::find(it->second.begin(), it->second.end(), user) != it->second.end();
}

bool LedgerIndex::Matches(const Compiled& c, int32_t slot) const {
  const LedgerEntry& e = entries_[static_cast<size_t>(slot)];
  if (c.stages && !(c.stages & (1u << e.stage))) return false;
  if (c.industry_level == 1 && e.section != c.section) return false;
  if (!c.digits.empty() && (c.digits.size() > e.digits.size() ||
                            std::string_view(e.digits.data(), c.digits.size()) != c.digits))
    return false;
  if (c.leading && e.leading_industry != *c.leading) return false;
  if (c.district && e.district != *c.district) return false;
  if (c.park && e.receiving != *c.park) return false;
  if (c.by_reporting && !InMask(c.reporting, e.reporting)) return false;
  if (c.bands && !(c.bands & (1u << e.band))) return false;
  if (c.created_from && e.created_at < *c.created_from) return false;
  if (c.created_to && e.created_at >= *c.created_to) return false;
  if (c.signed_from && (e.signing == 0 || e.signing < c.signed_from)) return false;
  if (c.signed_to && (e.signing == 0 || e.signing > c.signed_to)) return false;
  if (c.overdue_before && (e.step_deadline == 0 || e.step_deadline >= c.overdue_before))
    return false;
  if (c.deadline_from && (e.step_deadline == 0 || e.step_deadline < c.deadline_from)) return false;
  if (c.deadline_to && (e.step_deadline == 0 || e.step_deadline > c.deadline_to)) return false;
  if (c.units_scope && !InMask(c.scope_units, e.reporting) && !InMask(c.scope_units, e.receiving) &&
      !InMask(c.scope_units, e.responsible))
    return false;
  if (c.self_user && !IsPromoter(slot, *c.self_user)) return false;
  if (c.promoter && !IsPromoter(slot, *c.promoter)) return false;
  return true;
}

std::vector<int64_t> LedgerIndex::Page(const ProjectScope& scope, const ProjectFilter& f,
                                       int64_t* total) const {
  const Compiled c = Compile(scope, f);
  auto matches = [&](int32_t s) { return Matches(c, s); };
  if (c.nothing) {
    if (total) *total = 0;
    return {};
  }
  const size_t offset = static_cast<size_t>(std::max<int64_t>(0, f.offset));
  const size_t limit = static_cast<size_t>(std::max<int64_t>(0, f.limit));
  std::vector<int64_t> out;
  // The ledger order: key in the requested direction, then id in the same direction; projects
  // without a deadline last either way.
  auto before = [&](int32_t a, int32_t b) {
    const LedgerEntry &x = entries_[static_cast<size_t>(a)], &y = entries_[static_cast<size_t>(b)];
    int64_t kx = KeyOf(x, c.key), ky = KeyOf(y, c.key);
    bool nx = kx == kNullKey, ny = ky == kNullKey;
    if (nx != ny) return ny;
    if (kx != ky) return c.ascending ? kx < ky : kx > ky;
    return c.ascending ? x.id < y.id : x.id > y.id;
  };
  if (c.self_user || c.promoter) {
    // A promoter's projects: few enough to filter and sort directly.
    std::vector<int32_t> hit;
    ForEachCandidate(c, [&](int32_t s) {
      if (matches(s)) hit.push_back(s);
    });
    if (total) *total = static_cast<int64_t>(hit.size());
    if (offset >= hit.size()) return out;
    const size_t end = std::min(hit.size(), offset + limit);
    std::partial_sort(hit.begin(), hit.begin() + static_cast<std::ptrdiff_t>(end), hit.end(),
                      before);
    for (size_t i = offset; i < end; ++i) out.push_back(entries_[static_cast<size_t>(hit[i])].id);
    return out;
  }
  if (total) {
    int64_t n = 0;
    ForEachCandidate(c, [&](int32_t s) { n += matches(s) ? 1 : 0; });
    *total = n;
  }
  // Walk the presorted order until the page is full.
  const auto& o = orders_[static_cast<size_t>(c.key)];
  const size_t split = static_cast<size_t>(
      std::partition_point(
          o.begin(), o.end(),
          [&](int32_t s) { return KeyOf(entries_[static_cast<size_t>(s)], c.key) != kNullKey; }) -
      o.begin());
  size_t seen = 0;
  auto visit = [&](int32_t s) {
    if (!matches(s)) return true;
    if (seen++ >= offset) out.push_back(entries_[static_cast<size_t>(s)].id);
    return out.size() < limit;
  };
  if (limit == 0) return out;
  if (c.ascending) {
    for (size_t i = 0; i < o.size(); ++i)
      if (!visit(o[i])) break;
  } else {
    bool more = true;
    for (size_t i = split; more && i > 0; --i) more = visit(o[i - 1]);
    for (size_t i = o.size(); more && i > split; --i) more = visit(o[i - 1]);
  }
  return out;
}

std::map<std::string, int64_t> LedgerIndex::CountByStage(const ProjectScope& scope,
                                                         const ProjectFilter& f) const {
  std::map<std::string, int64_t> out;
  const Compiled c = Compile(scope, f);
  if (c.nothing) return out;
  const auto& all = AllStages();
  std::vector<int64_t> n(all.size(), 0);
  ForEachCandidate(c, [&](int32_t s) {
    if (Matches(c, s)) ++n[entries_[static_cast<size_t>(s)].stage];
  });
  for (size_t i = 0; i < all.size(); ++i)
    if (n[i]) out[std::string(StageName(all[i]))] = n[i];
  return out;
}

}  // namespace zhaoshang::pipeline
