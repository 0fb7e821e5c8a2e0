-- Issue 10.5: supervision (督办). The coordinator or a leader issues an item on a project, a factor
-- request or a unit; the unit replies until the issuer closes it (or reopens it).
CREATE TABLE supervision_items (
  id {{pk}},
  subject_type TEXT NOT NULL CHECK (subject_type IN ('project', 'factor_request', 'unit')),
  subject_id BIGINT NOT NULL,
  project_id BIGINT REFERENCES projects(id),
  unit_id BIGINT NOT NULL REFERENCES org_units(id),
  title TEXT NOT NULL,
  instruction TEXT NOT NULL,
  leader_instruction TEXT NOT NULL DEFAULT '',
  priority TEXT NOT NULL CHECK (priority IN ('normal', 'urgent', 'critical')),
  deadline TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'replied', 'closed')),
  issued_by BIGINT NOT NULL REFERENCES users(id),
  issued_at BIGINT NOT NULL,
  closed_at BIGINT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX supervision_items_unit ON supervision_items(unit_id, status);

CREATE TABLE supervision_events (
  id {{pk}},
  item_id BIGINT NOT NULL REFERENCES supervision_items(id),
  at BIGINT NOT NULL,
  user_id BIGINT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX supervision_events_item ON supervision_events(item_id, id);
