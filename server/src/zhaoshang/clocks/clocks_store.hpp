#pragma once
// All SQL of the clocks module: calendar_days, and its keys of the settings table
// ("clock.<kind>": a clock's duration in working days).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "zhaoshang/clocks/working_days.hpp"
#include "zhaoshang/db/database.hpp"

namespace zhaoshang::clocks::store {

// Every marked day, in date order.
std::vector<MarkedDay> MarkedDays(db::Connection& c);
// The marked days of one year.
std::vector<MarkedDay> MarkedDaysOf(db::Connection& c, int year);
std::optional<MarkedDay> MarkedDayOn(db::Connection& c, const std::string& date);
void PutMarkedDay(db::Connection& c, const MarkedDay& d, std::optional<int64_t> by, int64_t now);
void DeleteMarkedDay(db::Connection& c, const std::string& date);
// Deletes the marked days of these years; returns how many went.
int64_t DeleteYears(db::Connection& c, const std::vector<int>& years);
bool AnyMarkedDay(db::Connection& c);

// Durations set in settings, by clock kind (kinds without a setting are absent).
std::map<std::string, int> Durations(db::Connection& c);
void SaveDuration(db::Connection& c, const std::string& kind, int days);

}  // namespace zhaoshang::clocks::store
