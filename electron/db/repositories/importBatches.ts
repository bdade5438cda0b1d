// Import batches: one per township file imported, with its hash and its reports, so it can be undone whole.
import type { TaskStatus } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import type { LedgerContext } from '../audit';
import { ENTITIES } from '../entities';
import { keepForImport, runUndoable, undoChangeSet } from '../undo';
import { insertRow, setBookkeeping, updateRow } from '../write';
import { compareWithExisting, isFilledReport, mergeReport, reportSourceLabel } from '../../../shared/reportFields';
import { upsertReport } from './progress';
import { toReport } from './rows';

export interface ReturnRowToCommit {
  taskId: number;
  status: TaskStatus | null;
  percent: number | null;
  progress: string;
  problems: string;
  nextSteps: string;
  /** The clerk chose this row over a different report the round already holds. */
  overwrite?: boolean;
  /** Where the row was in the file, for messages. */
  sheet?: string;
  row?: number;
}

export interface ReturnFileToCommit {
  fileName: string;
  sha256: string;
  size: number;
  unitId: number;
  rows: ReturnRowToCommit[];
}

export interface ImportBatchSummary {
  id: number;
  kind: 'returns' | 'document';
  label: string;
  roundId: number | null;
  roundName: string;
  unitId: number | null;
  unitName: string;
  files: { fileName: string; sha256: string }[];
  counts: Record<string, number>;
  createdAt: string;
  actor: string;
  undoneAt: string | null;
}

/** An import_batch row as SQLite returns it. */
interface BatchRow {
  id: number;
  kind: 'returns' | 'document';
  label: string;
  round_id: number | null;
  unit_id: number | null;
  counts: string;
  created_at: string;
  actor: string;
  undone_at: string | null;
  change_set_id: number | null;
}

/** The file each import batch read, for naming where a report came from. */
export function fileNamesOfBatches(ctx: LedgerContext, batchIds: number[]): Map<number, string> {
  if (batchIds.length === 0) return new Map();
  const rows = ctx.db
    .prepare(
      `SELECT batch_id AS batchId, file_name AS fileName FROM import_file WHERE batch_id IN (${batchIds.map(() => '?').join(',')})`,
    )
    .all(...batchIds) as { batchId: number; fileName: string }[];
  return new Map(rows.map((r) => [r.batchId, r.fileName]));
}

export function findImportsOfFile(
  ctx: LedgerContext,
  sha256: string,
): { batchId: number; createdAt: string; fileName: string }[] {
  return ctx.db
    .prepare(
      `SELECT b.id AS batchId, b.created_at AS createdAt, f.file_name AS fileName FROM import_file f
         JOIN import_batch b ON b.id = f.batch_id WHERE f.sha256 = ? AND b.undone_at IS NULL ORDER BY b.id`,
    )
    .all(sha256) as { batchId: number; createdAt: string; fileName: string }[];
}

/**
 * One batch per township file, all in one transaction: the batch record, its file (SHA-256) and the
 * progress reports. The reports form one change set, so the batch can be undone exactly later.
 * A row writes only the fields it fills, over the report already there; it replaces something the
 * round already holds only when the clerk chose it (`overwrite`), so a report typed or imported in the
 * meantime is never lost to a preview that did not show it. A file with nothing to write is no batch.
 */
