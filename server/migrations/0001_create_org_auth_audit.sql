-- Organisation tree, accounts, roles, sessions, settings and the hash-chained audit log.
CREATE TABLE org_units (
  id {{pk}},
  parent_id BIGINT REFERENCES org_units(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  code TEXT NOT NULL UNIQUE,
  sort_order INTEGER NOT NULL DEFAULT 0,
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX org_units_parent ON org_units(parent_id);

CREATE TABLE users (
  id {{pk}},
  login TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  unit_id BIGINT NOT NULL REFERENCES org_units(id),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  failed_count INTEGER NOT NULL DEFAULT 0,
  locked_until BIGINT,
  last_login_at BIGINT,
  password_changed_at BIGINT,
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX users_unit ON users(unit_id);

CREATE TABLE user_roles (
  user_id BIGINT NOT NULL REFERENCES users(id),
  role TEXT NOT NULL,
  PRIMARY KEY (user_id, role)
);

-- The session id is stored hashed: a copy of this table does not let anyone log in.
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  source TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Append-only. hash = SM3(prev_hash | fields of the row); `zhaoshang audit verify` walks it.
CREATE TABLE audit_log (
  id {{pk}},
  at BIGINT NOT NULL,
  actor_id BIGINT,
  actor_login TEXT NOT NULL,
  unit_name TEXT NOT NULL,
  source TEXT NOT NULL,
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  diff TEXT NOT NULL,
  request_id TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_actor ON audit_log(actor_login);
CREATE INDEX audit_log_action ON audit_log(action);
