// Each of the five things a clerk can delete goes to 回收站 with what hung on it, and 还原 puts the ledger
// back exactly as it was: every affected table compared row for row, ids included.
import { describe, expect, it } from 'vitest';
import { rememberMapping } from '../../../electron/db/repositories/columnMappings';
import { recordImportBatch } from '../../../electron/db/repositories/importBatches';
import { readLedgerSnapshot } from '../../../electron/db/repositories/snapshot';
import { EMPTY_BIN_COUNTS } from '../../../shared/channels/recycleBin';
import { binApp, call, count, tables, type BinApp } from './helpers';

/** Deletes through the app's channel, checks what the bin lists, restores, and compares the tables. */
async function roundTrip(
  app: BinApp,
  affected: string[],
  remove: () => Promise<unknown>,
  expected: { kind: string; kindLabel: string; label: string; counts: Partial<typeof EMPTY_BIN_COUNTS> },
  whileBinned: () => void,
) {
  const before = tables(app, affected);
  await remove();
  whileBinned();
  const bin = await call(app, 'recycleBin:list', {});
  expect(bin).toHaveLength(1);
  expect(bin[0]).toMatchObject({
    kind: expected.kind,
    kindLabel: expected.kindLabel,
    label: expected.label,
    actor: '测试',
  });
  expect(bin[0]!.deletedAt).toMatch(/^2026-11-23T/);
  expect(bin[0]!.counts).toEqual({ ...EMPTY_BIN_COUNTS, ...expected.counts });
  const outcome = await call(app, 'recycleBin:restore', { id: bin[0]!.id });
  expect(outcome.lost).toEqual(EMPTY_BIN_COUNTS);
  expect(await call(app, 'recycleBin:list', {})).toEqual([]);
  expect(tables(app, affected)).toEqual(before);
  expect(app.errors).toEqual([]);
}

