// 调度轮次 and 推进情况: rounds, the units each asks, and one progress report per task, unit and round.
import { collectiveCovers } from '../../../shared/collectives';
import type {
  ProgressReport,
  ProgressRound,
  TaskStatus,
  UnitKind,
  UnitReport,
  UnitReportStatus,
  UnitTask,
} from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import { filledReportSql } from '../../../shared/reportFields';
import type { LedgerContext } from '../audit';
import { ENTITIES } from '../entities';
import { insertRow, updateRow } from '../write';
import { moveToBin } from './recycleBin';
import { toReport, toRound } from './rows';

export interface RoundInput {
  name: string;
  periodStart?: string | null;
  periodEnd?: string | null;
  dueOn?: string | null;
  unitIds?: number[];
}

export interface ReportInput {
  taskId: number;
  unitId: number;
  roundId: number;
  status?: TaskStatus | null;
  percent?: number | null;
  progress?: string;
  problems?: string;
  nextSteps?: string;
  source?: string;
  importBatchId?: number | null;
  reportedOn?: string | null;
}

export function listRounds(ctx: LedgerContext): ProgressRound[] {
  return ctx.db.prepare('SELECT * FROM progress_round ORDER BY id').all().map(toRound);
}

export function listRoundUnits(ctx: LedgerContext): { roundId: number; unitId: number }[] {
  return (
    ctx.db.prepare('SELECT round_id, unit_id FROM round_unit ORDER BY round_id, unit_id').all() as {
      round_id: number;
      unit_id: number;
    }[]
  ).map((r) => ({
    roundId: r.round_id,
    unitId: r.unit_id,
  }));
}

export function listReports(ctx: LedgerContext, roundId?: number): ProgressReport[] {
  const rows =
    roundId === undefined
      ? ctx.db.prepare('SELECT * FROM progress_report ORDER BY round_id, task_id, unit_id').all()
      : ctx.db.prepare('SELECT * FROM progress_report WHERE round_id = ? ORDER BY task_id, unit_id').all(roundId);
  return rows.map(toReport);
}

/** Reports on these tasks, in every round. */
export function listReportsForTasks(ctx: LedgerContext, taskIds: number[]): ProgressReport[] {
  if (taskIds.length === 0) return [];
  const rows = ctx.db
    .prepare(
      `SELECT * FROM progress_report WHERE task_id IN (${taskIds.map(() => '?').join(',')}) ORDER BY round_id, task_id, unit_id`,
    )
    .all(...taskIds);
  return rows.map(toReport);
}

export function createRound(ctx: LedgerContext, input: RoundInput): ProgressRound {
  return ctx.db.transaction(() => {
    const name = input.name.trim();
    if (!name) throw new DomainError('round_name_empty', '调度轮次名称不能为空，例如“2024年第二季度调度”。');
    if (ctx.db.prepare('SELECT 1 FROM progress_round WHERE name = ?').get(name)) {
      throw new DomainError('round_name_duplicate', `调度轮次“${name}”已存在，请换一个名称。`);
    }
    if (input.periodStart && input.periodEnd && input.periodStart > input.periodEnd) {
      throw new DomainError(
        'round_bad_period',
        `调度周期的开始日期 ${input.periodStart} 晚于结束日期 ${input.periodEnd}，请检查。`,
      );
    }
    const unitIds = [...new Set(input.unitIds ?? defaultRoundUnitIds(ctx))];
    const known = ctx.db.prepare('SELECT 1 FROM unit WHERE id = ?');
    if (unitIds.some((id) => !known.get(id))) {
      throw new DomainError('unit_not_found', '勾选的单位中有已被删除的单位，请刷新后重新勾选。');
    }
    const { id } = insertRow(ctx, ENTITIES.progress_round, {
      name,
      periodStart: input.periodStart ?? null,
      periodEnd: input.periodEnd ?? null,
      dueOn: input.dueOn ?? null,
      closed: false,
      createdAt: ctx.now(),
      unitIds,
    });
    const created = getRound(ctx, id as number);
    return created;
  })();
}

/** Name and dates of a round corrected after it was created (a typo, a deadline moved); the units asked stay. */
export function updateRound(
  ctx: LedgerContext,
  id: number,
  patch: { name?: string; periodStart?: string | null; periodEnd?: string | null; dueOn?: string | null },
): ProgressRound {
  return ctx.db.transaction(() => {
    const before = getRound(ctx, id);
    const name = (patch.name ?? before.name).trim();
    if (!name) throw new DomainError('round_name_empty', '调度轮次名称不能为空，例如“2024年第二季度调度”。');
    if (ctx.db.prepare('SELECT 1 FROM progress_round WHERE name = ? AND id <> ?').get(name, id)) {
      throw new DomainError('round_name_duplicate', `调度轮次“${name}”已存在，请换一个名称。`);
    }
    const periodStart = patch.periodStart === undefined ? before.periodStart : patch.periodStart;
    const periodEnd = patch.periodEnd === undefined ? before.periodEnd : patch.periodEnd;
    if (periodStart && periodEnd && periodStart > periodEnd) {
      throw new DomainError(
        'round_bad_period',
        `调度周期的开始日期 ${periodStart} 晚于结束日期 ${periodEnd}，请检查。`,
      );
    }
    const dueOn = patch.dueOn === undefined ? before.dueOn : patch.dueOn;
    updateRow(ctx, ENTITIES.progress_round, id, { name, periodStart, periodEnd, dueOn }, { onlyIfChanged: true });
    return getRound(ctx, id);
  })();
}

