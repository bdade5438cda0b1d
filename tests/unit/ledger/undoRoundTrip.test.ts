// Every channel wrapped as undoable(), performed on the demo ledger and undone, leaves every table as it was,
// byte for byte; redone, as the action left it. The list of channels comes from the handler map itself.
import { describe, expect, it } from 'vitest';
import type { ChannelName } from '../../../shared/channels';
import type { Db } from '../../../electron/db/connection';
import { dispatch, handlers } from '../../../electron/handlers/dispatch';
import { isUndoable } from '../../../electron/handlers/undoable';
import { demoApp } from './helpers';

type App = ReturnType<typeof demoApp>;

/** The undo/audit bookkeeping itself and the bin's own record of its entries: they keep history by design. */
const BOOKKEEPING = new Set(['audit_log', 'change_set', 'recycle_bin', 'recycle_bin_trail', 'recycle_bin_refill']);

/**
 * Every ledger table as text: each value through SQLite's quote() (so 1, 1.0 and '1' differ), rows by rowid.
 * A table keyed by its columns (task_unit…) is ordered by that key: its hidden rowid is no data, and a
 * link written again gets a new one.
 */
function dump(db: Db): Record<string, string> {
  const tables = (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as {
      name: string;
    }[]
  )
    .map((t) => t.name)
    .filter((n) => !BOOKKEEPING.has(n));
  const out: Record<string, string> = {};
  for (const table of tables) {
    const cols = db.pragma(`table_info(${table})`) as { name: string; type: string; pk: number }[];
    const keys = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const byRowid = keys.length === 1 && keys[0]!.type.toUpperCase() === 'INTEGER';
    const order = byRowid ? 'rowid' : keys.map((k) => k.name).join(', ');
    const rows = db
      .prepare(`SELECT ${cols.map((c) => `quote(${c.name})`).join(" || ',' || ")} AS r FROM ${table} ORDER BY ${order}`)
      .all() as { r: string }[];
    out[table] = rows.map((r) => r.r).join('\n');
  }
  return out;
}

/** What the 回收站 shows (its entries' dates move with each delete, so they are left out). */
function binList(db: Db): unknown[] {
  return db
    .prepare("SELECT id, kind, label, root_id, counts FROM recycle_bin WHERE state = 'binned' ORDER BY id")
    .all();
}

function all<T>(app: App, sql: string, ...args: unknown[]): T[] {
  return app.ledger.db.prepare(sql).all(...args) as T[];
}
function one<T>(app: App, sql: string, ...args: unknown[]): T {
  const row = app.ledger.db.prepare(sql).get(...args) as T | undefined;
  if (row === undefined) throw new Error(`the demo ledger has no row for: ${sql}`);
  return row;
}

