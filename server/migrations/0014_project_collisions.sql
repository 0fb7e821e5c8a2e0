-- Issue 11.5: 撞单确认. A lead reported although the collision check found projects of the same
-- investor: one row per project it collided with when the reporter confirmed (the hits the
-- server found itself, not a list the client sent). The coordinator lists them.
CREATE TABLE project_collisions (
  project_id BIGINT NOT NULL REFERENCES projects(id),
  hit_project_id BIGINT NOT NULL REFERENCES projects(id),
  match_kind TEXT NOT NULL CHECK (match_kind IN ('uscc', 'name')),
  similarity_pct INTEGER NOT NULL,
  confirmed_by BIGINT NOT NULL REFERENCES users(id),
  confirmed_at BIGINT NOT NULL,
  PRIMARY KEY (project_id, hit_project_id)
);
CREATE INDEX project_collisions_confirmed ON project_collisions(confirmed_at, project_id);
