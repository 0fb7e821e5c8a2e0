-- Issue 10.4: factor-guarantee requests (要素保障). A request goes from a project's responsible
-- party to the collaborator department that handles its type; every step is an event.
CREATE TABLE factor_type_units (
  type TEXT PRIMARY KEY,
  unit_id BIGINT NOT NULL REFERENCES org_units(id),
  updated_by BIGINT REFERENCES users(id),
  updated_at BIGINT NOT NULL
);

CREATE TABLE factor_requests (
  id {{pk}},
  project_id BIGINT NOT NULL REFERENCES projects(id),
  type TEXT NOT NULL,
  need TEXT NOT NULL,
  quantity BIGINT,
  department_id BIGINT NOT NULL REFERENCES org_units(id),
  status TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'resolved', 'unresolvable', 'withdrawn')),
  raised_by BIGINT NOT NULL REFERENCES users(id),
  raised_unit_id BIGINT NOT NULL REFERENCES org_units(id),
  raised_at BIGINT NOT NULL,
  answer_deadline TEXT NOT NULL,
  resolve_deadline TEXT,
  accepted_at BIGINT,
  closed_at BIGINT,
  outcome TEXT NOT NULL DEFAULT '',
  reason_code TEXT,
  reason TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX factor_requests_project ON factor_requests(project_id);
CREATE INDEX factor_requests_department ON factor_requests(department_id, status);
CREATE INDEX factor_requests_raised_unit ON factor_requests(raised_unit_id);

CREATE TABLE factor_events (
  id {{pk}},
  request_id BIGINT NOT NULL REFERENCES factor_requests(id),
  at BIGINT NOT NULL,
  actor_id BIGINT REFERENCES users(id),
  kind TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  from_unit_id BIGINT REFERENCES org_units(id),
  to_unit_id BIGINT REFERENCES org_units(id)
);
CREATE INDEX factor_events_request ON factor_events(request_id, id);
