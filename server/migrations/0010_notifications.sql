-- Issue 10.6: the in-app inbox. One row per recipient; read_at marks it read.
CREATE TABLE notifications (
  id {{pk}},
  user_id BIGINT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id BIGINT NOT NULL,
  project_id BIGINT,
  title TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  read_at BIGINT
);
CREATE INDEX notifications_user ON notifications(user_id, read_at, id);
