-- Issue 13.2: the policy library (政策库). The conditions and grants are held as lists in text
-- columns (comma lists of codes and unit ids, grants as JSON): they are read whole, by the matcher,
-- never filtered on in SQL.
CREATE TABLE policies (
  id {{pk}},
  title TEXT NOT NULL,
  issuer TEXT NOT NULL,
  doc_number TEXT NOT NULL DEFAULT '',
  level TEXT NOT NULL CHECK (level IN ('national', 'provincial', 'city', 'district', 'park')),
  effective_from TEXT NOT NULL,
  expires_on TEXT,
  owner_unit_id BIGINT NOT NULL REFERENCES org_units(id),
  industry_codes TEXT NOT NULL DEFAULT '',
  min_investment_yuan BIGINT,
  land TEXT NOT NULL DEFAULT 'any',
  location_unit_ids TEXT NOT NULL DEFAULT '',
  foreign_condition TEXT NOT NULL DEFAULT 'any',
  grants_json TEXT NOT NULL DEFAULT '[]',
  summary TEXT NOT NULL DEFAULT '',
  source_text TEXT NOT NULL DEFAULT '',
  repealed INTEGER NOT NULL DEFAULT 0,
  expiry_notified_at BIGINT,
  created_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX policies_expiry ON policies(expires_on);
CREATE INDEX policies_owner ON policies(owner_unit_id);