export function commitReturnFiles(
  ctx: LedgerContext,
  roundId: number,
  files: ReturnFileToCommit[],
): { batchIds: number[]; rows: number; skippedFiles: string[] } {
  return ctx.db.transaction(() => {
    const round = ctx.db.prepare('SELECT name, closed FROM progress_round WHERE id = ?').get(roundId) as
      { name: string; closed: number } | undefined;
    if (!round) throw new DomainError('round_not_found', '找不到所选的调度轮次，请刷新后重新选择。');
    if (round.closed)
      throw new DomainError(
        'round_closed',
        `调度轮次“${round.name}”已关闭，不能再导入。请选择其他轮次，或先重新打开该轮次。`,
      );
    const existingOf = ctx.db.prepare(
      'SELECT * FROM progress_report WHERE task_id = ? AND unit_id = ? AND round_id = ?',
    );
    const batchIds: number[] = [];
    const skippedFiles: string[] = [];
    let written = 0;
    for (const file of files) {
      const unit = ctx.db.prepare('SELECT name FROM unit WHERE id = ?').get(file.unitId) as
        { name: string } | undefined;
      if (!unit) throw new DomainError('unit_not_found', `“${file.fileName}”的填报单位已不存在，请重新选择。`);
      const rows = file.rows.filter((row) => isFilledReport(row));
      if (rows.length === 0) {
        skippedFiles.push(file.fileName);
        continue;
      }
      const label = `导入 ${unit.name} ${round.name}（${file.fileName}）`;
      const now = ctx.now();
      const batchId = recordImportBatch(ctx, {
        kind: 'returns',
        label,
        roundId,
        unitId: file.unitId,
        fileName: file.fileName,
        sha256: file.sha256,
        size: file.size,
      });
      let changeSetId: number | null = null;
      runUndoable(ctx, label, (inner) => {
        changeSetId = inner.changeSetId ?? null;
        for (const row of rows) {
          const found = existingOf.get(row.taskId, file.unitId, roundId);
          const existing = found ? toReport(found) : null;
          if (!row.overwrite && compareWithExisting(row, existing) === 'differs') {
            const where = row.row ? `第 ${row.row} 行` : `任务 ${row.taskId}`;
            throw new DomainError(
              'report_would_overwrite',
              `“${file.fileName}”${where}：该工作内容在本轮已有不同的推进情况（${reportSourceLabel(existing!.source)}，${existing!.updatedAt.slice(0, 16).replace('T', ' ')}），未选择覆盖。请重新预览并选择保留哪一条。`,
            );
          }
          const merged = mergeReport(existing, row);
          upsertReport(inner, {
            ...merged,
            taskId: row.taskId,
            unitId: file.unitId,
            roundId,
            source: 'import',
            importBatchId: batchId,
            reportedOn: now.slice(0, 10),
          });
        }
      });
      attachChangeSet(ctx, batchId, changeSetId, { rows: rows.length });
      batchIds.push(batchId);
      written += rows.length;
    }
    return { batchIds, rows: written, skippedFiles };
  })();
}

export function listImportBatches(ctx: LedgerContext): ImportBatchSummary[] {
  const rows = ctx.db
    .prepare(
      `SELECT b.*, r.name AS round_name, u.name AS unit_name FROM import_batch b
       LEFT JOIN progress_round r ON r.id = b.round_id LEFT JOIN unit u ON u.id = b.unit_id ORDER BY b.id DESC`,
    )
    .all() as (BatchRow & { round_name: string | null; unit_name: string | null })[];
  const files = ctx.db.prepare('SELECT file_name AS fileName, sha256 FROM import_file WHERE batch_id = ? ORDER BY id');
  return rows.map((b) => ({
    id: b.id,
    kind: b.kind,
    label: b.label,
    roundId: b.round_id,
    roundName: b.round_name ?? '',
    unitId: b.unit_id,
    unitName: b.unit_name ?? '',
    files: files.all(b.id) as { fileName: string; sha256: string }[],
    counts: JSON.parse(b.counts),
    createdAt: b.created_at,
    actor: b.actor,
    undoneAt: b.undone_at,
  }));
}

/** Restores the ledger to what it was before the batch, and keeps the batch on record as undone. */
export function undoImportBatch(ctx: LedgerContext, batchId: number): void {
  ctx.db.transaction(() => {
    const batch = ctx.db.prepare('SELECT * FROM import_batch WHERE id = ?').get(batchId) as BatchRow | undefined;
    if (!batch) throw new DomainError('batch_not_found', '找不到这次导入记录，请刷新后重试。');
    if (batch.undone_at)
      throw new DomainError(
        'batch_already_undone',
        `“${batch.label}”已于 ${batch.undone_at.slice(0, 16).replace('T', ' ')} 撤销。`,
      );
    if (batch.change_set_id) undoChangeSet(ctx, batch.change_set_id);
    updateRow(
      ctx,
      ENTITIES.import_batch,
      batchId,
      { undoneAt: ctx.now() },
      { audit: { action: 'undo', before: { label: batch.label }, after: undefined } },
    );
  })();
}

/** The batch record and file of one import, written outside its change set so undo keeps the record. */
export function recordImportBatch(
  ctx: LedgerContext,
  batch: {
    kind: 'returns' | 'document';
    label: string;
    roundId?: number | null;
    unitId?: number | null;
    fileName: string;
    sha256: string;
    size: number;
  },
): number {
  const { id } = insertRow(
    ctx,
    ENTITIES.import_batch,
    {
      kind: batch.kind,
      label: batch.label,
      roundId: batch.roundId ?? null,
      unitId: batch.unitId ?? null,
      createdAt: ctx.now(),
      actor: ctx.actor,
      undoneAt: null,
      files: [{ fileName: batch.fileName, sha256: batch.sha256, size: batch.size }],
    },
    { action: 'import', after: { label: batch.label, file: batch.fileName, sha256: batch.sha256 } },
  );
  return id as number;
}

export function attachChangeSet(
  ctx: LedgerContext,
  batchId: number,
  changeSetId: number | null,
  counts: Record<string, number>,
): void {
  setBookkeeping(ctx, ENTITIES.import_batch, batchId, { changeSetId, counts });
  if (changeSetId !== null) keepForImport(ctx, changeSetId);
}