/** One report per task, unit and round: a later report for the same three replaces the earlier one (audited). */
export function upsertReport(ctx: LedgerContext, input: ReportInput): ProgressReport {
  return ctx.db.transaction(() => {
    const round = getRound(ctx, input.roundId);
    if (round.closed) {
      throw new DomainError(
        'round_closed',
        `调度轮次“${round.name}”已关闭，不能再录入或导入推进情况。请选择一个未关闭的轮次。`,
      );
    }
    if (input.percent != null && (input.percent < 0 || input.percent > 100)) {
      throw new DomainError('report_bad_percent', `完成进度应在 0 到 100 之间，收到的是 ${input.percent}。`);
    }
    const existing = ctx.db
      .prepare('SELECT id FROM progress_report WHERE task_id = ? AND unit_id = ? AND round_id = ?')
      .get(input.taskId, input.unitId, input.roundId) as { id: number } | undefined;
    const values = {
      status: input.status ?? null,
      percent: input.percent ?? null,
      progress: input.progress ?? '',
      problems: input.problems ?? '',
      nextSteps: input.nextSteps ?? '',
      source: input.source ?? 'manual',
      importBatchId: input.importBatchId ?? null,
      reportedOn: input.reportedOn ?? null,
      updatedAt: ctx.now(),
    };
    const id = existing
      ? existing.id
      : insertRow(ctx, ENTITIES.progress_report, {
          ...values,
          taskId: input.taskId,
          unitId: input.unitId,
          roundId: input.roundId,
        }).id;
    if (existing) updateRow(ctx, ENTITIES.progress_report, id as number, values);
    return toReport(ctx.db.prepare('SELECT * FROM progress_report WHERE id = ?').get(id));
  })();
}

export function getRound(ctx: LedgerContext, id: number): ProgressRound {
  const row = ctx.db.prepare('SELECT * FROM progress_round WHERE id = ?').get(id);
  if (!row) throw new DomainError('round_not_found', `找不到编号为 ${id} 的调度轮次，可能已被删除。请刷新后重试。`);
  return toRound(row);
}

/** Statuses after which a task needs no more progress returns. */
const FINISHED = ['已完成', '已销号'];

interface UnitRow {
  id: number;
  name: string;
  kind: UnitKind;
  active: number;
}

/**
 * Who is asked to report by default: every active unit leading or helping on a task not yet finished,
 * a collective (各乡镇街道) standing for its members, in unit order.
 */
export function defaultRoundUnitIds(ctx: LedgerContext): number[] {
  const assigned = ctx.db
    .prepare(
      `SELECT DISTINCT u.id, u.name, u.kind, u.active FROM unit u
         JOIN task_unit tu ON tu.unit_id = u.id
         JOIN task t ON t.id = tu.task_id
       WHERE t.status NOT IN (${FINISHED.map(() => '?').join(', ')})`,
    )
    .all(...FINISHED) as UnitRow[];
  const all = ctx.db.prepare('SELECT id, name, kind, active FROM unit ORDER BY sort_order, id').all() as UnitRow[];
  const wanted = new Set<number>();
  // 各乡镇街道 on a task means each township answers for itself; the collective never reports.
  for (const unit of assigned) {
    const members = all.filter((u) => collectiveCovers(unit, u));
    if (members.length > 0) members.filter((u) => u.active).forEach((u) => wanted.add(u.id));
    else if (unit.active) wanted.add(unit.id);
  }
  return all.filter((u) => wanted.has(u.id)).map((u) => u.id);
}

/** A closed round is read-only: no more reports, typed or imported. */
export function closeRound(ctx: LedgerContext, id: number): ProgressRound {
  return ctx.db.transaction(() => {
    const before = getRound(ctx, id);
    if (before.closed) throw new DomainError('round_already_closed', `调度轮次“${before.name}”已经关闭。`);
    updateRow(ctx, ENTITIES.progress_round, id, { closed: true });
    const after = getRound(ctx, id);
    return after;
  })();
}

/** The round goes to the recycle bin with its reports and the list of units asked to report. */
export function deleteRound(ctx: LedgerContext, id: number, into?: number): void {
  ctx.db.transaction(() => {
    const round = getRound(ctx, id);
    moveToBin(ctx, { kind: 'round', kindLabel: '调度轮次', label: round.name, table: 'progress_round', id }, into);
  })();
}

