// The task list as the grid shows it: section banners, work items beside their tasks, filters.
import { describe, expect, it } from 'vitest';
import { readLedgerSnapshot } from '../../../electron/db/repositories/snapshot';
import { buildTaskListView } from '../../../electron/services/taskListView';
import { EMPTY_FILTER, filterGridRows, toGridRows } from '../../../shared/taskListRows';
import { freshLedger } from '../ledger/helpers';

function demoRows() {
  const { ctx } = freshLedger({ demo: true });
  const snap = readLedgerSnapshot(ctx);
  const view = buildTaskListView(snap, '2026-11-23');
  return { rows: toGridRows(view.rows, new Map(snap.units.map((u) => [u.id, u.name]))), snap };
}

describe('the task list as the grid shows it', () => {
  it('shows each section as a banner and every work item beside its 重点任务, with unit names', () => {
    const { rows } = demoRows();
    expect(rows.filter((r) => r.kind === 'section')).toHaveLength(5);
    const items = rows.filter((r) => r.kind === 'item');
    expect(items).toHaveLength(45);
    expect(items[0]).toMatchObject({
      leadNames: '县卫生健康局',
      coNames: '县财政局、县人力资源和社会保障局、县医疗保障局',
    });
    expect(items[0]?.task?.title).toBe('建设高水平县域医共体');
  });

  it('filters by unit as lead or co-unit, keeping the section banners above what is shown', () => {
    const { rows, snap } = demoRows();
    const finance = snap.units.find((u) => u.name === '县财政局')!;
    const shown = filterGridRows(rows, { ...EMPTY_FILTER, unitId: finance.id });
    const items = shown.filter((r) => r.kind === 'item');
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((r) => r.node.leadUnitIds.includes(finance.id) || r.node.coUnitIds.includes(finance.id))).toBe(
      true,
    );
    for (const item of items)
      expect(shown.indexOf(shown.find((r) => r.kind === 'section' && r.node.id === item.section?.id)!)).toBeLessThan(
        shown.indexOf(item),
      );
  });

  it('filters overdue, by deadline range, by text and by document', () => {
    const { rows, snap } = demoRows();
    const overdue = filterGridRows(rows, { ...EMPTY_FILTER, status: '逾期' }).filter((r) => r.kind === 'item');
    expect(overdue.length).toBe(7);
    expect(overdue.every((r) => r.node.deadline.date! < '2026-11-23')).toBe(true);
    const inJune = filterGridRows(rows, {
      ...EMPTY_FILTER,
      deadlineFrom: '2026-06-01',
      deadlineTo: '2026-06-30',
    }).filter((r) => r.kind === 'item');
    expect(inJune.every((r) => r.node.deadline.date === '2026-06-30')).toBe(true);
    expect(
      filterGridRows(rows, { ...EMPTY_FILTER, text: '家庭医生' }).filter((r) => r.kind === 'item').length,
    ).toBeGreaterThan(0);
    expect(
      filterGridRows(rows, { ...EMPTY_FILTER, documentId: snap.documents[0]!.id }).filter((r) => r.kind === 'item'),
    ).toHaveLength(45);
    expect(filterGridRows(rows, { ...EMPTY_FILTER, documentId: 999 })).toHaveLength(0);
  });
});
