-- Issue 10.3 and 10.6: the scheduler's claimed runs and the escalation steps.
-- One row per (job, slot): the process whose INSERT succeeds runs that slot; the others skip it,
-- so with several servers on one database each job runs once per slot.
CREATE TABLE job_runs (
  job TEXT NOT NULL,
  slot TEXT NOT NULL,
  claimed_by TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  finished_at BIGINT,
  outcome TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (job, slot)
);
CREATE INDEX job_runs_started ON job_runs(started_at);

-- One row per tier an overdue item reached, per deadline (a reopened item with a new deadline
-- escalates afresh). The key makes each step happen once.
CREATE TABLE escalations (
  object_type TEXT NOT NULL,
  object_id BIGINT NOT NULL,
  deadline TEXT NOT NULL,
  tier INTEGER NOT NULL,
  unit_id BIGINT REFERENCES org_units(id),
  project_id BIGINT REFERENCES projects(id),
  title TEXT NOT NULL DEFAULT '',
  at BIGINT NOT NULL,
  PRIMARY KEY (object_type, object_id, deadline, tier)
);
CREATE INDEX escalations_at ON escalations(at);

-- Escalation steps are the scheduler's, not a person's: a supervision event may have no user.
-- @postgres
ALTER TABLE supervision_events ALTER COLUMN user_id DROP NOT NULL;
-- @sqlite
CREATE TABLE supervision_events_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  item_id BIGINT NOT NULL REFERENCES supervision_items(id),
  at BIGINT NOT NULL,
  user_id BIGINT REFERENCES users(id),
  kind TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
INSERT INTO supervision_events_new(id, item_id, at, user_id, kind, note)
  SELECT id, item_id, at, user_id, kind, note FROM supervision_events;
DROP TABLE supervision_events;
ALTER TABLE supervision_events_new RENAME TO supervision_events;
CREATE INDEX supervision_events_item ON supervision_events(item_id, id);
-- @all
