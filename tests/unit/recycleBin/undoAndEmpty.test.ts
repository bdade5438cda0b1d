// Ctrl+Z / Ctrl+Y of a delete and of a 还原, and deleting for good (one entry, or 清空回收站).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitReturnFiles, listImportBatches } from '../../../electron/db/repositories/importBatches';
import { defaultSavePlan, reviewDocument } from '../../../electron/services/documents/reviewDocument';
import { saveReadDocument } from '../../../electron/services/documents/saveReadDocument';
import { readLedgerSnapshot } from '../../../electron/db/repositories/snapshot';
import { binApp, call, count, tables } from './helpers';

const TASK_TABLES = ['task', 'task_unit', 'progress_report'];

describe('undo and redo through the bin', () => {
  it('Ctrl+Z of a delete brings the task back with its reports and takes its entry out of the bin; Ctrl+Y deletes it again', async () => {
    const app = binApp();
    const before = tables(app, TASK_TABLES);
    await call(app, 'tasks:delete', { id: 2 });
    expect(await call(app, 'recycleBin:list', {})).toHaveLength(1);

    expect(await call(app, 'undo:undo', {})).toMatchObject({ label: '删除任务', redo: '删除任务' });
    expect(await call(app, 'recycleBin:list', {})).toEqual([]);
    expect(tables(app, TASK_TABLES)).toEqual(before);

    expect(await call(app, 'undo:redo', {})).toMatchObject({ label: '删除任务', undo: '删除任务' });
    const bin = await call(app, 'recycleBin:list', {});
    expect(bin.map((e) => e.label)).toEqual(['1.建设高水平县域医共体']);
    expect(bin[0]!.counts).toMatchObject({ items: 3, reports: 1, unitLinks: 12 });
    expect(readLedgerSnapshot(app.ledger).tasks.some((t) => t.id === 2)).toBe(false);

    await call(app, 'recycleBin:restore', { id: bin[0]!.id });
    expect(tables(app, TASK_TABLES)).toEqual(before);
  });

  it('a 还原 is one undoable step: Ctrl+Z puts the item back in the bin, Ctrl+Y restores it again', async () => {
    const app = binApp();
    const before = tables(app, ['leadership_group', 'group_member', 'group_duty']);
    await call(app, 'groups:delete', { id: 1 });
    const [entry] = await call(app, 'recycleBin:list', {});
    await call(app, 'recycleBin:restore', { id: entry!.id });
    expect(tables(app, ['leadership_group', 'group_member', 'group_duty'])).toEqual(before);

    expect((await call(app, 'undo:undo', {})).label).toBe('还原领导小组“新昌县深化基层卫生健康综合改革领导小组”');
    expect((await call(app, 'recycleBin:list', {})).map((e) => e.id)).toEqual([entry!.id]);
    expect(count(app, 'SELECT COUNT(*) AS n FROM leadership_group')).toBe(0);
    expect(count(app, 'SELECT COUNT(*) AS n FROM group_member')).toBe(0);

    await call(app, 'undo:redo', {});
    expect(await call(app, 'recycleBin:list', {})).toEqual([]);
    expect(tables(app, ['leadership_group', 'group_member', 'group_duty'])).toEqual(before);

    // Undo twice more: the restore, then the delete itself; the group is back and the bin empty.
    await call(app, 'undo:undo', {});
    expect((await call(app, 'undo:undo', {})).label).toBe('删除领导小组');
    expect(await call(app, 'recycleBin:list', {})).toEqual([]);
    expect(tables(app, ['leadership_group', 'group_member', 'group_duty'])).toEqual(before);
  });

  it('an import whose reports went to the bin is not undone behind the clerk’s back', async () => {
    const app = binApp();
    const row = {
      taskId: 4,
      status: '推进中' as const,
      percent: 30,
      progress: '已完成岗位梳理',
      problems: '',
      nextSteps: '',
    };
    const { batchIds } = commitReturnFiles(app.ledger, 1, [
      { fileName: '沙溪镇.xlsx', sha256: 'b'.repeat(64), size: 100, unitId: 24, rows: [row] },
    ]);
    await call(app, 'tasks:delete', { id: 2 });
    await expect(call(app, 'importBatches:undo', { batchId: batchIds[0]! })).rejects.toThrow('不能整批撤销');
    const [entry] = await call(app, 'recycleBin:list', {});
    await call(app, 'recycleBin:restore', { id: entry!.id });
    expect(readLedgerSnapshot(app.ledger).reports.find((r) => r.taskId === 4 && r.unitId === 24)).toMatchObject({
      progress: '已完成岗位梳理',
      importBatchId: batchIds[0],
    });
  });
});

