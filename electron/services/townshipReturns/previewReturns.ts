import type { ReturnFileView } from '../../../shared/channels/returns';
import type { LedgerSnapshot } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import type { LedgerContext } from '../../db/audit';
import { findImportsOfFile } from '../../db/repositories/importBatches';
import { analyseReturnFile, type AnalyseOptions } from './analyseReturns';
import { findMapping } from '../../db/repositories/columnMappings';

/** Analysis plus what the clerk needs to decide: the ledger's current values and earlier imports of the same file. */
export async function previewReturnFile(
  ctx: LedgerContext,
  snap: LedgerSnapshot,
  roundId: number,
  fileName: string,
  data: Buffer,
  today: string,
  unitId?: number,
  overrides?: AnalyseOptions['overrides'],
): Promise<ReturnFileView> {
  const round = snap.rounds.find((r) => r.id === roundId);
  if (!round) throw new DomainError('round_not_found', '所选调度轮次已不存在，请刷新后重新选择。');
  const a = await analyseReturnFile(fileName, data, snap, {
    unitId,
    overrides,
    referenceDate: round.periodEnd ?? today,
    remembered: (unit, signature) => findMapping(ctx, unit, signature),
  });
  const current = new Map(snap.reports.filter((r) => r.roundId === roundId && r.unitId === a.unitId).map((r) => [r.taskId, r]));
  return {
    ...a,
    rows: a.rows.map((r) => {
      const b = current.get(r.taskId);
      return { ...r, before: b ? { status: b.status, percent: b.percent, progress: b.progress } : null };
    }),
    alreadyImported: findImportsOfFile(ctx, a.sha256).map((b) => ({ batchId: b.batchId, createdAt: b.createdAt })),
  };
}
