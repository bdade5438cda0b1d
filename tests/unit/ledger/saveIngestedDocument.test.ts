// Saving a reviewed policy document: 新昌 and 文水 become the task tree a clerk expects; unknown units refused.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addMember, createGroup } from '../../../electron/db/repositories/groups';
import { listImportBatches, undoImportBatch } from '../../../electron/db/repositories/importBatches';
import { readLedgerSnapshot } from '../../../electron/db/repositories/snapshot';
import { undoLast } from '../../../electron/db/undo';
import { defaultSavePlan, reviewDocument } from '../../../electron/services/documents/reviewDocument';
import { saveReadDocument } from '../../../electron/services/documents/saveReadDocument';
import gold from '../../fixtures/documents/xinchang-appendix2.gold.json';
import { freshLedger } from './helpers';

const fixture = (name: string) => fs.readFileSync(path.resolve(__dirname, '../../fixtures/documents', name));

describe('saving a reviewed policy document into the ledger', () => {
  it('新昌: the appendix becomes 45 work items with their units, plus the leadership group; undo empties the ledger again', async () => {
    const { ctx } = freshLedger();
    const before = readLedgerSnapshot(ctx);
    const review = await reviewDocument(ctx, 'xinchang-reform-plan.docx', fixture('xinchang-reform-plan.docx'));
    const outcome = saveReadDocument(ctx, defaultSavePlan(review), '2026-11-23');
    const snap = readLedgerSnapshot(ctx);
    const all = snap.tasks.filter((t) => t.level === 'item');
    // The reader folds the stray spaces of PDF/Word text (满 30 年 → 满30年).
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    const goldContents = new Set(gold.items.map((g) => squeeze(g.content)));
    const items = all.filter((t) => goldContents.has(squeeze(t.content)));
    expect(items.map((t) => t.content)).toEqual(gold.items.map((g) => squeeze(g.content)));
    // Besides the appendix, only the dated phases (实施步骤) and assigned 保障措施 of the body are offered.
    const byId = new Map(snap.tasks.map((t) => [t.id, t]));
    const sectionOf = (id: number): string => {
      let n = byId.get(id)!;
      while (n.parentId !== null) n = byId.get(n.parentId)!;
      return n.number + n.title;
    };
    expect(new Set(all.filter((t) => !goldContents.has(squeeze(t.content))).map((t) => sectionOf(t.id)))).toEqual(
      new Set(['三、实施步骤', '四、保障措施']),
    );
    const unitName = new Map(snap.units.map((u) => [u.id, u.name]));
    gold.items.forEach((g, i) => {
      expect(unitName.get(items[i]!.leadUnitIds[0]!)).toBe(g.units[0]);
      expect(items[i]?.coUnitIds.map((id) => unitName.get(id))).toEqual(g.units.slice(1));
    });
    expect(outcome.items).toBe(all.length);
    expect(snap.groups.map((g) => g.name)).toEqual([review.groups[0]!.name]);
    expect(snap.documents[0]?.title).toBe('新昌县深化基层卫生健康综合改革实施方案');

    // Ctrl+Z does not undo an import; its batch does, exactly.
    expect(undoLast(ctx)).toBeNull();
    undoImportBatch(ctx, listImportBatches(ctx)[0]!.id);
    expect(readLedgerSnapshot(ctx)).toEqual(before);
  });

  it('文水: each numbered measure with its own words becomes a task with one work item carrying its units and deadline', async () => {
    const { ctx } = freshLedger();
    const review = await reviewDocument(ctx, 'wenshui-measures-2023-57.docx', fixture('wenshui-measures-2023-57.docx'));
    saveReadDocument(ctx, defaultSavePlan(review), '2026-11-23');
    const snap = readLedgerSnapshot(ctx);
    const items = snap.tasks.filter((t) => t.level === 'item');
    expect(items.length).toBeGreaterThan(10);
    expect(items.every((t) => t.content.length > 0)).toBe(true);
    expect(items.some((t) => t.deadline.recurrence === 'quarterly')).toBe(true);
    expect(snap.documents[0]).toMatchObject({ docNumber: '文卫体字〔2023〕57号', issuedOn: '2023-11-10' });
    const group = snap.groups[0]!;
    const members = snap.members.filter((m) => m.groupId === group.id);
    expect(members.find((m) => m.role === '组长')?.personName).toBe('张国强');
    expect(snap.duties.filter((d) => d.groupId === group.id)).toHaveLength(5);
  });

  it('a group the ledger already has by name is kept with its members, not created twice, and the outcome names it', async () => {
    const { ctx } = freshLedger();
    const review = await reviewDocument(ctx, 'wenshui-measures-2023-57.docx', fixture('wenshui-measures-2023-57.docx'));
    const name = review.groups[0]!.name;
    const own = createGroup(ctx, { name });
    addMember(ctx, own.id, { role: '组长', personName: '李四', post: '', unitId: null, validFrom: '2024-01-01' });
    const outcome = saveReadDocument(ctx, defaultSavePlan(review), '2026-11-23');
    const snap = readLedgerSnapshot(ctx);
    expect(snap.groups.map((g) => g.name)).toEqual([name]);
    expect(snap.members.map((m) => m.personName)).toEqual(['李四']);
    expect(outcome).toMatchObject({ groups: 0, groupsKept: [name] });
    expect(snap.tasks.filter((t) => t.level === 'item').length).toBe(outcome.items);
  });

  it('refuses a unit name that is neither known nor agreed to be added, and writes nothing', async () => {
    const { ctx } = freshLedger();
    const before = readLedgerSnapshot(ctx);
    const review = await reviewDocument(ctx, 'xinchang-reform-plan.docx', fixture('xinchang-reform-plan.docx'));
    const plan = { ...defaultSavePlan(review), newUnits: [] };
    expect(() => saveReadDocument(ctx, plan, '2026-11-23')).toThrow(/不在责任单位名单中，也没有勾选“新增为责任单位”/);
    expect(readLedgerSnapshot(ctx)).toEqual(before);
    expect(listImportBatches(ctx)).toHaveLength(0);
  });
});
