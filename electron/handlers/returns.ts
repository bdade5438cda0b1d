// 导入 → 推进情况表's channels: township returns read and weighed against the round, then committed as the clerk chose.
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../shared/errors';
import { listMappings, rememberMapping } from '../db/repositories/columnMappings';
import { commitReturnFiles } from '../db/repositories/importBatches';
import { readLedgerSnapshot } from '../db/repositories/snapshot';
import { previewReturnFile } from '../services/returns/previewReturns';
import { readerLedger, withReaders, type ReadersOptions } from '../services/readers/readers';
import type { LedgerSnapshot } from '../../shared/domain';
import type { ReturnFileView } from '../../shared/channels/returns';
import type { AnalyzeOptions } from '../services/returns/analyzeReturns';
import type { AppContext } from './context';
import { backupBeforeChange } from '../services/backupLedger';
import type { FeatureHandlers } from './types';

const RETURN_FILTERS = [{ name: '推进情况表（Excel、WPS、CSV）', extensions: ['xlsx', 'xls', 'csv', 'et'] }];

/** Returns are read and analyzed in the reader worker, so one bad file never freezes the main process. */
const readersFor = (ctx: AppContext, snap: LedgerSnapshot): ReadersOptions => ({
  ledger: readerLedger(snap, listMappings(ctx.ledger)),
  log: ctx.log,
});

/** A return as read from disk or sent by the renderer. */
export interface ReturnFileInput {
  fileName: string;
  data: Buffer;
}

/**
 * What returns:analyze and returns:pick do, and `duban import returns` too: each file read in the reader
 * worker (with the townships' remembered column mappings) and weighed against the round. The files are read
 * side by side, as many at a time as there are reader workers. `roundId` null only for a CLI dry run on a
 * ledger that has no round yet.
 */
export function previewReturns(
  ctx: AppContext,
  roundId: number | null,
  files: ReturnFileInput[],
  unitId?: number,
  overrides?: AnalyzeOptions['overrides'],
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

export const returnsHandlers: FeatureHandlers<'returns:analyze' | 'returns:pick' | 'returns:commit'> = {
  'returns:analyze': (ctx, { roundId, files, unitId, overrides }) =>
    previewReturns(
      ctx,
      roundId,
      files.map((f) => ({ fileName: f.fileName, data: Buffer.from(f.dataBase64, 'base64') })),
      unitId,
      overrides,
    ),
  'returns:pick': async (ctx, { roundId }) => {
    const files = await ctx.shell.openFiles({
      title: '选择各单位报回的推进情况表',
      filters: RETURN_FILTERS,
      multiple: true,
    });
    const read = files.map((file) => {
      try {
        return { fileName: path.basename(file), data: fs.readFileSync(file) };
      } catch {
        throw new DomainError(
          'file_unreadable',
          `无法读取文件“${path.basename(file)}”：请检查文件是否存在、是否正被其他程序打开。`,
        );
      }
    });
    const views = await previewReturns(ctx, roundId, read);
    return views.map((view, i) => ({
      ...view,
      source: { fileName: read[i]!.fileName, dataBase64: read[i]!.data.toString('base64') },
    }));
  },
  'returns:commit': (ctx, { roundId, files, mappings }) => {
    backupBeforeChange(ctx, 'import');
    return ctx.ledger.db.transaction(() => {
      for (const m of mappings ?? []) rememberMapping(ctx.ledger, m.unitId, m.signature, m.columns);
      return commitReturnFiles(ctx.ledger, roundId, files);
    })();
  },
};