/** 已报送 / 未报送 / 逾期未报 per unit: overdue once the due date has passed with nothing reported; a report with nothing in it does not count. */
export function unitReportStatuses(ctx: LedgerContext, roundId: number, today: string): UnitReportStatus[] {
  const round = getRound(ctx, roundId);
  const rows = ctx.db
    .prepare(
      `SELECT u.id, u.name, (ru.unit_id IS NOT NULL) AS expected, COUNT(pr.id) AS n, MAX(COALESCE(pr.reported_on, substr(pr.updated_at, 1, 10))) AS last
       FROM unit u
         LEFT JOIN round_unit ru ON ru.unit_id = u.id AND ru.round_id = ?
         LEFT JOIN progress_report pr ON pr.unit_id = u.id AND pr.round_id = ? AND ${filledReportSql('pr')}
       GROUP BY u.id
       HAVING expected OR n > 0
       ORDER BY u.sort_order, u.id`,
    )
    .all(roundId, roundId) as { id: number; name: string; expected: number; n: number; last: string | null }[];
  const late = round.dueOn !== null && today > round.dueOn;
  return rows.map((r) => ({
    unitId: r.id,
    unitName: r.name,
    expected: r.expected === 1,
    reportCount: r.n,
    lastReportedOn: r.n > 0 ? r.last : null,
    state: r.n > 0 ? 'reported' : late ? 'overdue' : 'missing',
  }));
}

export function listUnitReports(ctx: LedgerContext, roundId: number, unitId: number): UnitReport[] {
  const rows = ctx.db
    .prepare(
      `SELECT pr.*, CASE WHEN t.content <> '' THEN t.content ELSE t.title END AS task_content
       FROM progress_report pr JOIN task t ON t.id = pr.task_id
       WHERE pr.round_id = ? AND pr.unit_id = ? ORDER BY t.id`,
    )
    .all(roundId, unitId) as (Record<string, unknown> & { task_content: string })[];
  return rows.map((r) => ({ ...toReport(r), taskContent: r.task_content }));
}

/**
 * The work items a unit leads or helps on, directly or through its collective (各乡镇街道), unfinished
 * first, for picking which one a phone report is about.
 */
export function listUnitTasks(ctx: LedgerContext, unitId: number): UnitTask[] {
  const unit = ctx.db.prepare('SELECT id, name, kind, active FROM unit WHERE id = ?').get(unitId) as
    UnitRow | undefined;
  if (!unit) throw new DomainError('unit_not_found', '所选单位已不存在（可能已被删除）。请刷新后重新选择。');
  const collectives = (
    ctx.db.prepare("SELECT id, name, kind, active FROM unit WHERE kind = 'collective'").all() as UnitRow[]
  )
    .filter((c) => collectiveCovers(c, unit))
    .map((c) => c.id);
  const ids = [unitId, ...collectives];
  const rows = ctx.db
    .prepare(
      `SELECT t.id, t.number, CASE WHEN t.content <> '' THEN t.content ELSE t.title END AS content, tu.role, tu.unit_id, t.status
       FROM task_unit tu JOIN task t ON t.id = tu.task_id
       WHERE tu.unit_id IN (${ids.map(() => '?').join(', ')}) AND t.level = 'item'
       ORDER BY (t.status IN ('已完成', '已销号')), t.id`,
    )
    .all(...ids) as {
    id: number;
    number: string;
    content: string;
    role: 'lead' | 'co';
    unit_id: number;
    status: TaskStatus;
  }[];
  const byTask = new Map<number, UnitTask>();
  for (const r of rows) {
    // A unit named on the task itself outranks the collective it belongs to.
    if (byTask.has(r.id) && r.unit_id !== unitId) continue;
    byTask.set(r.id, { taskId: r.id, number: r.number, content: r.content, role: r.role, status: r.status });
  }
  return [...byTask.values()];
}

export type ManualSource = 'phone' | 'manual';

export interface ManualReportInput {
  roundId: number;
  unitId: number;
  taskId: number;
  status: TaskStatus | null;
  percent: number | null;
  progress: string;
  problems: string;
  nextSteps: string;
  source: ManualSource;
  reportedOn: string;
}

/**
 * Progress a clerk types in (a phone call, a paper form). Any unit may report on any work item, as units
 * do in real returns; an empty report is refused so a stray click does not count as 已报送.
 */
export function recordManualReport(ctx: LedgerContext, input: ManualReportInput): ProgressReport {
  return ctx.db.transaction(() => {
    if (!ctx.db.prepare('SELECT 1 FROM unit WHERE id = ?').get(input.unitId)) {
      throw new DomainError('unit_not_found', '所选单位已不存在（可能已被删除）。请刷新后重新选择。');
    }
    const task = ctx.db.prepare('SELECT level FROM task WHERE id = ?').get(input.taskId) as
      { level: string } | undefined;
    if (!task) throw new DomainError('task_not_found', '所选任务已不存在（可能已被删除）。请刷新后重新选择。');
    if (task.level !== 'item')
      throw new DomainError('report_not_item', '推进情况要填在具体的工作内容上，请选择一项工作内容。');
    const progress = input.progress.trim();
    if (input.status === null && input.percent === null && !progress) {
      throw new DomainError('report_empty', '请至少填写状态、完成进度或完成情况中的一项。');
    }
    return upsertReport(ctx, {
      ...input,
      progress,
      problems: input.problems.trim(),
      nextSteps: input.nextSteps.trim(),
    });
  })();
}
