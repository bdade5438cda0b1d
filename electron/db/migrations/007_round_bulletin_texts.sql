-- 007: the 调度通报's paragraphs the clerk types (存在问题, 下步工作要求) and its issuer are kept with the round,
-- so a bulletin exported again (or from the CLI) says what the clerk wrote, not an empty placeholder.
ALTER TABLE progress_round ADD COLUMN bulletin_issuer TEXT NOT NULL DEFAULT '';
ALTER TABLE progress_round ADD COLUMN bulletin_problems TEXT NOT NULL DEFAULT '';
ALTER TABLE progress_round ADD COLUMN bulletin_requirements TEXT NOT NULL DEFAULT '';
