-- 008: undo per page. Each change set names the editing page it was made on (tasks, units, groups, rounds),
-- so a page's 撤销/重做 takes back only its own changes. Change sets made before are given the page their
-- label names (the labels were fixed per channel), the rest belong to 任务清单 where Ctrl+Z lived.
ALTER TABLE change_set ADD COLUMN page TEXT NOT NULL DEFAULT 'tasks'
  CHECK (page IN ('tasks', 'units', 'groups', 'rounds'));
UPDATE change_set SET page = 'units' WHERE label IN ('新增单位', '修改单位', '删除单位') OR label LIKE '还原责任单位%' OR label LIKE '还原单位%';
UPDATE change_set SET page = 'groups'
  WHERE label IN ('删除领导小组', '移除领导小组成员', '删除成员单位职责') OR label LIKE '还原领导小组%' OR label LIKE '还原成员单位职责%';
UPDATE change_set SET page = 'rounds' WHERE label = '删除调度轮次' OR label LIKE '还原调度轮次%';
CREATE INDEX change_set_page ON change_set (page, state);
