// Import batches of township returns: written whole, never overwriting silently, undone exactly or refused.
import { describe, expect, it } from 'vitest';
import {
  commitReturnFiles,
  findImportsOfFile,
  listImportBatches,
  undoImportBatch,
} from '../../../electron/db/repositories/importBatches';
import { readLedgerSnapshot } from '../../../electron/db/repositories/snapshot';
import { upsertReport } from '../../../electron/db/repositories/progress';
import { runUndoable, undoLast } from '../../../electron/db/undo';
import { freshLedger } from './helpers';
import assert from 'node:assert';

function setup() {
  const { ctx } = freshLedger({ demo: true });
  const snap = readLedgerSnapshot(ctx);
  const unitId = snap.units.find((u) => u.name === '沙溪镇')!.id;
  const items = snap.tasks.filter((t) => t.level === 'item');
  const roundId = snap.rounds[0]!.id;
  return { ctx, unitId, items, roundId, snap };
}

const row = (taskId: number, progress: string) => ({
  taskId,
  status: '推进中' as const,
  percent: 60,
  progress,
  problems: '',
  nextSteps: '',
});

describe('import batches of township returns', () => {
  it('writes reports, the batch and its file in one go, and undo restores the ledger exactly', () => {
    const { ctx, unitId, items, roundId } = setup();
    const before = readLedgerSnapshot(ctx);
    // 沙溪镇 already reported item 4 in the demo round: the import replaces it, the undo must bring it back.
    const {
      batchIds: [batchId],
    } = commitReturnFiles(ctx, roundId, [
      {
        fileName: '沙溪镇.xlsx',
        sha256: 'abc',
        size: 100,
        unitId,
        rows: [{ ...row(items[3]!.id, '新的进展'), overwrite: true }, row(items[4]!.id, '另一条')],
      },
    ]);
    assert(batchId);
    const after = readLedgerSnapshot(ctx);
    expect(after.reports.length).toBe(before.reports.length + 1);
    expect(after.reports.find((r) => r.taskId === items[3]!.id && r.unitId === unitId)).toMatchObject({
      progress: '新的进展',
      source: 'import',
      importBatchId: batchId,
    });
    expect(findImportsOfFile(ctx, 'abc')).toHaveLength(1);
    expect(listImportBatches(ctx)[0]).toMatchObject({
      id: batchId,
      unitName: '沙溪镇',
      files: [{ fileName: '沙溪镇.xlsx', sha256: 'abc' }],
      undoneAt: null,
    });

    undoImportBatch(ctx, batchId);
    expect(readLedgerSnapshot(ctx)).toEqual(before);
    expect(listImportBatches(ctx)[0]?.undoneAt).not.toBeNull();
    expect(findImportsOfFile(ctx, 'abc')).toHaveLength(0);
    expect(() => undoImportBatch(ctx, batchId)).toThrow('已于');
  });

  it('never replaces a different report in the round unless the clerk chose to, and writes only filled fields', () => {
    const { ctx, unitId, items, roundId } = setup();
    const existing = readLedgerSnapshot(ctx).reports.find((r) => r.taskId === items[3]!.id && r.unitId === unitId)!;
    expect(existing.progress).not.toBe('');
    expect(() =>
      commitReturnFiles(ctx, roundId, [
        { fileName: '沙溪镇.xlsx', sha256: 'c', size: 1, unitId, rows: [{ ...row(items[3]!.id, '新的进展'), row: 9 }] },
      ]),
    ).toThrow('“沙溪镇.xlsx”第 9 行：该工作内容在本轮已有不同的推进情况');
    expect(readLedgerSnapshot(ctx).reports.find((r) => r.id === existing.id)).toEqual(existing);
    // Only a percent: the existing text stays, the percent fills what was empty.
    commitReturnFiles(ctx, roundId, [
      {
        fileName: 'p.xlsx',
        sha256: 'p',
        size: 1,
        unitId,
        rows: [{ taskId: items[4]!.id, status: null, percent: 40, progress: '', problems: '', nextSteps: '' }],
      },
    ]);
    commitReturnFiles(ctx, roundId, [
      {
        fileName: 'q.xlsx',
        sha256: 'q',
        size: 1,
        unitId,
        rows: [
          { taskId: items[4]!.id, status: null, percent: null, progress: '已完成摸底', problems: '', nextSteps: '' },
        ],
      },
    ]);
    expect(readLedgerSnapshot(ctx).reports.find((r) => r.taskId === items[4]!.id && r.unitId === unitId)).toMatchObject(
      {
        percent: 40,
        progress: '已完成摸底',
      },
    );
    // A file with nothing filled is no import at all.
    const blank = commitReturnFiles(ctx, roundId, [
      {
        fileName: '空白.xlsx',
        sha256: 'e',
        size: 1,
        unitId,
        rows: [{ taskId: items[5]!.id, status: null, percent: null, progress: ' ', problems: '', nextSteps: '' }],
      },
    ]);
    expect(blank).toEqual({ batchIds: [], rows: 0, skippedFiles: ['空白.xlsx'] });
    expect(findImportsOfFile(ctx, 'e')).toHaveLength(0);
  });

  it('an older batch can be undone after other work, but not after its reports were edited again', () => {
    const { ctx, unitId, items, roundId } = setup();
    const [first] = commitReturnFiles(ctx, roundId, [
      { fileName: 'a.xlsx', sha256: 'a', size: 1, unitId, rows: [row(items[5]!.id, '甲')] },
    ]).batchIds;
    assert(first);
    const [second] = commitReturnFiles(ctx, roundId, [
      { fileName: 'b.xlsx', sha256: 'b', size: 1, unitId, rows: [row(items[6]!.id, '乙')] },
    ]).batchIds;
    assert(second);
    undoImportBatch(ctx, first);
    expect(readLedgerSnapshot(ctx).reports.some((r) => r.taskId === items[5]!.id && r.unitId === unitId)).toBe(false);
    runUndoable(ctx, '手工录入', (c) =>
      upsertReport(c, { ...row(items[6]!.id, '电话补报'), unitId, roundId, source: '电话' }),
    );
    expect(() => undoImportBatch(ctx, second)).toThrow('又被修改过');
    undoLast(ctx);
  });

  it('refuses a closed round and writes nothing', () => {
    const { ctx, unitId, items, roundId } = setup();
    ctx.db.prepare('UPDATE progress_round SET closed = 1').run();
    const before = readLedgerSnapshot(ctx);
    expect(() =>
      commitReturnFiles(ctx, roundId, [
        { fileName: 'a.xlsx', sha256: 'a', size: 1, unitId, rows: [row(items[0]!.id, 'x')] },
      ]),
    ).toThrow('已关闭');
    expect(readLedgerSnapshot(ctx)).toEqual(before);
    expect(listImportBatches(ctx)).toHaveLength(0);
  });
});
