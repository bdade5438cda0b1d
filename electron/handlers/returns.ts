// 导入 → 推进情况表's channels: township returns read from their paths and held in main under a token,
// weighed against the round, re-read on the clerk's corrections, then committed by token as she chose.
import type { ValidRequestOf } from '../../shared/channels';
import { DomainError } from '../../shared/errors';
import { listMappings, rememberMapping } from '../db/repositories/columnMappings';
import { commitReturnFiles, type ReturnFileToCommit } from '../db/repositories/importBatches';
import { readLedgerSnapshot } from '../db/repositories/snapshot';
import { previewReturnFile } from '../services/returns/previewReturns';
import { heldPreviewsOf, type HeldPreviews, type SheetOverrides } from '../services/returns/heldPreviews';
import { fileNameOf, readChosenFile, type ChosenFile } from '../services/readChosenFile';
import { readerLedger, withReaders, type ReadersOptions } from '../services/readers/readers';
import type { LedgerSnapshot } from '../../shared/domain';
import type { ReturnFileView } from '../../shared/channels/returns';
import type { AppContext } from './context';
import { backupBeforeChange } from '../services/backupLedger';
import type { FeatureHandlers } from './types';

const RETURN_FILTERS = [{ name: '推进情况表（Excel、WPS、CSV）', extensions: ['xlsx', 'xls', 'csv', 'et'] }];

/** Returns are read and analyzed in the reader worker, so one bad file never freezes the main process. */
const readersFor = (ctx: AppContext, snap: LedgerSnapshot): ReadersOptions => ({
  ledger: readerLedger(snap, listMappings(ctx.ledger)),
  log: ctx.log,
});

/** A return's bytes as main read them from disk. */
export interface ReturnFileInput {
  fileName: string;
  data: Buffer;
}

/** Where the held previews of the context's ledger are, with the app's log. */
export const heldPreviews = (ctx: AppContext): HeldPreviews =>
  heldPreviewsOf(ctx.ledger, (message) => ctx.log('info', message));

/**
 * Each file read in the reader worker (with the townships' remembered column mappings) and weighed against
 * the round. The files are read side by side, as many at a time as there are reader workers. `roundId` null
 * only for a CLI dry run on a ledger that has no round yet.
 */
export function previewReturns(
  ctx: AppContext,
  roundId: number | null,
  files: ReturnFileInput[],
  unitId?: number,
  overrides?: SheetOverrides,
): Promise<ReturnFileView[]> {
  const snap = readLedgerSnapshot(ctx.ledger);
  return withReaders(readersFor(ctx, snap), (readers) =>
    Promise.all(
      files.map((f) =>
        previewReturnFile(
          ctx.ledger,
          snap,
          roundId,
          f.fileName,
          f.data,
          ctx.today(),
          unitId,
          overrides,
          readers.analyzeFile,
        ),
      ),
    ),
  );
}

/**
 * What returns:analyze and returns:pick do, and `duban import returns` too: each file read from its path in
 * main (type and size checked first), previewed, and held under a token for the re-reads and the commit. A
 * file that cannot be read (gone, locked, too big, not a table) comes back named, with its error and no
 * token, and the rest go on.
 */
export async function previewReturnPaths(
  ctx: AppContext,
  roundId: number | null,
  paths: string[],
  unitId?: number,
): Promise<ReturnFileView[]> {
  const read = await Promise.all(
    paths.map(async (p) => {
      try {
        return await readChosenFile(p, 'returns');
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        return err;
      }
    }),
  );
  const readable = read.filter((r): r is ChosenFile => !(r instanceof DomainError));
  const views = await previewReturns(ctx, roundId, readable, unitId);
  const held = heldPreviews(ctx);
  let next = 0;
  return read.map((r, i) => {
    if (r instanceof DomainError) return unreadableView(paths[i]!, r);
    const view = views[next++]!;
    if (view.error) return { ...view, token: null };
    const token = held.hold({ fileName: r.fileName, path: r.path, data: r.data, roundId, unitId, view });
    return { ...view, token };
  });
}

