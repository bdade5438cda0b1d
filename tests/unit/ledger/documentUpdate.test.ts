// A policy document imported again: recognised as the one the ledger holds, compared item by item, and
// updated in place without losing the progress reports on its items.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentChanges, DocumentSaveOutcome, DocumentUpdateOutcome } from '../../../shared/channels/documents';
import { undoImportBatch } from '../../../electron/db/repositories/importBatches';
import { listRecycleBin } from '../../../electron/db/repositories/recycleBin';
import { readLedgerSnapshot } from '../../../electron/db/repositories/snapshot';
import { upsertReport } from '../../../electron/db/repositories/progress';
import { dispatch } from '../../../electron/handlers/dispatch';
import { defaultSavePlan, reviewDocument } from '../../../electron/services/documents/reviewDocument';
import { demoApp } from './helpers';

const fixture = (name: string) => fs.readFileSync(path.resolve(__dirname, '../../fixtures/documents', name));

async function ok<T>(promise: Promise<{ ok: boolean; data?: unknown; error?: { message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error?.message);
  return result.data as T;
}

/** The demo ledger with 文水's measures saved (the clerk confirmed its flagged items). */
async function withWenshui() {
  const app = demoApp();
  const data = fixture('wenshui-measures-2023-57.docx');
  const review = await reviewDocument(app.ledger, '若干措施.docx', data);
  const saved = await ok<DocumentSaveOutcome>(dispatch(app, 'documents:save', defaultSavePlan(review)));
  return { app, data, saved };
}

const reportsOn = (app: ReturnType<typeof demoApp>, taskId: number) =>
  (app.ledger.db.prepare('SELECT COUNT(*) AS n FROM progress_report WHERE task_id = ?').get(taskId) as { n: number }).n;

describe('saving a document with flagged items', () => {
  it('is refused until the clerk confirms, naming how many items lack a lead; nothing is written before', async () => {
    const app = demoApp();
    const review = await reviewDocument(app.ledger, '若干措施.docx', fixture('wenshui-measures-2023-57.docx'));
    const before = readLedgerSnapshot(app.ledger);
    const refused = await dispatch(app, 'documents:save', { ...defaultSavePlan(review), confirmedFlags: false });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toMatch(
      /^还有 \d+ 项缺牵头单位( · \d+ 项需核对)?，尚未确认，未保存。.*仍然保存/,
    );
    expect(readLedgerSnapshot(app.ledger)).toEqual(before);

    const saved = await ok<DocumentSaveOutcome>(
      dispatch(app, 'documents:save', { ...defaultSavePlan(review), confirmedFlags: true }),
    );
    expect(saved.flags.noLead).toBeGreaterThan(0);
    expect(saved.items).toBeGreaterThan(10);
  });
});

describe('importing a document the ledger already holds', () => {
  it('is recognised when read, by the same file, the same 文号 or the same title and issuer, and reading it writes nothing', async () => {
    const { app, data, saved } = await withWenshui();
    const before = readLedgerSnapshot(app.ledger);
    const again = await reviewDocument(app.ledger, '若干措施（再次）.docx', data);
    expect(again.duplicateOf).toMatchObject({
      documentId: saved.documentId,
      docNumber: '文卫体字〔2023〕57号',
      matchedBy: ['sha256', 'docNumber', 'titleIssuer'],
      items: saved.items,
      reports: 0,
    });
    expect(again.duplicateOf!.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}/);
    // The same words pasted as text: other bytes, the same 文号.
    const pasted = await reviewDocument(app.ledger, '若干措施.txt', fixture('wenshui-measures-2023-57.txt'));
    expect(pasted.duplicateOf?.documentId).toBe(saved.documentId);
    expect(pasted.duplicateOf?.matchedBy).toContain('docNumber');
    expect(pasted.duplicateOf?.matchedBy).not.toContain('sha256');
    // Another document is not one of them.
    expect((await reviewDocument(app.ledger, 'ordos.txt', fixture('ordos-capacity-plan.txt'))).duplicateOf).toBeNull();
    expect(readLedgerSnapshot(app.ledger)).toEqual(before);
  });

  it('compared unchanged, shows nothing new, changed or removed', async () => {
    const { app, data, saved } = await withWenshui();
    const review = await reviewDocument(app.ledger, '若干措施.docx', data);
    const diff = await ok<DocumentChanges>(
      dispatch(app, 'documents:compare', { ...defaultSavePlan(review), documentId: saved.documentId }),
    );
    expect(diff).toMatchObject({ added: [], changed: [], removed: [] });
    expect(diff.unchanged).toBe(saved.sections + saved.tasks + saved.items);
  });

  it('updates changed items in place keeping their reports, adds new ones beside their neighbours, bins a removed one only when ticked, and is undone from 导入记录', async () => {
    const { app, data, saved } = await withWenshui();
    const snap = readLedgerSnapshot(app.ledger);
    const docTasks = snap.tasks.filter((t) => t.documentId === saved.documentId);
    const review = await reviewDocument(app.ledger, '若干措施.docx', data);
    const plan = defaultSavePlan(review);
    const measures = plan.tasks.filter((t) => t.level === 'task' && t.content && t.leadUnits.length);
    const [changed, removed] = [measures[0]!, measures[measures.length - 1]!];
    const itemOf = (words: string) => docTasks.find((t) => t.level === 'item' && t.content === words)!;
    const changedItem = itemOf(changed.content);
    const removedItem = itemOf(removed.content);
    const removedTask = docTasks.find((t) => t.id === removedItem.parentId)!;

    // Reports on both items in the open round.
    const round = snap.rounds.find((r) => !r.closed)!;
    for (const item of [changedItem, removedItem]) {
      upsertReport(app.ledger, {
        taskId: item.id,
        unitId: item.leadUnitIds[0]!,
        roundId: round.id,
        status: '推进中',
        percent: 40,
        progress: '已完成摸底。',
      });
    }

    // The new edition: a new deadline for the first measure, the last measure gone, a new measure after the first.
    const added = {
      ...changed,
      key: 'new-1',
      number: '（一之二）',
      title: '建立基层卫生人才周转池',
      content: '县卫生健康局统筹编制，建立基层卫生人才周转池。',
      deadlineText: '2026年底前',
    };
    const edited = {
      ...plan,
      tasks: plan.tasks.flatMap((t) =>
        t.key === changed.key ? [{ ...t, deadlineText: '2027年6月底前' }, added] : t.key === removed.key ? [] : [t],
      ),
    };
    const diff = await ok<DocumentChanges>(
      dispatch(app, 'documents:compare', { ...edited, documentId: saved.documentId }),
    );
    expect(diff.changed).toEqual([
      {
        taskId: changedItem.id,
        level: 'item',
        label: expect.any(String),
        changes: [{ field: '完成时限', before: changedItem.deadline.text, after: '2027年6月底前' }],
      },
    ]);
    expect(diff.added.map((a) => [a.level, a.label])).toEqual([
      ['task', '（一之二）建立基层卫生人才周转池'],
      ['item', '县卫生健康局统筹编制，建立基层卫生人才周转池。'],
    ]);
    expect(diff.removed).toEqual([
      { taskId: removedTask.id, level: 'task', label: expect.stringContaining(removed.title), items: 1, reports: 1 },
    ]);

    // Not ticked: the removed measure stays.
    const before = readLedgerSnapshot(app.ledger);
    const out = await ok<DocumentUpdateOutcome>(
      dispatch(app, 'documents:update', { ...edited, documentId: saved.documentId, removeTaskIds: [] }),
    );
    expect(out).toMatchObject({ documentId: saved.documentId, added: 2, changed: 1, removed: 0 });
    const after = readLedgerSnapshot(app.ledger);
    const updated = after.tasks.find((t) => t.id === changedItem.id)!;
    expect(updated.deadline.text).toBe('2027年6月底前');
    expect(updated.deadline.date).toBe('2027-06-30');
    expect(reportsOn(app, changedItem.id)).toBe(1);
    expect(after.tasks.some((t) => t.id === removedTask.id)).toBe(true);
    const siblings = after.tasks.filter(
      (t) => t.parentId === docTasks.find((x) => x.id === changedItem.parentId)!.parentId,
    );
    const changedTaskAt = siblings.findIndex((t) => t.id === changedItem.parentId);
    expect(siblings[changedTaskAt + 1]).toMatchObject({
      title: '建立基层卫生人才周转池',
      documentId: saved.documentId,
    });
    expect(after.tasks.length).toBe(before.tasks.length + 2);

    // 导入记录 undoes the update exactly.
    undoImportBatch(app.ledger, out.batchId);
    expect(readLedgerSnapshot(app.ledger)).toEqual(before);

    // Ticked: the removed measure goes to the 回收站 with its report, and comes back with the undo.
    const binned = await ok<DocumentUpdateOutcome>(
      dispatch(app, 'documents:update', { ...edited, documentId: saved.documentId, removeTaskIds: [removedTask.id] }),
    );
    expect(binned.removed).toBe(1);
    expect(readLedgerSnapshot(app.ledger).tasks.some((t) => t.id === removedTask.id)).toBe(false);
    expect(reportsOn(app, removedItem.id)).toBe(0);
    expect(listRecycleBin(app.ledger)[0]).toMatchObject({
      kind: 'task',
      label: expect.stringContaining(removed.title),
    });
    expect(reportsOn(app, changedItem.id)).toBe(1);
    undoImportBatch(app.ledger, binned.batchId);
    expect(readLedgerSnapshot(app.ledger)).toEqual(before);
    expect(reportsOn(app, removedItem.id)).toBe(1);
  });

  it('refuses to bin an item that is not among the removed ones, and writes nothing', async () => {
    const { app, data, saved } = await withWenshui();
    const review = await reviewDocument(app.ledger, '若干措施.docx', data);
    const kept = readLedgerSnapshot(app.ledger).tasks.find(
      (t) => t.documentId === saved.documentId && t.level === 'item',
    )!;
    const before = readLedgerSnapshot(app.ledger);
    const refused = await dispatch(app, 'documents:update', {
      ...defaultSavePlan(review),
      documentId: saved.documentId,
      removeTaskIds: [kept.id],
    });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toContain('请重新比较后再更新');
    expect(readLedgerSnapshot(app.ledger)).toEqual(before);
  });
});
