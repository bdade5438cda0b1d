// 还原 when the ledger has moved on: ids taken by new rows, things it needs deleted too or gone for good.
import { describe, expect, it } from 'vitest';
import { readLedgerSnapshot } from '../../../electron/db/repositories/snapshot';
import { binApp, call, count, tables, type BinApp } from './helpers';

const report = (roundId: number, unitId: number, taskId: number, progress: string) =>
  ({
    roundId,
    unitId,
    taskId,
    status: '推进中',
    percent: 50,
    progress,
    problems: '',
    nextSteps: '',
    source: 'phone',
  }) as const;

async function binnedId(app: BinApp, label: string): Promise<number> {
  const entry = (await call(app, 'recycleBin:list', {})).find((e) => e.label === label);
  if (!entry) throw new Error(`not in the bin: ${label}`);
  return entry.id;
}

describe('还原 after the ledger moved on', () => {
  it('gives a new id to a row whose id was taken meanwhile, and everything inside follows it', async () => {
    const app = binApp();
    // Task 62 and its items 63, 64 hold the highest ids, so SQLite hands them to the next new rows.
    const typed = await call(app, 'rounds:saveReport', report(1, 1, 64, '已建立医疗风险基金'));
    const before = tables(app, ['task', 'task_unit', 'progress_report']);
    await call(app, 'tasks:delete', { id: 62 });
    const newcomer = await call(app, 'tasks:create', {
      level: 'task',
      parentId: 49,
      fields: { number: '5.', title: '新增的重点任务' },
    });
    const otherReport = await call(app, 'rounds:saveReport', report(1, 2, 3, '另一条推进情况'));
    expect(newcomer.id).toBe(62);
    expect(otherReport.id).toBe(typed.id);

    const outcome = await call(app, 'recycleBin:restore', { id: await binnedId(app, '4.建立风险分担机制') });
    expect(outcome.rootId).not.toBe(62);

    // The ledger is what it was, with the task under its new id and its new report id, plus the two newcomers.
    const after = tables(app, ['task', 'task_unit', 'progress_report']);
    const restoredReport = (after.progress_report as { id: number; task_id: number }[]).find((r) => r.task_id === 64)!;
    const moved = (id: number | null) => (id === 62 ? outcome.rootId : id);
    const expected = {
      task: (before.task as { id: number; parent_id: number | null }[]).map((t) => ({
        ...t,
        id: moved(t.id),
        parent_id: moved(t.parent_id),
      })),
      task_unit: (before.task_unit as { task_id: number }[]).map((l) => ({ ...l, task_id: moved(l.task_id) })),
      progress_report: (before.progress_report as { id: number }[]).map((r) =>
        r.id === typed.id ? { ...r, id: restoredReport.id } : r,
      ),
    };
    const withoutNewcomers = {
      task: (after.task as { id: number }[]).filter((t) => t.id !== newcomer.id),
      task_unit: (after.task_unit as { task_id: number }[]).filter((l) => l.task_id !== newcomer.id),
      progress_report: (after.progress_report as { id: number }[]).filter((r) => r.id !== otherReport.id),
    };
    const byId = (rows: unknown[]) =>
      [...(rows as { id?: number; task_id?: number; unit_id?: number }[])].sort(
        (a, b) => (a.id ?? a.task_id! * 1000 + a.unit_id!) - (b.id ?? b.task_id! * 1000 + b.unit_id!),
      );
    expect(byId(withoutNewcomers.task)).toEqual(byId(expected.task));
    expect(byId(withoutNewcomers.task_unit)).toEqual(byId(expected.task_unit));
    expect(byId(withoutNewcomers.progress_report)).toEqual(byId(expected.progress_report));
    // The newcomer kept its id and its words.
    expect(readLedgerSnapshot(app.ledger).tasks.find((t) => t.id === 62)).toMatchObject({ title: '新增的重点任务' });
  });

  it('follows a unit that was itself restored under a new id, never the new unit that took its old id', async () => {
    const app = binApp();
    const unit = await call(app, 'units:create', { name: '县统计局', kind: 'county_department' });
    const item = await call(app, 'tasks:create', {
      level: 'item',
      parentId: 62,
      fields: { content: '开展风险监测统计', leadUnitIds: [unit.id] },
    });
    await call(app, 'tasks:delete', { id: item.id });
    await call(app, 'units:delete', { id: unit.id });
    const taker = await call(app, 'units:create', { name: '县审计局', kind: 'county_department' });
    expect(taker.id).toBe(unit.id);

    const unitBack = await call(app, 'recycleBin:restore', { id: await binnedId(app, '县统计局') });
    expect(unitBack.rootId).not.toBe(unit.id);
    const itemBack = await call(app, 'recycleBin:restore', { id: await binnedId(app, '开展风险监测统计') });
    const task = readLedgerSnapshot(app.ledger).tasks.find((t) => t.id === itemBack.rootId)!;
    expect(task.leadUnitIds).toEqual([unitBack.rootId]);
    expect(readLedgerSnapshot(app.ledger).units.find((u) => u.id === unitBack.rootId)?.name).toBe('县统计局');
  });

  it('refuses, naming it, while something the item needs is in the bin too; nothing is half restored', async () => {
    const app = binApp();
    const unit = await call(app, 'units:create', { name: '县统计局', kind: 'county_department' });
    const item = await call(app, 'tasks:create', {
      level: 'item',
      parentId: 62,
      fields: { content: '开展风险监测统计', leadUnitIds: [unit.id] },
    });
    await call(app, 'tasks:delete', { id: item.id });
    await call(app, 'units:delete', { id: unit.id });
    const itemEntry = await binnedId(app, '开展风险监测统计');
    const before = tables(app, ['task', 'task_unit', 'unit', 'recycle_bin']);
    await expect(call(app, 'recycleBin:restore', { id: itemEntry })).rejects.toThrow(
      '它用到的单位“县统计局”也在回收站中。请先还原单位“县统计局”，再还原这一项。',
    );
    expect(tables(app, ['task', 'task_unit', 'unit', 'recycle_bin'])).toEqual(before);

    await call(app, 'recycleBin:restore', { id: await binnedId(app, '县统计局') });
    const back = await call(app, 'recycleBin:restore', { id: itemEntry });
    expect(readLedgerSnapshot(app.ledger).tasks.find((t) => t.id === back.rootId)?.leadUnitIds).toEqual([unit.id]);
  });

  it('refuses a work item whose 重点任务 was deleted after it, until that task is back', async () => {
    const app = binApp();
    await call(app, 'tasks:delete', { id: 3 });
    await call(app, 'tasks:delete', { id: 2 });
    const item = (await call(app, 'recycleBin:list', {})).find((e) => e.kindLabel === '工作内容')!;
    await expect(call(app, 'recycleBin:restore', { id: item.id })).rejects.toThrow(
      '请先还原重点任务“1.建设高水平县域医共体”',
    );
    await call(app, 'recycleBin:restore', { id: await binnedId(app, '1.建设高水平县域医共体') });
    await call(app, 'recycleBin:restore', { id: item.id });
    expect(
      readLedgerSnapshot(app.ledger)
        .tasks.filter((t) => t.parentId === 2)
        .map((t) => t.id),
    ).toEqual([3, 4, 5]);
  });

  it('leaves out, and says so, the reports of a round deleted for good; refuses an item whose task is gone for good', async () => {
    const app = binApp();
    await call(app, 'tasks:delete', { id: 3 });
    await call(app, 'rounds:delete', { id: 1 });
    await call(app, 'recycleBin:purge', { id: await binnedId(app, '2026年第三季度调度') });
    const outcome = await call(app, 'recycleBin:restore', { id: (await call(app, 'recycleBin:list', {}))[0]!.id });
    expect(outcome.lost.reports).toBe(1);
    expect(outcome.rootId).toBe(3);
    expect(count(app, 'SELECT COUNT(*) AS n FROM task_unit WHERE task_id = 3')).toBe(4);
    expect(count(app, 'SELECT COUNT(*) AS n FROM progress_report')).toBe(0);

    await call(app, 'tasks:delete', { id: 4 });
    await call(app, 'tasks:delete', { id: 2 });
    await call(app, 'recycleBin:purge', { id: await binnedId(app, '1.建设高水平县域医共体') });
    const orphan = (await call(app, 'recycleBin:list', {}))[0]!;
    await expect(call(app, 'recycleBin:restore', { id: orphan.id })).rejects.toThrow('它所属的上级任务已被永久删除');
  });

  it('refuses a unit whose name a new unit has taken meanwhile', async () => {
    const app = binApp();
    const unit = await call(app, 'units:create', { name: '县统计局', kind: 'county_department' });
    await call(app, 'units:delete', { id: unit.id });
    await call(app, 'units:create', { name: '县统计局', kind: 'county_department' });
    await expect(call(app, 'recycleBin:restore', { id: await binnedId(app, '县统计局') })).rejects.toThrow(
      '现有单位“县统计局”已使用名称“县统计局”。请先把现有单位改名（或删除），再还原。',
    );
  });
});
