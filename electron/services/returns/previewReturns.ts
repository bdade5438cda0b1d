// A township return readied for the clerk's decision: its rows weighed against the reports the round already holds.
import type { ExistingReportView, ReturnFileView, ReturnRowView } from '../../../shared/channels/returns';
import type { LedgerSnapshot, ProgressReport, ProgressRound } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import { compareWithExisting, reportSourceLabel } from '../../../shared/reportFields';
import type { LedgerContext } from '../../db/audit';
import { fileNamesOfBatches, findImportsOfFile } from '../../db/repositories/importBatches';
import { findMapping } from '../../db/repositories/columnMappings';
import { analyzeReturnFile, type AnalyzeOptions, type FileAnalysis, type ReturnRow } from './analyzeReturns';
import { checkReturnPeriod } from './checkReturnPeriod';

/** Reads and analyzes one file: the app and the CLI do it in the reader worker (electron/services/readers). */
export type AnalyzeFile = (
  fileName: string,
  data: Buffer,
  options: Pick<AnalyzeOptions, 'unitId' | 'overrides' | 'referenceDate'>,
) => Promise<FileAnalysis>;

/**
 * Analysis plus what the clerk needs to decide: the reports the round already holds for the township
 * (a row is written only where it adds something, and asks where it would replace something), whether
 * the file belongs to this round, and earlier imports of the same file. Without `analyze` the file is
 * read here, in this thread. `roundId` null (only a CLI dry run on a ledger without rounds) weighs the rows
 * against no round.
 */
export async function previewReturnFile(
  ctx: LedgerContext,
  snap: LedgerSnapshot,
  roundId: number | null,
  fileName: string,
  data: Buffer,
  today: string,
  unitId?: number,
  overrides?: AnalyzeOptions['overrides'],
  analyze?: AnalyzeFile,
): Promise<ReturnFileView> {
  const round = roundId === null ? null : (snap.rounds.find((r) => r.id === roundId) ?? null);
  if (roundId !== null && !round) throw new DomainError('round_not_found', '所选调度轮次已不存在，请刷新后重新选择。');
  const options = { unitId, overrides, referenceDate: round?.periodEnd ?? today };
  const a = analyze
    ? await analyze(fileName, data, options)
    : await analyzeReturnFile(fileName, data, snap, {
        ...options,
        remembered: (unit, signature) => findMapping(ctx, unit, signature),
      });
  const decided = decideAgainstRound(a, snap, round, (ids) => fileNamesOfBatches(ctx, ids));
  return {
    ...decided,
    alreadyImported: findImportsOfFile(ctx, a.sha256).map((b) => ({ batchId: b.batchId, createdAt: b.createdAt })),
    // Held under a token by the handler (handlers/returns.ts), not here.
    token: null,
  };
}

export type DecidedFile = Omit<FileAnalysis, 'rows'> & Omit<ReturnFileView, 'alreadyImported' | 'token'>;

/**
 * The round-dependent half of a preview, shared by the app and the CLI: each row against the report the
 * round already holds, the file's period and template against the round, and whether anything is reported.
 */
export function decideAgainstRound(
  a: FileAnalysis,
  snap: LedgerSnapshot,
  round: ProgressRound | null,
  fileNames: (batchIds: number[]) => Map<number, string>,
): DecidedFile {
  const current = new Map<number, ProgressReport>();
  if (round && a.unitId !== null)
    for (const r of snap.reports) if (r.roundId === round.id && r.unitId === a.unitId) current.set(r.taskId, r);
  const names = fileNames([
    ...new Set([...current.values()].map((r) => r.importBatchId).filter((id): id is number => id !== null)),
  ]);
  const existing = (r: ProgressReport): ExistingReportView => ({
    status: r.status,
    percent: r.percent,
    progress: r.progress,
    problems: r.problems,
    nextSteps: r.nextSteps,
    source: r.source,
    sourceLabel:
      r.importBatchId !== null && names.get(r.importBatchId)
        ? `导入（${names.get(r.importBatchId)}）`
        : reportSourceLabel(r.source),
    updatedAt: r.updatedAt,
  });
  const rows: ReturnRowView[] = a.rows.map((r) => {
    const b = current.get(r.taskId);
    const before = b ? existing(b) : null;
    return { ...r, outcome: outcomeAgainst(r, b), conflict: conflictAgainst(r, b), before };
  });
  const warnings = [...a.warnings];
  let roundCheck: ReturnFileView['roundCheck'] = { ok: true, suggestedRoundId: null };
  if (round && !a.error) {
    if (a.template && a.template.roundId !== round.id) {
      const exportedFor = snap.rounds.find((r) => r.id === a.template!.roundId);
      warnings.push(
        `这是为“${a.template.roundName}”导出的填报模板（${a.template.exportedAt} 导出），所选轮次是“${round.name}”。` +
          (exportedFor && !exportedFor.closed ? `可改选轮次“${exportedFor.name}”。` : ''),
      );
      roundCheck = { ok: false, suggestedRoundId: exportedFor && !exportedFor.closed ? exportedFor.id : null };
    } else if (!a.template || a.template.roundId !== round.id) {
      const period = checkReturnPeriod(
        { fileName: a.file, headLines: a.headLines, filledOn: a.filledOn },
        round,
        snap.rounds,
      );
      if (!period.ok) {
        warnings.push(...period.warnings);
        roundCheck = { ok: false, suggestedRoundId: period.suggestedRoundId };
      }
    }
  }
  const reporting =
    rows.some((r) => r.outcome === 'apply' || r.outcome === 'conflict' || r.outcome === 'kept-existing') ||
    a.unmatched.length > 0;
  const blank = !a.error && !reporting;
  if (blank) {
    warnings.push(
      rows.length
        ? `“${a.file}”是未填写的报表：${rows.length} 行都没有填写或与导出时相同，不会导入${a.unit ? `，${a.unit}在本轮仍为未报送` : ''}。请让填报单位填写后重新报送。`
        : `“${a.file}”中没有可导入的推进情况。`,
    );
  }
  return { ...a, rows, warnings, roundCheck, blank };
}

/** Empty, unchanged and contradictory rows stay as analyzed; a reporting row is weighed against the ledger. */
function outcomeAgainst(r: ReturnRow, existing: ProgressReport | undefined): ReturnRowView['outcome'] {
  if (r.outcome !== 'apply') return r.outcome;
  const against = compareWithExisting(r, existing);
  return against === 'same' ? 'kept-existing' : against === 'differs' ? 'conflict' : 'apply';
}

function conflictAgainst(r: ReturnRow, existing: ProgressReport | undefined): ReturnRowView['conflict'] {
  if (r.conflict) return r.conflict;
  if (r.outcome === 'apply' && compareWithExisting(r, existing) === 'differs')
    return { kind: 'existing', candidates: [] };
  return null;
}
