-- Issue 13.1 and 13.5: the guide's articles with every version kept, read counts per reader, and
-- the search index (search_docs: the text of every searchable thing, one row per kind and id,
-- with its character-pair tokens indexed by FTS5 on SQLite and a GIN tsvector on PostgreSQL).
CREATE TABLE guide_articles (
  id {{pk}},
  category TEXT NOT NULL CHECK (category IN ('industry', 'policy', 'technique', 'checklist', 'park')),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  owner_unit_id BIGINT NOT NULL REFERENCES org_units(id),
  industry_codes TEXT NOT NULL DEFAULT '',
  review_on TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  reads BIGINT NOT NULL DEFAULT 0,
  created_by BIGINT REFERENCES users(id),
  updated_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX guide_articles_category ON guide_articles(category, updated_at);
CREATE TABLE guide_article_versions (
  article_id BIGINT NOT NULL REFERENCES guide_articles(id),
  version INTEGER NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL,
  PRIMARY KEY (article_id, version)
);
CREATE TABLE guide_article_readers (
  article_id BIGINT NOT NULL REFERENCES guide_articles(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  reads BIGINT NOT NULL DEFAULT 0,
  last_read_at BIGINT NOT NULL,
  PRIMARY KEY (article_id, user_id)
);
CREATE TABLE search_docs (
  id {{pk}},
  kind TEXT NOT NULL,
  ref_id BIGINT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (kind, ref_id)
);
-- @sqlite
-- kind is kept in the index (unindexed) so a reader's kinds filter without a join; a prefix
-- index of one character serves one-character queries.
CREATE VIRTUAL TABLE search_fts USING fts5(title, body, kind UNINDEXED, prefix = '1',
  tokenize = 'unicode61 remove_diacritics 0');
-- @postgres
ALTER TABLE search_docs ADD COLUMN tsv tsvector NOT NULL DEFAULT ''::tsvector;
CREATE INDEX search_docs_tsv ON search_docs USING GIN (tsv);
