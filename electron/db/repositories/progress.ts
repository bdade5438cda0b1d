import type { ProgressReport, ProgressRound, TaskStatus } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import { writeAudit, type LedgerContext } from '../audit';
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
  return (ctx.db.prepare('SELECT * FROM progress_round ORDER BY id').all() as any[]).map(toRound);
}

export function listRoundUnits(ctx: LedgerContext): { roundId: number; unitId: number }[] {
  return (ctx.db.prepare('SELECT round_id, unit_id FROM round_unit ORDER BY round_id, unit_id').all() as any[]).map((r) => ({
    roundId: r.round_id,
    unitId: r.unit_id,
  }));
}

export function listReports(ctx: LedgerContext, roundId?: number): ProgressReport[] {
  const rows = roundId === undefined
    ? ctx.db.prepare('SELECT * FROM progress_report ORDER BY round_id, task_id, unit_id').all()
    : ctx.db.prepare('SELECT * FROM progress_report WHERE round_id = ? ORDER BY task_id, unit_id').all(roundId);
  return (rows as any[]).map(toReport);
}

export function createRound(ctx: LedgerContext, input: RoundInput): ProgressRound {
  return ctx.db.transaction(() => {
    const name = input.name.trim();
    if (!name) throw new DomainError('round_name_empty', '调度轮次名称不能为空，例如“2024年第二季度调度”。');
    if (ctx.db.prepare('SELECT 1 FROM progress_round WHERE name = ?').get(name)) {
      throw new DomainError('round_name_duplicate', `调度轮次“${name}”已存在，请换一个名称。`);
    }
    const info = ctx.db
      .prepare('INSERT INTO progress_round (name, period_start, period_end, due_on, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(name, input.periodStart ?? null, input.periodEnd ?? null, input.dueOn ?? null, ctx.now());
    const id = Number(info.lastInsertRowid);
    const link = ctx.db.prepare('INSERT INTO round_unit (round_id, unit_id) VALUES (?, ?)');
    for (const unitId of new Set(input.unitIds ?? [])) link.run(id, unitId);
    const created = toRound(ctx.db.prepare('SELECT * FROM progress_round WHERE id = ?').get(id));
    writeAudit(ctx, { entity: 'progress_round', entityId: id, action: 'create', after: { ...created, unitIds: input.unitIds ?? [] } });
    return created;
  })();
}

/** One report per task, unit and round: a later report for the same three replaces the earlier one (audited). */
export function upsertReport(ctx: LedgerContext, input: ReportInput): ProgressReport {
  return ctx.db.transaction(() => {
    if (input.percent != null && (input.percent < 0 || input.percent > 100)) {
      throw new DomainError('report_bad_percent', `完成进度应在 0 到 100 之间，收到的是 ${input.percent}。`);
    }
    const existing = ctx.db
      .prepare('SELECT * FROM progress_report WHERE task_id = ? AND unit_id = ? AND round_id = ?')
      .get(input.taskId, input.unitId, input.roundId) as any;
    const values = [
      input.status ?? null,
      input.percent ?? null,
      input.progress ?? '',
      input.problems ?? '',
      input.nextSteps ?? '',
      input.source ?? 'manual',
      input.importBatchId ?? null,
      input.reportedOn ?? null,
      ctx.now(),
    ];
    let id: number;
    if (existing) {
      id = existing.id;
      ctx.db
        .prepare(
          `UPDATE progress_report SET status = ?, percent = ?, progress = ?, problems = ?, next_steps = ?, source = ?,
             import_batch_id = ?, reported_on = ?, updated_at = ? WHERE id = ?`,
        )
        .run(...values, id);
    } else {
      id = Number(
        ctx.db
          .prepare(
            `INSERT INTO progress_report (status, percent, progress, problems, next_steps, source, import_batch_id, reported_on, updated_at,
               task_id, unit_id, round_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(...values, input.taskId, input.unitId, input.roundId).lastInsertRowid,
      );
    }
    const after = toReport(ctx.db.prepare('SELECT * FROM progress_report WHERE id = ?').get(id));
    writeAudit(ctx, {
      entity: 'progress_report',
      entityId: id,
      action: existing ? 'update' : 'create',
      before: existing ? toReport(existing) : undefined,
      after,
    });
    return after;
  })();
}
