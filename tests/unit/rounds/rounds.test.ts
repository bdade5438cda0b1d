// 调度轮次 in the ledger: who is expected, who has reported or is overdue, closing, refusals.
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../../electron/db/audit';
import {
  closeRound,
  createRound,
  defaultRoundUnitIds,
  listReports,
  listRounds,
  listUnitReports,
  listUnitTasks,
  recordManualReport,
  unitReportStatuses,
  upsertReport,
} from '../../../electron/db/repositories/progress';
import { createTask } from '../../../electron/db/repositories/tasks';
import { createUnit, listUnits } from '../../../electron/db/repositories/units';
import { auditCount, freshLedger } from '../ledger/helpers';
import assert from 'node:assert';

function ledgerWithTasks() {
  const { ctx } = freshLedger();
  const u = (
    name: string,
    kind: 'county_department' | 'township' | 'collective' = 'county_department',
    active = true,
  ) => createUnit(ctx, { name, kind, active });
  const health = u('县卫生健康局');
  const finance = u('县财政局');
  const civil = u('县民政局');
  const retired = u('县老干部局', 'county_department', false);
  const idle = u('县统计局');
  const towns = u('各乡镇街道', 'collective');
  const shaxi = u('沙溪镇', 'township');
  const chengnan = u('城南乡', 'township');
  const section = createTask(ctx, { level: 'section', number: '一、', title: '体系建设' });
  const task = createTask(ctx, { level: 'task', parentId: section.id, number: '1.', title: '医共体' });
  const item = (
    content: string,
    lead: number[],
    co: number[],
    status: '推进中' | '已完成' | '已销号' | '长期坚持' = '推进中',
  ) => createTask(ctx, { level: 'item', parentId: task.id, content, leadUnitIds: lead, coUnitIds: co, status });
  const open = item('完善医共体绩效分配制度', [health.id], [finance.id]);
  const done = item('建成县级医学影像中心', [civil.id], [], '已完成');
  item('已审核销号的任务', [idle.id], [], '已销号');
  item('老干部健康体检', [retired.id], []);
  const townItem = item('推进联合病房建设', [health.id], [towns.id], '长期坚持');
  return { ctx, health, finance, civil, retired, idle, towns, shaxi, chengnan, open, done, townItem };
}

const report = (roundId: number, unitId: number, taskId: number) => ({
  roundId,
  unitId,
  taskId,
  status: '推进中' as const,
  percent: 50,
  progress: '已召开推进会。',
  problems: '',
  nextSteps: '',
  source: 'phone' as const,
  reportedOn: '2026-11-20',
});

