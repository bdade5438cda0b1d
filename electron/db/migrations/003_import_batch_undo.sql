-- 003: an import batch remembers the change set of the reports it wrote, so undoing the batch restores
-- exactly what was there before, even when other work was done in between.
ALTER TABLE import_batch ADD COLUMN change_set_id INTEGER REFERENCES change_set (id);
ALTER TABLE import_batch ADD COLUMN label TEXT NOT NULL DEFAULT '';
