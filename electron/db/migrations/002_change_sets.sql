-- 002: undo/redo. One clerk action (an edit, a bulk action, a paste) is one change set; its audit rows
-- carry the set's id, so undo can restore every "before" of that action and redo every "after".
CREATE TABLE change_set (
  id     INTEGER PRIMARY KEY,
  at     TEXT NOT NULL,
  actor  TEXT NOT NULL DEFAULT '',
  label  TEXT NOT NULL,
  -- 0 = done, 1 = undone (can be redone), 2 = discarded (a new action after an undo)
  state  INTEGER NOT NULL DEFAULT 0
);

ALTER TABLE audit_log ADD COLUMN change_set_id INTEGER REFERENCES change_set (id);
CREATE INDEX audit_log_change_set ON audit_log (change_set_id);