describe('progress rounds repository', () => {
  it('expects by default every active unit on an unfinished task, a 各乡镇街道 collective standing for each township', () => {
    const { ctx, health, finance, shaxi, chengnan } = ledgerWithTasks();
    expect(defaultRoundUnitIds(ctx)).toEqual([health.id, finance.id, shaxi.id, chengnan.id]);
    const round = createRound(ctx, {
      name: '2026年第四季度调度',
      periodStart: '2026-10-01',
      periodEnd: '2026-12-31',
      dueOn: '2027-01-10',
    });
    expect(unitReportStatuses(ctx, round.id, '2026-12-01').map((s) => s.unitName)).toEqual([
      '县卫生健康局',
      '县财政局',
      '沙溪镇',
      '城南乡',
    ]);
  });

  it('tells 已报送 / 未报送 / 逾期未报 apart by reports and the due date, listing unexpected reporters too', () => {
    const { ctx, health, finance, civil, open, done } = ledgerWithTasks();
    const round = createRound(ctx, {
      name: '2026年第三季度调度',
      dueOn: '2026-10-10',
      unitIds: [health.id, finance.id],
    });
    upsertReport(ctx, { ...report(round.id, health.id, open.id), source: 'import' });
    recordManualReport(ctx, report(round.id, civil.id, done.id));
    const before = unitReportStatuses(ctx, round.id, '2026-10-10');
    expect(before.map((s) => [s.unitName, s.state, s.reportCount, s.expected])).toEqual([
      ['县卫生健康局', 'reported', 1, true],
      ['县财政局', 'missing', 0, true],
      ['县民政局', 'reported', 1, false],
    ]);
    expect(unitReportStatuses(ctx, round.id, '2026-10-11').find((s) => s.unitId === finance.id)?.state).toBe('overdue');
    expect(listUnitReports(ctx, round.id, civil.id)).toMatchObject([
      { taskContent: '建成县级医学影像中心', source: 'phone', percent: 50 },
    ]);
  });

  it('closing a round blocks further reports, typed or imported, and is audited', () => {
    const { ctx, health, open } = ledgerWithTasks();
    const round = createRound(ctx, { name: '2026年第三季度调度', dueOn: '2026-10-10', unitIds: [health.id] });
    recordManualReport(ctx, report(round.id, health.id, open.id));
    closeRound(ctx, round.id);
    expect(listRounds(ctx)[0]?.closed).toBe(true);
    const before = auditCount(ctx);
    expect(() => recordManualReport(ctx, { ...report(round.id, health.id, open.id), percent: 90 })).toThrow(
      '已关闭，不能再录入或导入推进情况',
    );
    expect(() => upsertReport(ctx, { ...report(round.id, health.id, open.id), source: 'import' })).toThrow('已关闭');
    expect(() => closeRound(ctx, round.id)).toThrow('已经关闭');
    expect(auditCount(ctx)).toBe(before);
    expect(listReports(ctx, round.id)[0]?.percent).toBe(50);
    expect(listAudit(ctx.db, { entity: 'progress_round', entityId: round.id })[0]).toMatchObject({
      action: 'update',
      before: { closed: false },
      after: { closed: true },
    });
  });

  it('refuses an empty typed report, a section as the task, a bad period and a duplicate name', () => {
    const { ctx, health, open } = ledgerWithTasks();
    const round = createRound(ctx, { name: '2026年第三季度调度', dueOn: '2026-10-10', unitIds: [health.id] });
    expect(() =>
      recordManualReport(ctx, { ...report(round.id, health.id, open.id), status: null, percent: null, progress: '  ' }),
    ).toThrow('请至少填写');
    expect(() => recordManualReport(ctx, { ...report(round.id, health.id, open.parentId!) })).toThrow('具体的工作内容');
    expect(() => createRound(ctx, { name: '2026年第三季度调度', unitIds: [health.id] })).toThrow('已存在');
    expect(() =>
      createRound(ctx, { name: '错期', periodStart: '2026-12-01', periodEnd: '2026-10-01', unitIds: [health.id] }),
    ).toThrow('晚于结束日期');
    expect(() => createRound(ctx, { name: '无此单位', unitIds: [9999] })).toThrow('已被删除的单位');
    expect(listRounds(ctx)).toHaveLength(1);
  });

  it("offers a township the tasks of its own and of 各乡镇街道, a unit's own tasks first when unfinished", () => {
    const { ctx, shaxi, civil, health } = ledgerWithTasks();
    expect(listUnitTasks(ctx, shaxi.id).map((t) => [t.content, t.role])).toEqual([['推进联合病房建设', 'co']]);
    expect(listUnitTasks(ctx, civil.id).map((t) => t.status)).toEqual(['已完成']);
    expect(listUnitTasks(ctx, health.id).map((t) => t.content)).toEqual(['完善医共体绩效分配制度', '推进联合病房建设']);
  });

  it('the demo ledger expects the units with open work and its round shows who reported', () => {
    const { ctx } = freshLedger({ demo: true });
    const names = new Map(listUnits(ctx).map((u) => [u.id, u.name]));
    const expected = defaultRoundUnitIds(ctx).map((id) => names.get(id));
    expect(expected).toContain('县卫生健康局');
    expect(expected).toContain('沙溪镇');
    expect(expected).not.toContain('各乡镇街道');
    const [round] = listRounds(ctx);
    assert(round);
    const states = unitReportStatuses(ctx, round.id, '2026-11-23');
    expect(states.find((s) => s.unitName === '城南乡')?.state).toBe('overdue');
    expect(states.find((s) => s.unitName === '沙溪镇')?.state).toBe('reported');
  });
});
