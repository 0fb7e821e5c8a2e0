-- Issue 11.4: attachments (佐证材料) on projects and factor requests. The bytes live in the
-- database on both engines (attachment_blobs): a file and its record commit together (nothing
-- half-written after a crash), one backup holds everything, and several `zhaoshang serve`
-- processes on one PostgreSQL share the files without a shared disk. Removing a file only
-- marks it: evidence is kept, and the audit log says who removed it and why.
CREATE TABLE attachments (
  id {{pk}},
  object_type TEXT NOT NULL CHECK (object_type IN ('project', 'factor_request')),
  object_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  stage TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  format TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  uploaded_by BIGINT NOT NULL REFERENCES users(id),
  uploaded_at BIGINT NOT NULL,
  deleted_by BIGINT REFERENCES users(id),
  deleted_at BIGINT,
  delete_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX attachments_object ON attachments(object_type, object_id);

-- @sqlite
CREATE TABLE attachment_blobs (
  attachment_id BIGINT PRIMARY KEY REFERENCES attachments(id),
  content BLOB NOT NULL
);
-- @postgres
CREATE TABLE attachment_blobs (
  attachment_id BIGINT PRIMARY KEY REFERENCES attachments(id),
  content BYTEA NOT NULL
);
ALTER TABLE attachment_blobs ALTER COLUMN content SET STORAGE EXTERNAL;
-- @all
