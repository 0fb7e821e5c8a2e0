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
// A round trip to the database (readiness probes).
void Ping(Connection& c);

}  // namespace zhaoshang::db
