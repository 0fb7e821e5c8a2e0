#pragma once
// 园区画像: park profiles ("what we have, what we want"), their carriers (land parcels,
// standard factories), what a project needs, and the matching weights.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace zhaoshang::matching {

struct Carrier {
  int64_t id = 0;
  std::string kind = "land";               // land | factory
  std::string name, status = "available";  // available | reserved | used
  int64_t area_mu_x100 = 0;
  std::string land_use = "industrial";
  int64_t price_yuan_per_mu = 0;
  int64_t floor_area_m2 = 0, floors = 0, floor_load_kg_m2 = 0;
  std::string lease = "rent";
  int64_t rent_yuan_per_m2_month = 0, sale_yuan_per_m2 = 0;
  std::optional<std::string> ready_date;
  std::string note;
  int64_t version = 1;
};

struct ParkContact {
  std::string name, phone, title;
};

struct ParkProfile {
  int64_t unit_id = 0;
  std::string unit_name, unit_kind;
  std::string positioning;
  std::vector<int64_t> leading_industry_ids, chain_node_ids;
  std::vector<std::string> target_codes, excluded_codes, redline_codes;
  std::string redline_note;
  int64_t min_intensity_yuan_per_mu = 0, min_tax_yuan_per_mu = 0, min_output_yuan_per_mu = 0;
  int64_t power_kva = 0, water_t_per_day = 0, gas_m3_per_day = 0, steam_t_per_hour = 0;
  std::string facilities, policies;
  std::vector<ParkContact> contacts;
  std::vector<Carrier> carriers;
  int64_t updated_at = 0, version = 0;
};

// What a project needs, from its form or record.
struct Needs {
  std::string industry_code;
  std::optional<int64_t> chain_node_id, leading_industry_id;
  int64_t fixed_investment = 0, land_mu_x100 = 0, building_m2 = 0, power_kva = 0;
  int64_t annual_tax = 0, annual_output = 0;
};

struct Weights {
  int industry = 40, carrier = 25, threshold = 25, utility = 10;
};

struct ParkSummary {
  int64_t unit_id = 0;
  std::string unit_name, unit_kind, positioning;
  int64_t available_land_mu_x100 = 0, available_factory_m2 = 0, carriers_available = 0;
  std::vector<int64_t> leading_industry_ids;
  bool profile_saved = false, can_edit = false;
};

}  // namespace zhaoshang::matching
