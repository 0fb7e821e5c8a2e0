-- Issue 13.7: questions from the front line. A promoter asks on a topic (or from a project); the
-- coordinator, an expert or the party school answers; a good answer is promoted into the guide
-- as an article (the question keeps the article's id).
CREATE TABLE guide_questions (
  id {{pk}},
  topic TEXT NOT NULL CHECK (topic IN ('industry', 'policy', 'technique', 'checklist', 'park')),
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  project_id BIGINT REFERENCES projects(id),
  asked_by BIGINT NOT NULL REFERENCES users(id),
  unit_id BIGINT NOT NULL REFERENCES org_units(id),
  article_id BIGINT REFERENCES guide_articles(id),
  answers INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX guide_questions_updated ON guide_questions(updated_at);
CREATE TABLE guide_answers (
  id {{pk}},
  question_id BIGINT NOT NULL REFERENCES guide_questions(id),
  body TEXT NOT NULL,
  answered_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX guide_answers_question ON guide_answers(question_id);
