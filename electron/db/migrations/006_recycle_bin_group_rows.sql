-- foreign_keys: off
-- 006: a single leadership-group member or member unit's duty goes through the 回收站 like the other kinds,
-- so the bin's kinds grow by 'member' and 'duty'. SQLite cannot change a CHECK in place: the table is
-- rebuilt with its ids (recycle_bin_trail points at them), with foreign keys off while it is swapped
-- (migrate.ts turns them off for a migration marked so, and checks every key before it commits).
CREATE TABLE recycle_bin_new (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('unit','task','group','round','document','member','duty')),
  kind_label  TEXT NOT NULL,
  label       TEXT NOT NULL,
  root_table  TEXT NOT NULL,
  root_id     INTEGER NOT NULL,
  state       TEXT NOT NULL DEFAULT 'binned' CHECK (state IN ('binned','restored','purged')),
  counts      TEXT NOT NULL DEFAULT '{}',
  bundle      TEXT,
  deleted_at  TEXT NOT NULL,
  actor       TEXT NOT NULL DEFAULT '',
  restored_at TEXT,
  purged_at   TEXT
);
INSERT INTO recycle_bin_new (id, kind, kind_label, label, root_table, root_id, state, counts, bundle, deleted_at, actor, restored_at, purged_at)
  SELECT id, kind, kind_label, label, root_table, root_id, state, counts, bundle, deleted_at, actor, restored_at, purged_at FROM recycle_bin;
DROP TABLE recycle_bin;
ALTER TABLE recycle_bin_new RENAME TO recycle_bin;
CREATE INDEX recycle_bin_state ON recycle_bin (state, deleted_at);

-- A reference a restore could not refill because the row holding it was itself in the bin (a unit put
-- back while the group with its former member is still deleted). The restore of that entry refills it,
-- provided the row it points at is still the one it was (resolved through the trail after `since`).
CREATE TABLE recycle_bin_refill (
  id           INTEGER PRIMARY KEY,
  entry_id     INTEGER NOT NULL REFERENCES recycle_bin (id),
  table_name   TEXT NOT NULL,
  row_id       INTEGER NOT NULL,
  column_name  TEXT NOT NULL,
  parent_table TEXT NOT NULL,
  parent_id    INTEGER NOT NULL,
  since        INTEGER NOT NULL
);
CREATE INDEX recycle_bin_refill_entry ON recycle_bin_refill (entry_id);