/** A file refused before it was read: named, with why, and nothing to hold. */
function unreadableView(filePath: string, err: DomainError): ReturnFileView {
  return {
    file: fileNameOf(filePath),
    unit: null,
    unitId: null,
    sha256: '',
    size: 0,
    error: err.toData(),
    rows: [],
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
}

/** Reads a held file again with the clerk's new choices, under the same token. */
async function reanalyze(
  ctx: AppContext,
  { token, roundId, unitId, overrides }: ValidRequestOf<'returns:reanalyze'>,
): Promise<ReturnFileView> {
  const held = heldPreviews(ctx);
  const entry = held.get(token);
  const choice = { unitId: unitId ?? entry.unitId, overrides: overrides ?? entry.overrides };
  const [view] = await previewReturns(
    ctx,
    roundId,
    [{ fileName: entry.fileName, data: entry.data }],
    choice.unitId,
    choice.overrides,
  );
  held.update(token, { roundId, ...choice, view: view! });
  return { ...view!, token };
}

type Mapping = { unitId: number; signature: string; columns: ReturnFileView['sheets'][number]['columns'] };

/**
 * The clerk's choices on held previews as the rows to write: each row's report as the preview read it, the
 * work item she matched it to, and whether it replaces a different report. Refused by name when a preview was
 * read against another round, cannot be written, or a row is not in it.
 */
function rowsFromHeld(
  ctx: AppContext,
  { roundId, files }: ValidRequestOf<'returns:commit'>,
): { toCommit: ReturnFileToCommit[]; mappings: Mapping[] } {
  const held = heldPreviews(ctx);
  const items = new Set(
    readLedgerSnapshot(ctx.ledger)
      .tasks.filter((t) => t.level === 'item')
      .map((t) => t.id),
  );
  const toCommit: ReturnFileToCommit[] = [];
  const mappings: Mapping[] = [];
  for (const file of files) {
    const { view, roundId: readFor } = held.get(file.token);
    const name = view.file;
    if (readFor !== roundId)
      throw new DomainError(
        'preview_stale',
        `“${name}”是按另一调度轮次预览的，未导入。请在预览中重新选择轮次后再导入。`,
      );
    if (view.error || view.unitId === null || view.blank)
      throw new DomainError(
        'preview_not_writable',
        `“${name}”${view.error ? '未能读取' : view.unitId === null ? '尚未选择填报单位' : '没有填写内容'}，不能导入。`,
      );
    const reported = new Map<
      string,
      ReturnFileView['rows'][number] | ReturnFileView['unmatched'][number]['reported']
    >();
    for (const r of view.rows) reported.set(`${r.sheet}\u0000${r.row}`, r);
    for (const u of view.unmatched) reported.set(`${u.sheet}\u0000${u.row}`, u.reported);
    const seen = new Set<string>();
    const rows = file.rows.map((choice) => {
      const key = `${choice.sheet}\u0000${choice.row}`;
      const r = reported.get(key);
      if (!r || seen.has(key))
        throw new DomainError(
          'preview_row_missing',
          `“${name}”工作表“${choice.sheet}”第 ${choice.row} 行${r ? '被选择了两次' : '不在预览中'}，未导入。请重新预览后再导入。`,
        );
      seen.add(key);
      if (!items.has(choice.taskId))
        throw new DomainError(
          'task_not_found',
          `“${name}”第 ${choice.row} 行对应的工作内容已不在台账中（可能已删除），未导入。请重新预览后再导入。`,
        );
      const { status, percent, progress, problems, nextSteps } = r;
      return {
        taskId: choice.taskId,
        status,
        percent,
        progress,
        problems,
        nextSteps,
        overwrite: choice.overwrite,
        sheet: choice.sheet,
        row: choice.row,
      };
    });
    toCommit.push({ fileName: name, sha256: view.sha256, size: view.size, unitId: view.unitId, rows });
    // Corrected layouts are remembered for the township's next return with the same header.
    for (const s of view.sheets)
      if (s.source === 'clerk') mappings.push({ unitId: view.unitId, signature: s.signature, columns: s.columns });
  }
  return { toCommit, mappings };
}

export const returnsHandlers: FeatureHandlers<
  'returns:analyze' | 'returns:pick' | 'returns:reanalyze' | 'returns:release' | 'returns:commit'
> = {
  'returns:analyze': (ctx, { roundId, paths, unitId }) => previewReturnPaths(ctx, roundId, paths, unitId),
  'returns:pick': async (ctx, { roundId }) => {
    const files = await ctx.shell.openFiles({
      title: '选择各单位报回的推进情况表',
      filters: RETURN_FILTERS,
      multiple: true,
    });
    return files.length ? previewReturnPaths(ctx, roundId, files) : [];
  },
  'returns:reanalyze': (ctx, request) => reanalyze(ctx, request),
  'returns:release': (ctx, { tokens }) => ({ released: heldPreviews(ctx).release(tokens) }),
  'returns:commit': (ctx, request) => {
    const { toCommit, mappings } = rowsFromHeld(ctx, request);
    backupBeforeChange(ctx, 'import');
    const result = ctx.ledger.db.transaction(() => {
      for (const m of mappings) rememberMapping(ctx.ledger, m.unitId, m.signature, m.columns);
      return commitReturnFiles(ctx.ledger, request.roundId, toCommit);
    })();
    // Written: the bytes are no longer needed. A refusal keeps them, for the clerk to decide again.
    heldPreviews(ctx).release(request.files.map((f) => f.token));
    return result;
  },
};
