// `duban import returns`: township returns read from their paths and previewed as 导入 → 推进情况表 does
// (previewReturnPaths, with the townships' remembered column mappings, held under a token), and without
// --dry-run written through returns:commit by token.
import type { RequestOf } from '../../../shared/channels';
import type { ReturnFileView } from '../../../shared/channels/returns';
import { DomainError } from '../../../shared/errors';
import { readLedgerSnapshot } from '../../db/repositories/snapshot';
import { heldPreviews, previewReturnPaths } from '../../handlers/returns';
import { toReturnsJson } from '../../services/returns/analyzeReturns';
import {
  findRound,
  findUnit,
  parseOptions,
  requireInputFile,
  requireDb,
  todayOf,
  UsageError,
  type CliIo,
} from '../args';
import { call, openLedgerFor, withCliApp } from '../cliApp';

type FileToCommit = RequestOf<'returns:commit'>['files'][number];

/**
 * What the preview writes when nobody changes it: exactly the `apply` rows, as the app ticks them by itself
 * (renderer/…/returnReview.ts initialReview + rowsToWrite). Conflicts and unmatched rows wait for a clerk. A
 * file naming another period is written with its warning printed: nobody is there to confirm it.
 */
export function unattendedCommitFile(view: ReturnFileView): FileToCommit | null {
  if (view.error || view.unitId === null || view.token === null) return null;
  return {
    token: view.token,
    rows: view.rows
      .filter((r) => r.outcome === 'apply')
      .map(({ taskId, sheet, row }) => ({ sheet, row, taskId, overwrite: false })),
  };
}

function describeFile(view: ReturnFileView): string {
  if (view.error) return `  ${view.file}：${view.error.message}`;
  const count = (outcome: string) => view.rows.filter((r) => r.outcome === outcome).length;
  return (
    `  ${view.file}（${view.unit ?? '未识别填报单位'}）：可导入 ${count('apply')} 条，未改动 ${count('unchanged')} 条，未填写 ${count('empty')} 条，` +
    `与已有相同 ${count('kept-existing')} 条，待人工选择 ${count('conflict')} 条，未匹配 ${view.unmatched.length} 条` +
    view.warnings.map((w) => `\n    提示：${w}`).join('')
  );
}

export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const [kind, ...rest] = args;
  if (kind !== 'returns')
    throw new UsageError(`未知的导入类型“${kind ?? ''}”：可用 returns。政策文件请用 duban ingest。`);
  const { values, files } = parseOptions(rest, {
    db: { type: 'string' },
    round: { type: 'string' },
    unit: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    today: { type: 'string' },
  });
  const file = requireDb(values);
  if (files.length === 0) throw new UsageError('请指定要导入的推进情况表文件。');
  // A wrong path stops the command before a ledger is opened.
  const paths = files.map(requireInputFile);
  const dryRun = values['dry-run'] === true;
  return withCliApp(openLedgerFor(file, dryRun), file, { io, today: todayOf(values) }, async (app) => {
    const snap = readLedgerSnapshot(app.ledger);
    // The round the 导入 page starts with: the latest open one (or the latest, when all are closed).
    const round =
      typeof values.round === 'string'
        ? findRound(snap, values.round)
        : ([...snap.rounds].reverse().find((r) => !r.closed) ?? snap.rounds.at(-1));
    if (!round && !dryRun)
      throw new DomainError('round_missing', '台账中还没有调度轮次：请先在“调度轮次”中新建，或用 --round 指定。');
    const unit = typeof values.unit === 'string' ? findUnit(snap.units, values.unit) : undefined;
    // Read from their paths and in the reader worker, as in the app: a file past a limit is refused by name,
    // the rest go on.
    const views = await previewReturnPaths(app, round?.id ?? null, paths, unit?.id);
    const nameOf = new Map(views.map((v) => [v.token, v.file]));
    if (values.json) io.out(JSON.stringify(toReturnsJson(views), null, 2) + '\n');
    const summary = views.map(describeFile);
    if (!dryRun && round) {
      const ready = views.map(unattendedCommitFile).filter((f): f is FileToCommit => f !== null);
      const writing = ready.filter((f) => f.rows.length > 0);
      if (ready.length) {
        // As the app's 导入 button: a backup first, then one import batch per file; the wait for a busy
        // ledger is dispatch's.
        const result = writing.length
          ? await call(app, 'returns:commit', { roundId: round.id, files: writing })
          : { rows: 0, batchIds: [], skippedFiles: [] };
        summary.push(`已写入“${round.name}”：${result.rows} 条，${result.batchIds.length} 个导入记录。`);
        const skipped = ready
          .map((f) => ({ ...f, fileName: nameOf.get(f.token) ?? '' }))
          .filter((f) => f.rows.length === 0 || result.skippedFiles.includes(f.fileName))
          .map((f) => f.fileName);
        if (skipped.length) summary.push(`没有可写入的内容、未导入：${skipped.join('、')}。`);
      }
    } else if (dryRun) summary.push('（--dry-run：未写入台账）');
    // What was not written is let go of (the commit let go of what it wrote).
    heldPreviews(app).release(views.flatMap((v) => (v.token ? [v.token] : [])));
    (values.json ? io.err : io.out)(summary.join('\n') + '\n');
    return views.some((v) => v.error) ? 1 : 0;
  });
}