async function call(app: App, channel: string, payload: unknown): Promise<unknown> {
  const result = await dispatch(app, channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.data;
}

const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

/** An item with reports, units and a deadline, under a task with several items. */
function busyItem(app: App): { id: number; parent_id: number } {
  return one(
    app,
    `SELECT t.id, t.parent_id FROM task t WHERE t.level = 'item'
       AND EXISTS (SELECT 1 FROM progress_report r WHERE r.task_id = t.id)
       AND (SELECT COUNT(*) FROM task s WHERE s.parent_id = t.parent_id) > 1
     ORDER BY t.id LIMIT 1`,
  );
}

/** A unit no task names and no current member holds: one the clerk may delete (with its reports, rounds, mappings). */
function deletableUnit(app: App): number {
  return one<{ id: number }>(
    app,
    `SELECT u.id FROM unit u WHERE NOT EXISTS (SELECT 1 FROM task_unit tu WHERE tu.unit_id = u.id)
       AND NOT EXISTS (SELECT 1 FROM group_member m WHERE m.unit_id = u.id AND m.valid_to IS NULL)
     ORDER BY (SELECT COUNT(*) FROM progress_report r WHERE r.unit_id = u.id) DESC, u.id LIMIT 1`,
  ).id;
}

/** A current member of a leadership group (not one whose term has ended). */
function currentMember(app: App): number {
  return one<{ id: number }>(app, 'SELECT id FROM group_member WHERE valid_to IS NULL ORDER BY id LIMIT 1').id;
}

/**
 * A payload per undoable channel, read from the demo ledger; `setup` runs first and is not part of the
 * action (the ledger is compared from after it).
 */
// Each gives its payload, or a promise of it (unknown covers both).
const SAMPLES: Record<string, (app: App) => unknown> = {
  'units:create': () => ({ name: '县测试局', shortName: '测试局', kind: 'county_department', aliases: ['县测试中心'] }),
  'units:update': (app) => ({
    id: one<{ id: number }>(app, 'SELECT id FROM unit ORDER BY id LIMIT 1').id,
    patch: { contactPerson: '赵会计', phone: '0575-86021234', aliases: ['新别名'], active: false },
  }),
  'units:delete': (app) => ({ id: deletableUnit(app) }),
  'tasks:create': (app) => {
    const item = busyItem(app);
    const unit = one<{ id: number }>(app, 'SELECT id FROM unit ORDER BY id LIMIT 1').id;
    // After the first item: every later sibling moves down a place.
    return {
      level: 'item',
      parentId: item.parent_id,
      afterId: item.id,
      fields: { content: '新增的工作内容', leadUnitIds: [unit], deadlineText: '2027年6月底前' },
    };
  },
  'tasks:update': (app) => {
    const units = ids(all(app, 'SELECT id FROM unit ORDER BY id DESC LIMIT 2'));
    return {
      id: busyItem(app).id,
      patch: {
        content: '改过的工作内容',
        targets: ['覆盖率达到90%以上'],
        leadUnitIds: [units[0]],
        coUnitIds: [units[1]],
        deadlineText: '每季度',
        status: '推进中',
        notes: '会前补充',
      },
    };
  },
  'tasks:delete': (app) => ({
    id: one<{ id: number }>(app, 'SELECT parent_id AS id FROM task WHERE id = ?', busyItem(app).id).id,
  }),
  'tasks:bulkUpdate': (app) => ({
    ids: ids(all(app, "SELECT id FROM task WHERE level = 'item' ORDER BY id LIMIT 3")),
    patch: { status: '已完成', deadlineText: '2026年底前' },
  }),
  'tasks:move': (app) => {
    const item = busyItem(app);
    const other = one<{ id: number }>(
      app,
      "SELECT id FROM task WHERE level = 'task' AND id <> ? ORDER BY id DESC LIMIT 1",
      item.parent_id,
    );
    return { id: item.id, parentId: other.id, index: 0 };
  },
  'tasks:changeLevel': (app) => ({ id: busyItem(app).id, direction: 'out' }),
  'tasks:overwrite': (app) => ({
    updates: ids(all(app, "SELECT id FROM task WHERE level = 'item' ORDER BY id LIMIT 2")).map((id, i) => ({
      id,
      patch: { notes: `覆盖 ${i}`, deadlineText: '长期坚持' },
    })),
  }),
  'tasks:paste': (app) => {
    const item = busyItem(app);
    const section = one<{ id: number }>(app, 'SELECT parent_id AS id FROM task WHERE id = ?', item.parent_id);
    const unit = one<{ id: number }>(app, 'SELECT id FROM unit ORDER BY id LIMIT 1').id;
    return {
      sectionId: section.id,
      creates: [
        {
          task: { title: '粘贴的重点任务', number: '（九）' },
          fields: { content: '粘贴的工作内容一', leadUnitIds: [unit] },
        },
        { task: { id: item.parent_id }, fields: { content: '粘贴的工作内容二', leadUnitIds: [unit] } },
      ],
    };
  },
  'tasks:closeOut': (app) => ({
    ids: ids(all(app, "SELECT id FROM task WHERE level = 'item' ORDER BY id LIMIT 2")),
    closedBy: '王科长',
    closedOn: '2026-11-23',
  }),
  'groups:create': () => ({ name: '县测试工作领导小组' }),
  'groups:update': (app) => ({
    id: one<{ id: number }>(app, 'SELECT id FROM leadership_group ORDER BY id LIMIT 1').id,
    patch: { name: '改过名的领导小组', officeDirector: '钱主任', establishedOn: '2026-03-01' },
  }),
  'groups:addMember': (app) => ({
    groupId: one<{ id: number }>(app, 'SELECT id FROM leadership_group ORDER BY id LIMIT 1').id,
    member: { role: '成员', personName: '孙新人', post: '副局长', unitId: deletableUnit(app) },
    validFrom: '2026-11-01',
  }),
  'groups:updateMember': (app) => ({
    id: currentMember(app),
    patch: { personName: '改正的姓名', post: '改正的职务' },
  }),
  'groups:changePerson': (app) => ({ memberId: currentMember(app), personName: '接任者', on: '2026-11-20' }),
  'groups:reorderMembers': (app) => {
    const group = one<{ group_id: number }>(
      app,
      'SELECT group_id FROM group_member WHERE valid_to IS NULL GROUP BY group_id HAVING COUNT(*) > 1 ORDER BY group_id LIMIT 1',
    ).group_id;
    const members = ids(
      all(app, 'SELECT id FROM group_member WHERE group_id = ? AND valid_to IS NULL ORDER BY sort_order, id', group),
    );
    return { groupId: group, memberIds: [...members].reverse() };
  },
  'groups:addDuty': (app) => ({
    groupId: one<{ id: number }>(app, 'SELECT id FROM leadership_group ORDER BY id LIMIT 1').id,
    unitId: deletableUnit(app),
    duty: '负责新增的职责。',
  }),
  'groups:updateDuty': (app) => ({
    id: one<{ id: number }>(app, 'SELECT id FROM group_duty ORDER BY id LIMIT 1').id,
    patch: { duty: '改过的职责。' },
  }),
  'rounds:create': (app) => ({
    name: '2026年第四季度测试调度',
    periodStart: '2026-10-01',
    periodEnd: '2026-12-31',
    dueOn: '2026-12-25',
    unitIds: ids(all(app, 'SELECT id FROM unit ORDER BY id LIMIT 3')),
  }),
  'rounds:update': (app) => ({
    id: one<{ id: number }>(app, 'SELECT id FROM progress_round ORDER BY id LIMIT 1').id,
    patch: { name: '改过名的调度轮次', dueOn: '2026-12-31', periodStart: null },
  }),
  'rounds:close': (app) => ({
    id: one<{ id: number }>(app, 'SELECT id FROM progress_round WHERE closed = 0 ORDER BY id LIMIT 1').id,
  }),
  'rounds:saveReport': (app) => {
    const item = busyItem(app);
    const report = one<{ round_id: number; unit_id: number }>(
      app,
      'SELECT r.round_id, r.unit_id FROM progress_report r JOIN progress_round p ON p.id = r.round_id WHERE p.closed = 0 AND r.task_id = ? ORDER BY r.id LIMIT 1',
      item.id,
    );
    return {
      roundId: report.round_id,
      unitId: report.unit_id,
      taskId: item.id,
      status: '推进中',
      percent: 60,
      progress: '电话里报的进度',
      problems: '',
      nextSteps: '',
      source: 'phone',
    };
  },
  'groups:delete': (app) => ({
    id: one<{ id: number }>(app, 'SELECT id FROM leadership_group ORDER BY id LIMIT 1').id,
  }),
  'groups:removeMember': (app) => ({
    id: one<{ id: number }>(app, 'SELECT id FROM group_member WHERE unit_id IS NOT NULL ORDER BY id LIMIT 1').id,
  }),
  'groups:deleteDuty': (app) => ({ id: one<{ id: number }>(app, 'SELECT id FROM group_duty ORDER BY id LIMIT 1').id }),
  'export:saveBulletinTexts': (app) => ({
    roundId: one<{ id: number }>(app, 'SELECT id FROM progress_round ORDER BY id LIMIT 1').id,
    issuer: '新昌县卫生健康局',
    problems: '个别乡镇报送不及时。',
    requirements: '请于月底前补报。',
  }),
  'rounds:delete': (app) => ({
    id: one<{ id: number }>(
      app,
      'SELECT round_id AS id FROM progress_report GROUP BY round_id ORDER BY COUNT(*) DESC LIMIT 1',
    ).id,
  }),
  'documents:delete': (app) => ({
    id: one<{ id: number }>(app, 'SELECT id FROM policy_document ORDER BY id LIMIT 1').id,
  }),
  // Setup: a unit with its reports goes to the bin first; the action under test puts it back.
  'recycleBin:restore': async (app) => {
    await call(app, 'units:delete', { id: deletableUnit(app) });
    return { id: one<{ id: number }>(app, "SELECT id FROM recycle_bin WHERE state = 'binned' ORDER BY id DESC").id };
  },
};

const undoableChannels = (Object.keys(handlers) as ChannelName[]).filter((c) => isUndoable(handlers[c])).sort();

describe('undo round trip of every undoable channel', () => {
  it('knows every channel wrapped as undoable, and only those', () => {
    expect(undoableChannels.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(SAMPLES).sort()).toEqual(undoableChannels);
  });

  for (const channel of undoableChannels) {
    it(`${channel}: undo leaves every table as it was, redo as the action left it`, async () => {
      const sample = SAMPLES[channel];
      if (!sample) throw new Error(`${channel} is undoable but has no sample payload in this test: add one`);
      const app = demoApp();
      const db = app.ledger.db;
      const payload = await sample(app);
      const before = dump(db);
      const binBefore = binList(db);

      await call(app, channel, payload);
      const done = dump(db);
      expect(done, 'the action changed nothing').not.toEqual(before);
      const binDone = binList(db);

      const undone = (await call(app, 'undo:undo', {})) as { label: string | null };
      expect(undone.label).not.toBeNull();
      expect(dump(db)).toEqual(before);
      expect(binList(db)).toEqual(binBefore);

      await call(app, 'undo:redo', {});
      expect(dump(db)).toEqual(done);
      expect(binList(db)).toEqual(binDone);
      expect(app.errors).toEqual([]);
    });
  }
});