describe('delete → 回收站 → 还原, for each kind', () => {
  it('a unit, with its reports, its place in rounds, its column mapping and the references to it', async () => {
    const app = binApp();
    const unit = await call(app, 'units:create', { name: '县统计局', kind: 'county_department' });
    await call(app, 'rounds:create', {
      name: '2026年第四季度调度',
      periodStart: null,
      periodEnd: null,
      dueOn: '2026-12-31',
      unitIds: [1, unit.id],
    });
    await call(app, 'rounds:saveReport', {
      roundId: 1,
      unitId: unit.id,
      taskId: 3,
      status: '推进中',
      percent: 40,
      progress: '已完成数据比对',
      problems: '',
      nextSteps: '',
      source: 'phone',
    });
    rememberMapping(app.ledger, unit.id, '序号|工作内容|完成情况', { progress: 2 });
    await call(app, 'groups:addDuty', { groupId: 1, unitId: unit.id, duty: '负责统计监测数据' });
    await call(app, 'groups:update', { id: 1, patch: { officeUnitId: unit.id } });
    // A former member from this unit: the membership ended, its history names the unit.
    const member = await call(app, 'groups:addMember', {
      groupId: 1,
      member: { role: '成员', personName: '李统计', unitId: unit.id },
      validFrom: '2025-01-01',
    });
    const { started } = await call(app, 'groups:changePerson', {
      memberId: member.id,
      personName: '周统计',
      on: '2026-03-01',
    });
    await call(app, 'groups:removeMember', { id: started.id });
    // That removal went to the bin too; only the unit's own entry is under test here.
    await call(app, 'recycleBin:empty', {});

    await roundTrip(
      app,
      [
        'unit',
        'progress_report',
        'round_unit',
        'column_mapping',
        'group_duty',
        'group_member',
        'leadership_group',
        'progress_round',
      ],
      () => call(app, 'units:delete', { id: unit.id }),
      {
        kind: 'unit',
        kindLabel: '单位',
        label: '县统计局',
        counts: { reports: 1, roundUnits: 1, mappings: 1, refDuties: 1, refGroups: 1, refMembers: 1 },
      },
      () => {
        expect(readLedgerSnapshot(app.ledger).units.map((u) => u.name)).not.toContain('县统计局');
        expect(count(app, 'SELECT COUNT(*) AS n FROM progress_report WHERE unit_id = ?', unit.id)).toBe(0);
        expect(count(app, 'SELECT COUNT(*) AS n FROM round_unit WHERE unit_id = ?', unit.id)).toBe(0);
        expect(count(app, 'SELECT COUNT(*) AS n FROM group_duty WHERE unit_id IS NULL')).toBe(1);
        expect(count(app, 'SELECT COUNT(*) AS n FROM leadership_group WHERE office_unit_id IS NULL')).toBe(1);
      },
    );
  });

  it('a 重点任务 with its work items, their unit links and reports', async () => {
    const app = binApp();
    await roundTrip(
      app,
      ['task', 'task_unit', 'progress_report'],
      async () => expect(await call(app, 'tasks:delete', { id: 2 })).toEqual({ deleted: 4 }),
      {
        kind: 'task',
        kindLabel: '重点任务',
        label: '1.建设高水平县域医共体',
        counts: { items: 3, unitLinks: 12, reports: 1 },
      },
      () => {
        const view = readLedgerSnapshot(app.ledger);
        expect(view.tasks.filter((t) => [2, 3, 4, 5].includes(t.id))).toEqual([]);
        expect(view.reports.filter((r) => r.taskId === 3)).toEqual([]);
      },
    );
  });

  it('a leadership group with all its memberships (past ones too) and member-unit duties', async () => {
    const app = binApp();
    await call(app, 'groups:changePerson', { memberId: 1, personName: '张新任', on: '2026-06-01' });
    await roundTrip(
      app,
      ['leadership_group', 'group_member', 'group_duty'],
      () => call(app, 'groups:delete', { id: 1 }),
      {
        kind: 'group',
        kindLabel: '领导小组',
        label: '新昌县深化基层卫生健康综合改革领导小组',
        counts: { members: 21, duties: 4 },
      },
      () => {
        expect(readLedgerSnapshot(app.ledger).groups).toEqual([]);
        expect(count(app, 'SELECT COUNT(*) AS n FROM group_member')).toBe(0);
      },
    );
  });

  it('a round with its reports and the units asked to report; import records citing it get it back', async () => {
    const app = binApp();
    recordImportBatch(app.ledger, {
      kind: 'returns',
      label: '导入 沙溪镇',
      roundId: 1,
      unitId: 24,
      fileName: '沙溪镇.xlsx',
      sha256: 'a'.repeat(64),
      size: 10,
    });
    await roundTrip(
      app,
      ['progress_round', 'round_unit', 'progress_report', 'import_batch'],
      () => call(app, 'rounds:delete', { id: 1 }),
      {
        kind: 'round',
        kindLabel: '调度轮次',
        label: '2026年第三季度调度',
        counts: { reports: 10, roundUnits: 8, refImports: 1 },
      },
      () => {
        const view = readLedgerSnapshot(app.ledger);
        expect(view.rounds).toEqual([]);
        expect(view.reports).toEqual([]);
        expect(count(app, 'SELECT COUNT(*) AS n FROM import_batch WHERE round_id IS NULL')).toBe(1);
      },
    );
  });

  it('a policy document: its tasks and group stay, stop citing it, and cite it again after 还原', async () => {
    const app = binApp();
    const [doc] = await call(app, 'documents:list', {});
    expect(doc).toMatchObject({ taskCount: 64, itemCount: 45, groupCount: 1 });
    await roundTrip(
      app,
      ['policy_document', 'task', 'leadership_group'],
      () => call(app, 'documents:delete', { id: doc!.id }),
      {
        kind: 'document',
        kindLabel: '文件',
        label: doc!.docNumber ? `${doc!.title}（${doc!.docNumber}）` : doc!.title,
        counts: { refTasks: 64, refItems: 45, refGroups: 1 },
      },
      () => {
        const view = readLedgerSnapshot(app.ledger);
        expect(view.documents).toEqual([]);
        expect(view.tasks).toHaveLength(64);
        expect(view.tasks.every((t) => t.documentId === null)).toBe(true);
      },
    );
  });
});
