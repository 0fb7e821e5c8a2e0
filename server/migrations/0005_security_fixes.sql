-- Security fixes: a forced password change after an administrator's reset, the password
-- history (the last five may not be reused), and lockout per (account, source address).
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;

CREATE TABLE password_history (
  user_id BIGINT NOT NULL REFERENCES users(id),
  password_hash TEXT NOT NULL,
  changed_at BIGINT NOT NULL
);
CREATE INDEX password_history_user ON password_history(user_id, changed_at);

-- users.failed_count / locked_until stay as the per-account ceiling (all addresses together);
-- last_failed_at lets that count restart after a quiet spell.
ALTER TABLE users ADD COLUMN last_failed_at BIGINT;
CREATE TABLE login_failures (
  user_id BIGINT NOT NULL REFERENCES users(id),
  source TEXT NOT NULL,
  failed_count INTEGER NOT NULL DEFAULT 0,
  locked_until BIGINT,
  retry_at BIGINT,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, source)
);
