-- Catalog (GB/T 4754-2017, leading industries and chain nodes) and the project pipeline.
CREATE TABLE industries (
  code TEXT PRIMARY KEY,
  level INTEGER NOT NULL,
  parent TEXT,
  name TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);

-- 首位产业 and the nodes of its chain, each mapped to GB/T codes (semicolon-separated).
CREATE TABLE leading_industries (
  id {{pk}},
  name TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0,
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE chain_nodes (
  id {{pk}},
  leading_industry_id BIGINT NOT NULL REFERENCES leading_industries(id),
  segment TEXT NOT NULL,
  name TEXT NOT NULL,
  codes TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX chain_nodes_industry ON chain_nodes(leading_industry_id);

CREATE TABLE projects (
  id {{pk}},
  name TEXT NOT NULL,
  investor_name TEXT NOT NULL,
  investor_norm TEXT NOT NULL,
  uscc TEXT,
  investor_origin TEXT NOT NULL DEFAULT '',
  is_foreign INTEGER NOT NULL DEFAULT 0,
  industry_code TEXT NOT NULL REFERENCES industries(code),
  industry_section TEXT NOT NULL,
  industry_division TEXT NOT NULL DEFAULT '',
  industry_group TEXT NOT NULL DEFAULT '',
  chain_node_id BIGINT REFERENCES chain_nodes(id),
  leading_industry_id BIGINT REFERENCES leading_industries(id),
  total_investment BIGINT NOT NULL DEFAULT 0,
  fixed_investment BIGINT NOT NULL DEFAULT 0,
  investment_band INTEGER NOT NULL DEFAULT 0,
  land_mu_x100 BIGINT NOT NULL DEFAULT 0,
  building_m2 BIGINT NOT NULL DEFAULT 0,
  power_kva BIGINT NOT NULL DEFAULT 0,
  jobs BIGINT NOT NULL DEFAULT 0,
  annual_output BIGINT NOT NULL DEFAULT 0,
  annual_tax BIGINT NOT NULL DEFAULT 0,
  source_channel TEXT NOT NULL,
  reporting_unit_id BIGINT NOT NULL REFERENCES org_units(id),
  promoter_id BIGINT NOT NULL REFERENCES users(id),
  preferred_unit_id BIGINT REFERENCES org_units(id),
  description TEXT NOT NULL DEFAULT '',
  stage TEXT NOT NULL,
  stage_since BIGINT NOT NULL,
  stage_before TEXT,
  responsible_user_id BIGINT REFERENCES users(id),
  responsible_unit_id BIGINT NOT NULL REFERENCES org_units(id),
  step_deadline TEXT,
  receiving_unit_id BIGINT REFERENCES org_units(id),
  district_id BIGINT REFERENCES org_units(id),
  signing_date TEXT,
  contracted_investment BIGINT,
  construction_date TEXT,
  production_date TEXT,
  capital_in_place BIGINT NOT NULL DEFAULT 0,
  close_reason_code TEXT,
  close_reason TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX projects_stage ON projects(stage, created_at);
CREATE INDEX projects_created ON projects(created_at);
CREATE INDEX projects_uscc ON projects(uscc);
CREATE INDEX projects_norm ON projects(investor_norm);
CREATE INDEX projects_receiving ON projects(receiving_unit_id);
CREATE INDEX projects_reporting ON projects(reporting_unit_id);
CREATE INDEX projects_responsible ON projects(responsible_unit_id);
CREATE INDEX projects_industry ON projects(industry_division, industry_code);
-- Covers the ledger's usual filters and sorts, so they are answered from the index alone.
CREATE INDEX projects_ledger ON projects(stage, industry_section, investment_band, total_investment, created_at);

-- Personal data of investor contacts: masked for anyone outside the project's scope.
CREATE TABLE project_contacts (
  id {{pk}},
  project_id BIGINT NOT NULL REFERENCES projects(id),
  name TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT ''
);
CREATE INDEX project_contacts_project ON project_contacts(project_id);

-- The credit ledger (首报负责制): the first reporter and the co-promoters who joined later.
CREATE TABLE project_promoters (
  project_id BIGINT NOT NULL REFERENCES projects(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  unit_id BIGINT NOT NULL REFERENCES org_units(id),
  kind TEXT NOT NULL,
  joined_at BIGINT NOT NULL,
  PRIMARY KEY (project_id, user_id)
);
CREATE INDEX project_promoters_user ON project_promoters(user_id);

-- Character bigrams of the normalised investor name: candidates for the collision check.
CREATE TABLE investor_grams (
  gram TEXT NOT NULL,
  project_id BIGINT NOT NULL REFERENCES projects(id),
  PRIMARY KEY (gram, project_id)
);
CREATE INDEX investor_grams_project ON investor_grams(project_id);
-- How many projects carry each bigram: the collision check searches by the rare ones.
CREATE TABLE investor_gram_stats (
  gram TEXT PRIMARY KEY,
  projects BIGINT NOT NULL
);

CREATE TABLE project_events (
  id {{pk}},
  project_id BIGINT NOT NULL REFERENCES projects(id),
  at BIGINT NOT NULL,
  kind TEXT NOT NULL,
  actor_id BIGINT REFERENCES users(id),
  from_stage TEXT,
  to_stage TEXT,
  reason_code TEXT,
  reason TEXT,
  detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX project_events_project ON project_events(project_id, at);

CREATE TABLE activities (
  id {{pk}},
  project_id BIGINT NOT NULL REFERENCES projects(id),
  kind TEXT NOT NULL,
  activity_date TEXT NOT NULL,
  participants TEXT NOT NULL DEFAULT '',
  summary TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL DEFAULT '',
  next_action_date TEXT,
  amount BIGINT,
  actor_id BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX activities_project ON activities(project_id, activity_date);
