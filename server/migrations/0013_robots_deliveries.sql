-- Issue 10.6: per-user notification preferences, per-unit group robots (WeCom, DingTalk) and
-- their delivery queue and log; a notification may carry figures (the digest's counts).
ALTER TABLE notifications ADD COLUMN detail TEXT NOT NULL DEFAULT '';

-- A kind a user turned off (absent: on).
CREATE TABLE notification_prefs (
  user_id BIGINT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  PRIMARY KEY (user_id, kind)
);

CREATE TABLE robots (
  id {{pk}},
  unit_id BIGINT NOT NULL REFERENCES org_units(id),
  kind TEXT NOT NULL CHECK (kind IN ('wecom', 'dingtalk')),
  name TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL,
  secret TEXT NOT NULL DEFAULT '',
  enabled INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX robots_unit ON robots(unit_id);

-- pending → delivered | failed (after the last retry). A process claims due rows (claimed_until)
-- before sending, so two servers never send the same row.
CREATE TABLE deliveries (
  id {{pk}},
  robot_id BIGINT NOT NULL REFERENCES robots(id),
  kind TEXT NOT NULL,
  object_type TEXT NOT NULL DEFAULT '',
  object_id BIGINT NOT NULL DEFAULT 0,
  title TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_at BIGINT NOT NULL,
  claimed_by TEXT,
  claimed_until BIGINT,
  last_error TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  delivered_at BIGINT
);
CREATE INDEX deliveries_due ON deliveries(status, next_at);
CREATE INDEX deliveries_robot ON deliveries(robot_id, id);
