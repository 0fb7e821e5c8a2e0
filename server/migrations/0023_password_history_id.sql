-- The password history in the order it was written: two changes in the same millisecond tie on
-- changed_at, so "the last five" takes the id as the tiebreaker (ORDER BY changed_at DESC, id DESC).
-- @postgres
ALTER TABLE password_history ADD COLUMN id BIGSERIAL PRIMARY KEY;
-- @sqlite
CREATE TABLE password_history_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id BIGINT NOT NULL REFERENCES users(id),
  password_hash TEXT NOT NULL,
  changed_at BIGINT NOT NULL
);
INSERT INTO password_history_new(user_id, password_hash, changed_at)
  SELECT user_id, password_hash, changed_at FROM password_history ORDER BY changed_at, rowid;
DROP TABLE password_history;
ALTER TABLE password_history_new RENAME TO password_history;
CREATE INDEX password_history_user ON password_history(user_id, changed_at);
-- @all
