#pragma once
// The settings table: one text value per key. Each key belongs to one module (its prefix says
// which: "routing_days" and "stage_deadline.*" pipeline, "matching.weights" matching,
// "review.criteria" review, "demo" the App); a module reads and writes only its own keys.
#include <optional>
#include <string>

namespace zhaoshang::db {

class Connection;

std::optional<std::string> GetSetting(Connection& c, const std::string& key);
// Inserts or replaces, inside the caller's transaction if any.
void PutSetting(Connection& c, const std::string& key, const std::string& value);
// Adds one to a counter kept as a setting (a missing key becomes "1"), atomically: two writers
// never read the same value (a module's revision mark, e.g. "policies.revision").
void BumpSetting(Connection& c, const std::string& key);
// A round trip to the database (readiness probes).
void Ping(Connection& c);

}  // namespace zhaoshang::db
