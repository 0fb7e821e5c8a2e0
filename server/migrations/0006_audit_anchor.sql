-- Issue 8.3: the audit chain must catch truncation and rewriting.
-- chain_version 1: rows hashed without their id (before this migration); 2: the id is hashed and
-- ids are consecutive. Old rows keep 1 and still verify; a 1 after a 2 is broken.
ALTER TABLE audit_log ADD COLUMN chain_version INTEGER NOT NULL DEFAULT 1;

-- Keyed checkpoints of the head: mac = HMAC-SM3(key kept outside the database, seq|at|count|
-- last_id|last_hash). seq is consecutive. The newest one is also written to the anchor file.
CREATE TABLE audit_checkpoints (
  seq BIGINT PRIMARY KEY,
  at BIGINT NOT NULL,
  count BIGINT NOT NULL,
  last_id BIGINT NOT NULL,
  last_hash TEXT NOT NULL,
  mac TEXT NOT NULL
);

-- Rows moved out by `zhaoshang audit archive`: the chain restarts from last_hash.
CREATE TABLE audit_archives (
  id BIGINT PRIMARY KEY,
  at BIGINT NOT NULL,
  first_id BIGINT NOT NULL,
  last_id BIGINT NOT NULL,
  count BIGINT NOT NULL,
  prev_hash TEXT NOT NULL,
  last_hash TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_sm3 TEXT NOT NULL,
  mac TEXT NOT NULL
);

-- Append-only in the database itself, not only in the application. The retention period
-- (184 days, audit::kRetentionDays; a test pins the two together) is the only way out of
-- audit_log, and only for rows older than that by the database's own clock.
-- @sqlite
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused');
END;
CREATE TRIGGER audit_log_retention BEFORE DELETE ON audit_log
WHEN OLD.at > (CAST(strftime('%s', 'now') AS INTEGER) - 184 * 86400) * 1000
BEGIN
  SELECT RAISE(ABORT, 'audit_log rows younger than 184 days cannot be deleted');
END;
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
BEGIN
  SELECT RAISE(ABORT, 'audit_checkpoints is append-only: UPDATE refused');
END;
CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
BEGIN
  SELECT RAISE(ABORT, 'audit_checkpoints is append-only: DELETE refused');
END;
CREATE TRIGGER audit_archives_no_update BEFORE UPDATE ON audit_archives
BEGIN
  SELECT RAISE(ABORT, 'audit_archives is append-only: UPDATE refused');
END;
CREATE TRIGGER audit_archives_no_delete BEFORE DELETE ON audit_archives
BEGIN
  SELECT RAISE(ABORT, 'audit_archives is append-only: DELETE refused');
END;
-- @postgres
-- The REVOKE binds roles that do not own the tables: serve as such a role (docs/operations.md).
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_checkpoints, audit_archives FROM PUBLIC;
CREATE FUNCTION zs_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END
$$;
CREATE FUNCTION zs_audit_log_retention() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.at <= (extract(epoch FROM now()) * 1000)::bigint - 184::bigint * 86400000 THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log rows younger than 184 days cannot be deleted (row %)', OLD.id;
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION zs_audit_append_only();
CREATE TRIGGER audit_log_retention BEFORE DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION zs_audit_log_retention();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION zs_audit_append_only();
CREATE TRIGGER audit_checkpoints_no_change BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION zs_audit_append_only();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION zs_audit_append_only();
CREATE TRIGGER audit_archives_no_change BEFORE UPDATE OR DELETE ON audit_archives
  FOR EACH ROW EXECUTE FUNCTION zs_audit_append_only();
CREATE TRIGGER audit_archives_no_truncate BEFORE TRUNCATE ON audit_archives
  FOR EACH STATEMENT EXECUTE FUNCTION zs_audit_append_only();
-- @all
