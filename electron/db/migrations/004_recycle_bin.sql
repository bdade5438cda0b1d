-- 004: the recycle bin (回收站). A deleted unit, task, group, round or document is kept here with every row
-- that hung on it (JSON, parent first) and the references the delete emptied, so it can be put back whole.
-- Entries are never removed: a restored or purged entry stays as a record (without its rows), because the
-- trail below is how a later restore tells a row that is still the one it knew from a new row with its id.
CREATE TABLE recycle_bin (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('unit','task','group','round','document')),
  kind_label  TEXT NOT NULL,
  label       TEXT NOT NULL,
  root_table  TEXT NOT NULL,
  -- Where the deleted item is now (binned) or was put back (restored): a restore may give it a new id.
  root_id     INTEGER NOT NULL,
  state       TEXT NOT NULL DEFAULT 'binned' CHECK (state IN ('binned','restored','purged')),
  counts      TEXT NOT NULL DEFAULT '{}',
  bundle      TEXT,
  deleted_at  TEXT NOT NULL,
  actor       TEXT NOT NULL DEFAULT '',
  restored_at TEXT,
  purged_at   TEXT
);
CREATE INDEX recycle_bin_state ON recycle_bin (state, deleted_at);

-- Ids are reused (INTEGER PRIMARY KEY without AUTOINCREMENT), so every row that leaves or comes back
-- through the bin is logged here in order: deleted, restored (maybe as new_id), or purged for good.
CREATE TABLE recycle_bin_trail (
  seq        INTEGER PRIMARY KEY,
  entry_id   INTEGER NOT NULL REFERENCES recycle_bin (id),
  event      TEXT NOT NULL CHECK (event IN ('delete','restore','purge')),
  table_name TEXT NOT NULL,
  row_id     INTEGER NOT NULL,
  new_id     INTEGER
);
CREATE INDEX recycle_bin_trail_row ON recycle_bin_trail (table_name, row_id, seq);
CREATE INDEX recycle_bin_trail_entry ON recycle_bin_trail (entry_id, seq);
