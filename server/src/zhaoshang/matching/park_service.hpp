#pragma once
// Park profiles and carriers (园区画像), the matching weights, and matching a project's needs
// against every park.
#include <optional>
#include <string>
#include <vector>

#include "zhaoshang/audit/audit_log.hpp"
#include "zhaoshang/auth/principal.hpp"
#include "zhaoshang/core/clock.hpp"
#include "zhaoshang/core/error.hpp"
#include "zhaoshang/db/database.hpp"
#include "zhaoshang/matching/fit.hpp"
#include "zhaoshang/search/search_types.hpp"

namespace zhaoshang::pipeline {
struct Project;
}

namespace zhaoshang::matching {

Needs NeedsOf(const pipeline::Project& p);

// The search index's name for a park card.
inline constexpr const char* kParkSearchKind = "park";
Weights ReadWeights(db::Connection& c, int64_t* version);

class ParkService {
 public:
  ParkService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  std::vector<ParkSummary> List(const auth::Principal& who);
  // Not a park or district → not_found. A park never saved has version 0.
  Result<ParkProfile> Get(int64_t unit_id);
  // Replaces the profile fields (not the carriers); p.version is the version read.
  Result<ParkProfile> Save(const auth::Principal& who, ParkProfile p, const Actor& actor);
  Result<Carrier> AddCarrier(const auth::Principal& who, int64_t unit_id, Carrier k,
                             const Actor& actor);
  // k.id and k.version name the carrier and the version read.
  Result<Carrier> UpdateCarrier(const auth::Principal& who, int64_t unit_id, Carrier k,
                                const Actor& actor);
  Status DeleteCarrier(const auth::Principal& who, int64_t unit_id, int64_t id, int64_t version,
                       const Actor& actor);
  bool CanEdit(const auth::Principal& who, int64_t unit_id);
  // The search index's view of the saved park cards.
  static std::vector<search::Doc> SearchDocs(db::Connection& c);

  Weights GetWeights(int64_t* version = nullptr);
  Status SaveWeights(const Weights& w, int64_t version, const Actor& actor);

  // Every park scored for these needs, ranked.
  std::vector<Fit> Match(const Needs& needs);
  std::vector<Fit> Match(db::Connection& c, const Needs& needs);

 private:
  Status CheckEditable(db::Connection& c, const auth::Principal& who, int64_t unit_id);
  Status ValidateCarrier(const Carrier& k);

  db::Database& db_;
  const Clock& clock_;
};

}  // namespace zhaoshang::matching
