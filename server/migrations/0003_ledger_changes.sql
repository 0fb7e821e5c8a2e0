-- The change feed the in-memory ledger follows (pipeline/ledger.cpp): every write to a
-- project or its promoters adds its id here in the same transaction; project_id 0 says a
-- name shown in ledger rows changed (a unit, user, leading industry or chain node). Rows
-- older than an hour are pruned by the servers.
CREATE TABLE ledger_changes (
  id {{pk}},
  project_id BIGINT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX ledger_changes_at ON ledger_changes(at);