describe('undoing an import whose rows went through the bin', () => {
  it('refuses to undo a document import after the group it created was deleted, until the clerk has looked', async () => {
    const app = binApp();
    const file = path.resolve(__dirname, '../../fixtures/documents/wenshui-measures-2023-57.docx');
    const review = await reviewDocument(app.ledger, 'wenshui-measures-2023-57.docx', fs.readFileSync(file));
    saveReadDocument(app.ledger, defaultSavePlan(review), '2026-11-23');
    const group = (await call(app, 'groups:list', {})).groups.find((g) => g.name === review.groups[0]!.name)!;
    await call(app, 'groups:delete', { id: group.id });
    const batch = listImportBatches(app.ledger)[0]!;
    await expect(call(app, 'importBatches:undo', { batchId: batch.id })).rejects.toThrow(
      /这批数据导入后，其中 \d+ 处被删除过（移入回收站或已从回收站还原），不能整批撤销/,
    );
    expect(listImportBatches(app.ledger)[0]!.undoneAt).toBeNull();
    expect((await call(app, 'recycleBin:list', {})).map((e) => e.label)).toEqual([group.name]);
  });
});

describe('deleting for good', () => {
  it('永久删除 of one entry leaves the others restorable', async () => {
    const app = binApp();
    await call(app, 'tasks:delete', { id: 3 });
    await call(app, 'groups:delete', { id: 1 });
    const bin = await call(app, 'recycleBin:list', {});
    const item = bin.find((e) => e.kind === 'task')!;
    expect(await call(app, 'recycleBin:purge', { id: item.id })).toEqual({ purged: 1 });
    expect((await call(app, 'recycleBin:list', {})).map((e) => e.kind)).toEqual(['group']);
    await expect(call(app, 'recycleBin:restore', { id: item.id })).rejects.toThrow(
      '回收站中已没有这一项（可能已还原或已永久删除）。请刷新后再试。',
    );
    expect(count(app, 'SELECT COUNT(*) AS n FROM task WHERE id = 3')).toBe(0);
    await call(app, 'recycleBin:restore', { id: bin.find((e) => e.kind === 'group')!.id });
    expect(count(app, 'SELECT COUNT(*) AS n FROM group_member')).toBe(20);
  });

  it('清空回收站 deletes every entry for good, and Ctrl+Z cannot bring back half of one', async () => {
    const app = binApp();
    await call(app, 'tasks:update', { id: 3, patch: { notes: '删除前的备注' } });
    await call(app, 'tasks:delete', { id: 2 });
    await call(app, 'rounds:delete', { id: 1 });
    expect(await call(app, 'recycleBin:empty', {})).toEqual({ purged: 2 });
    expect(await call(app, 'recycleBin:list', {})).toEqual([]);
    const snap = readLedgerSnapshot(app.ledger);
    expect(snap.tasks.some((t) => t.id === 2 || t.id === 3)).toBe(false);
    expect(snap.rounds).toEqual([]);
    // The edit before the deletes cannot be undone either: it would bring task 3 back without its task and reports.
    expect(await call(app, 'undo:state', {})).toMatchObject({ undo: null, redo: null });
    expect((await call(app, 'undo:undo', {})).label).toBeNull();
    expect(count(app, 'SELECT COUNT(*) AS n FROM task WHERE id = 3')).toBe(0);
    expect(await call(app, 'recycleBin:empty', {})).toEqual({ purged: 0 });
    expect(app.errors).toEqual([]);
  });
});
