-- Issue 10: the working-day calendar. Only the days that differ from the weekday rule are
-- stored: holidays on weekdays (and weekend days inside a holiday) and make-up working days.
CREATE TABLE calendar_days (
  day TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name TEXT NOT NULL DEFAULT '',
  updated_by BIGINT,
  updated_at BIGINT NOT NULL
);
