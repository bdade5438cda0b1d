-- 001: the whole ledger domain of DESIGN.md.
-- Dates are ISO text (YYYY-MM-DD), times ISO 8601 UTC text. Lists of words (aliases, targets)
-- are JSON arrays: they are read and written whole, never queried by element.

CREATE TABLE policy_document (
  id            INTEGER PRIMARY KEY,
  title         TEXT NOT NULL,
  doc_number    TEXT NOT NULL DEFAULT '',
  issuer        TEXT NOT NULL DEFAULT '',
  issued_on     TEXT,
  source_file   TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL
);

CREATE TABLE unit (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL,
  short_name     TEXT NOT NULL DEFAULT '',
  kind           TEXT NOT NULL DEFAULT 'other'
                 CHECK (kind IN ('county_department','township','bureau_section','health_institution','collective','other')),
  aliases        TEXT NOT NULL DEFAULT '[]',
  contact_person TEXT NOT NULL DEFAULT '',
  phone          TEXT NOT NULL DEFAULT '',
  active         INTEGER NOT NULL DEFAULT 1,
  sort_order     INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX unit_name_unique ON unit (name);

CREATE TABLE leadership_group (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL,
  document_id     INTEGER REFERENCES policy_document (id) ON DELETE SET NULL,
  office_unit_id  INTEGER REFERENCES unit (id) ON DELETE SET NULL,
  office_director TEXT NOT NULL DEFAULT '',
  established_on  TEXT,
  sort_order      INTEGER NOT NULL DEFAULT 0
);

-- A personnel change ends a membership (valid_to) and starts a new one, so history stays.
CREATE TABLE group_member (
  id          INTEGER PRIMARY KEY,
  group_id    INTEGER NOT NULL REFERENCES leadership_group (id) ON DELETE CASCADE,
  role        TEXT NOT NULL,
  person_name TEXT NOT NULL DEFAULT '',
  post        TEXT NOT NULL DEFAULT '',
  unit_id     INTEGER REFERENCES unit (id) ON DELETE SET NULL,
  sort_order  INTEGER NOT NULL DEFAULT 0,
  valid_from  TEXT,
  valid_to    TEXT
);
CREATE INDEX group_member_group ON group_member (group_id, sort_order);

CREATE TABLE group_duty (
  id         INTEGER PRIMARY KEY,
  group_id   INTEGER NOT NULL REFERENCES leadership_group (id) ON DELETE CASCADE,
  unit_id    INTEGER REFERENCES unit (id) ON DELETE SET NULL,
  unit_name  TEXT NOT NULL DEFAULT '',
  duty       TEXT NOT NULL,
  sort_order INTEGER NOT NULL DEFAULT 0
);

-- The task list is one tree: section (一、) → task (（一）/1.) → item (工作内容).
CREATE TABLE task (
  id               INTEGER PRIMARY KEY,
  parent_id        INTEGER REFERENCES task (id) ON DELETE CASCADE,
  document_id      INTEGER REFERENCES policy_document (id) ON DELETE SET NULL,
  level            TEXT NOT NULL CHECK (level IN ('section','task','item')),
  number           TEXT NOT NULL DEFAULT '',
  title            TEXT NOT NULL DEFAULT '',
  content          TEXT NOT NULL DEFAULT '',
  targets          TEXT NOT NULL DEFAULT '[]',
  deadline_date    TEXT,
  deadline_recurrence TEXT CHECK (deadline_recurrence IN ('monthly','quarterly','half_yearly','yearly')),
  deadline_ongoing INTEGER NOT NULL DEFAULT 0,
  deadline_text    TEXT NOT NULL DEFAULT '',
  status           TEXT NOT NULL DEFAULT '未启动' CHECK (status IN ('未启动','推进中','已完成','已销号','长期坚持')),
  closed_by        TEXT NOT NULL DEFAULT '',
  closed_on        TEXT,
  notes            TEXT NOT NULL DEFAULT '',
  sort_order       INTEGER NOT NULL DEFAULT 0,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
CREATE INDEX task_parent ON task (parent_id, sort_order);
CREATE INDEX task_document ON task (document_id);

CREATE TABLE task_unit (
  task_id    INTEGER NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  unit_id    INTEGER NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
  role       TEXT NOT NULL CHECK (role IN ('lead','co')),
  sort_order INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (task_id, unit_id)
);
CREATE INDEX task_unit_unit ON task_unit (unit_id);

CREATE TABLE progress_round (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE,
  period_start TEXT,
  period_end   TEXT,
  due_on       TEXT,
  closed       INTEGER NOT NULL DEFAULT 0,
  created_at   TEXT NOT NULL
);

-- Units expected to report in a round (by default every unit with open tasks).
CREATE TABLE round_unit (
  round_id INTEGER NOT NULL REFERENCES progress_round (id) ON DELETE CASCADE,
  unit_id  INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
  PRIMARY KEY (round_id, unit_id)
);

CREATE TABLE import_batch (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('returns','document')),
  round_id    INTEGER REFERENCES progress_round (id) ON DELETE SET NULL,
  unit_id     INTEGER REFERENCES unit (id) ON DELETE SET NULL,
  counts      TEXT NOT NULL DEFAULT '{}',
  created_at  TEXT NOT NULL,
  actor       TEXT NOT NULL DEFAULT '',
  undone_at   TEXT
);

CREATE TABLE import_file (
  id        INTEGER PRIMARY KEY,
  batch_id  INTEGER NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
  file_name TEXT NOT NULL,
  sha256    TEXT NOT NULL,
  size      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX import_file_sha ON import_file (sha256);

CREATE TABLE progress_report (
  id              INTEGER PRIMARY KEY,
  task_id         INTEGER NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  unit_id         INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
  round_id        INTEGER NOT NULL REFERENCES progress_round (id) ON DELETE CASCADE,
  status          TEXT CHECK (status IN ('未启动','推进中','已完成','已销号','长期坚持')),
  percent         REAL CHECK (percent IS NULL OR (percent >= 0 AND percent <= 100)),
  progress        TEXT NOT NULL DEFAULT '',
  problems        TEXT NOT NULL DEFAULT '',
  next_steps      TEXT NOT NULL DEFAULT '',
  source          TEXT NOT NULL DEFAULT 'manual',
  import_batch_id INTEGER REFERENCES import_batch (id) ON DELETE SET NULL,
  reported_on     TEXT,
  updated_at      TEXT NOT NULL,
  UNIQUE (task_id, unit_id, round_id)
);
CREATE INDEX progress_report_round ON progress_report (round_id, unit_id);

-- Remembered column mappings per township, so a corrected mapping is reused next time.
CREATE TABLE column_mapping (
  unit_id    INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
  signature  TEXT NOT NULL,
  mapping    TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (unit_id, signature)
);

CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL DEFAULT '',
  entity    TEXT NOT NULL,
  entity_id INTEGER,
  action    TEXT NOT NULL,
  before    TEXT,
  after     TEXT
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
