-- Issue 13.6: training (应知应会). Courses with their quiz rules and linked guide articles, the
-- question bank (options as JSON: [{"id","text","correct"}]), sessions with capacity and seats
-- per unit, enrolment and attendance, quiz attempts (each keeps the paper it drew, so an edited
-- bank never changes a paper already handed out) and certificates (one per person and course).
CREATE TABLE training_courses (
  id {{pk}},
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  outline TEXT NOT NULL DEFAULT '',
  owner_unit_id BIGINT NOT NULL REFERENCES org_units(id),
  article_ids TEXT NOT NULL DEFAULT '',
  pass_pct INTEGER NOT NULL DEFAULT 60,
  max_attempts INTEGER NOT NULL DEFAULT 3,
  question_count INTEGER NOT NULL DEFAULT 0,
  time_limit_min INTEGER NOT NULL DEFAULT 0,
  partial TEXT NOT NULL DEFAULT 'half' CHECK (partial IN ('half', 'strict')),
  opens_on TEXT,
  closes_on TEXT,
  created_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE training_questions (
  id {{pk}},
  course_id BIGINT NOT NULL REFERENCES training_courses(id),
  kind TEXT NOT NULL CHECK (kind IN ('single', 'multiple', 'true_false')),
  stem TEXT NOT NULL,
  options TEXT NOT NULL,
  points INTEGER NOT NULL DEFAULT 1,
  explanation TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  updated_at BIGINT NOT NULL
);
CREATE INDEX training_questions_course ON training_questions(course_id, active);
CREATE TABLE training_sessions (
  id {{pk}},
  course_id BIGINT NOT NULL REFERENCES training_courses(id),
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL,
  place TEXT NOT NULL,
  trainer TEXT NOT NULL DEFAULT '',
  capacity INTEGER NOT NULL,
  created_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CHECK (ends_at > starts_at)
);
CREATE INDEX training_sessions_start ON training_sessions(starts_at);
CREATE TABLE training_session_quotas (
  session_id BIGINT NOT NULL REFERENCES training_sessions(id),
  unit_id BIGINT NOT NULL REFERENCES org_units(id),
  seats INTEGER NOT NULL,
  PRIMARY KEY (session_id, unit_id)
);
CREATE TABLE training_enrolments (
  session_id BIGINT NOT NULL REFERENCES training_sessions(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  -- The unit whose seat it takes (the quota unit, or the user's own unit without quotas).
  seat_unit_id BIGINT NOT NULL REFERENCES org_units(id),
  enrolled_at BIGINT NOT NULL,
  enrolled_by BIGINT REFERENCES users(id),
  attended_at BIGINT,
  attended_via TEXT CHECK (attended_via IN ('qr', 'manual')),
  PRIMARY KEY (session_id, user_id)
);
CREATE INDEX training_enrolments_user ON training_enrolments(user_id);
CREATE TABLE training_attempts (
  id {{pk}},
  course_id BIGINT NOT NULL REFERENCES training_courses(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  number INTEGER NOT NULL,
  paper TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  deadline_at BIGINT,
  submitted_at BIGINT,
  answers TEXT,
  earned INTEGER,
  points INTEGER,
  pct INTEGER,
  passed INTEGER NOT NULL DEFAULT 0,
  UNIQUE (course_id, user_id, number)
);
CREATE TABLE training_certificates (
  id {{pk}},
  course_id BIGINT NOT NULL REFERENCES training_courses(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  attempt_id BIGINT NOT NULL REFERENCES training_attempts(id),
  serial TEXT NOT NULL UNIQUE,
  pct INTEGER NOT NULL,
  issued_at BIGINT NOT NULL,
  UNIQUE (course_id, user_id)
);
-- The key of the sessions' sign-in codes (HMAC-SM3), made once from the engine's strong random
-- source. Signing in takes an account as well as the code.
-- @sqlite
INSERT INTO settings(key, value) VALUES ('training.sign_in_key', lower(hex(randomblob(32))));
-- @postgres
INSERT INTO settings(key, value) VALUES ('training.sign_in_key',
  replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
-- @all
