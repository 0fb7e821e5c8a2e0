-- The history of one object (a user's recent logins, a project's audit trail): newest first.
CREATE INDEX audit_log_object ON audit_log(object_type, object_id, id);
