-- Park profiles (我有什么、我要什么), carriers, routing with accept/decline, pre-review panels.
CREATE TABLE park_profiles (
  unit_id BIGINT PRIMARY KEY REFERENCES org_units(id),
  positioning TEXT NOT NULL DEFAULT '',
  leading_industry_ids TEXT NOT NULL DEFAULT '',
  chain_node_ids TEXT NOT NULL DEFAULT '',
  target_codes TEXT NOT NULL DEFAULT '',
  excluded_codes TEXT NOT NULL DEFAULT '',
  redline_codes TEXT NOT NULL DEFAULT '',
  redline_note TEXT NOT NULL DEFAULT '',
  min_intensity_yuan_per_mu BIGINT NOT NULL DEFAULT 0,
  min_tax_yuan_per_mu BIGINT NOT NULL DEFAULT 0,
  min_output_yuan_per_mu BIGINT NOT NULL DEFAULT 0,
  power_kva BIGINT NOT NULL DEFAULT 0,
  water_t_per_day BIGINT NOT NULL DEFAULT 0,
  gas_m3_per_day BIGINT NOT NULL DEFAULT 0,
  steam_t_per_hour BIGINT NOT NULL DEFAULT 0,
  facilities TEXT NOT NULL DEFAULT '',
  policies TEXT NOT NULL DEFAULT '',
  contacts TEXT NOT NULL DEFAULT '[]',
  updated_at BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE park_carriers (
  id {{pk}},
  unit_id BIGINT NOT NULL REFERENCES org_units(id),
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  status TEXT NOT NULL,
  area_mu_x100 BIGINT NOT NULL DEFAULT 0,
  land_use TEXT NOT NULL DEFAULT '',
  price_yuan_per_mu BIGINT NOT NULL DEFAULT 0,
  floor_area_m2 BIGINT NOT NULL DEFAULT 0,
  floors BIGINT NOT NULL DEFAULT 0,
  floor_load_kg_m2 BIGINT NOT NULL DEFAULT 0,
  lease TEXT NOT NULL DEFAULT '',
  rent_yuan_per_m2_month BIGINT NOT NULL DEFAULT 0,
  sale_yuan_per_m2 BIGINT NOT NULL DEFAULT 0,
  ready_date TEXT,
  note TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX park_carriers_unit ON park_carriers(unit_id);

CREATE TABLE routings (
  id {{pk}},
  project_id BIGINT NOT NULL REFERENCES projects(id),
  park_id BIGINT NOT NULL REFERENCES org_units(id),
  reporting_unit_id BIGINT NOT NULL REFERENCES org_units(id),
  note TEXT NOT NULL DEFAULT '',
  routed_by BIGINT NOT NULL REFERENCES users(id),
  routed_unit_id BIGINT NOT NULL REFERENCES org_units(id),
  routed_at BIGINT NOT NULL,
  deadline TEXT NOT NULL,
  status TEXT NOT NULL,
  reason_code TEXT,
  reason TEXT,
  decided_by BIGINT REFERENCES users(id),
  decided_at BIGINT,
  fit_score INTEGER
);
CREATE INDEX routings_project ON routings(project_id);
CREATE INDEX routings_park ON routings(park_id, status);
ALTER TABLE projects ADD COLUMN pending_routing_id BIGINT;

CREATE TABLE review_panels (
  id {{pk}},
  name TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  quorum_num INTEGER NOT NULL DEFAULT 2,
  quorum_den INTEGER NOT NULL DEFAULT 3,
  approve_num INTEGER NOT NULL DEFAULT 2,
  approve_den INTEGER NOT NULL DEFAULT 3,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE TABLE review_panel_members (
  panel_id BIGINT NOT NULL REFERENCES review_panels(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  category TEXT NOT NULL,
  PRIMARY KEY (panel_id, user_id)
);
-- A round copies its panel's members and rule when it opens: later panel edits do not move
-- the quorum of a round under way.
CREATE TABLE review_rounds (
  id {{pk}},
  panel_id BIGINT NOT NULL REFERENCES review_panels(id),
  title TEXT NOT NULL,
  deadline TEXT NOT NULL,
  status TEXT NOT NULL,
  quorum_num INTEGER NOT NULL,
  quorum_den INTEGER NOT NULL,
  approve_num INTEGER NOT NULL,
  approve_den INTEGER NOT NULL,
  criteria TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  closed_at BIGINT,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE TABLE review_round_members (
  round_id BIGINT NOT NULL REFERENCES review_rounds(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  category TEXT NOT NULL,
  PRIMARY KEY (round_id, user_id)
);
CREATE INDEX review_round_members_user ON review_round_members(user_id);
CREATE TABLE review_items (
  round_id BIGINT NOT NULL REFERENCES review_rounds(id),
  project_id BIGINT NOT NULL REFERENCES projects(id),
  position INTEGER NOT NULL,
  removed INTEGER NOT NULL DEFAULT 0,
  outcome TEXT,
  decision TEXT,
  decided_at BIGINT,
  PRIMARY KEY (round_id, project_id)
);
CREATE INDEX review_items_project ON review_items(project_id);
CREATE TABLE review_sheets (
  round_id BIGINT NOT NULL REFERENCES review_rounds(id),
  project_id BIGINT NOT NULL REFERENCES projects(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  recused INTEGER NOT NULL DEFAULT 0,
  scores TEXT NOT NULL DEFAULT '{}',
  weighted INTEGER NOT NULL DEFAULT 0,
  vote TEXT NOT NULL DEFAULT '',
  reason_codes TEXT NOT NULL DEFAULT '',
  questions TEXT NOT NULL DEFAULT '',
  comment TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (round_id, project_id, user_id)
);
