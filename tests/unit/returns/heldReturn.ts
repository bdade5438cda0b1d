// A township return's preview held in main as returns:analyze holds one, made from rows rather than a file,
// for tests of what a commit does (busy ledger, backups, crashes) that need no file read.
import type { AppContext } from '../../../electron/handlers/context';
import { heldPreviews } from '../../../electron/handlers/returns';
import type { ReturnRowToCommit } from '../../../electron/db/repositories/importBatches';
import type { ReturnFileView } from '../../../shared/channels/returns';

/** Holds a preview of `rows` for the unit and round, and returns what returns:commit sends for all of it. */
export function heldReturn(
  ctx: AppContext,
  roundId: number,
  file: { fileName: string; sha256: string; size: number; unitId: number },
  rows: ReturnRowToCommit[],
): { token: string; rows: { sheet: string; row: number; taskId: number; overwrite: boolean }[] } {
  const view: ReturnFileView = {
    file: file.fileName,
    unit: null,
    unitId: file.unitId,
    sha256: file.sha256,
    size: file.size,
    error: null,
    rows: rows.map((r, i) => ({
      sheet: '推进情况',
      row: i + 2,
      taskId: r.taskId,
      taskContent: '',
      score: 1,
      method: 'template',
      status: r.status,
      percent: r.percent,
      deadline: null,
      deadlineText: '',
      progress: r.progress,
      problems: r.problems,
      nextSteps: r.nextSteps,
      warnings: [],
      outcome: 'apply',
      conflict: null,
      lockedEdits: [],
      before: null,
    })),
    unmatched: [],
    conflicts: [],
    notes: [],
    warnings: [],
    roundCheck: { ok: true, suggestedRoundId: null },
    blank: false,
    alreadyImported: [],
    sheets: [],
    token: null,
  };
  const token = heldPreviews(ctx).hold({
    fileName: file.fileName,
    path: `/held/${file.fileName}`,
    data: Buffer.alloc(0),
    roundId,
    view,
  });
  return {
    token,
    rows: view.rows.map((r, i) => ({
      sheet: r.sheet,
      row: r.row,
      taskId: r.taskId,
      overwrite: rows[i]!.overwrite ?? false,
    })),
  };
}
