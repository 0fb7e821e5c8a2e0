-- Issue 13.4: stage checklists (阶段清单) — what to do in each stage and which evidence to collect
-- — and the ticks recorded per project. A removed item is only deactivated: its ticks stay.
CREATE TABLE checklist_items (
  id {{pk}},
  stage TEXT NOT NULL,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  evidence_kind TEXT,
  required INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  updated_at BIGINT NOT NULL
);
CREATE INDEX checklist_items_stage ON checklist_items(stage, active, position);

CREATE TABLE project_checklist_ticks (
  project_id BIGINT NOT NULL REFERENCES projects(id),
  item_id BIGINT NOT NULL REFERENCES checklist_items(id),
  ticked_by BIGINT NOT NULL REFERENCES users(id),
  ticked_at BIGINT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (project_id, item_id)
);
