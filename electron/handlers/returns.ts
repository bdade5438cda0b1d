import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../shared/errors';
import { listMappings, rememberMapping } from '../db/repositories/columnMappings';
import { commitReturnFiles } from '../db/repositories/importBatches';
import { readLedgerSnapshot } from '../db/repositories/snapshot';
import { previewReturnFile } from '../services/townshipReturns/previewReturns';
import { readerLedger, withReaders, type ReadersOptions } from '../services/readers/readers';
import type { LedgerSnapshot } from '../../shared/domain';
import type { AppContext } from './context';
import { backupBeforeChange } from '../services/backupLedger';
import type { FeatureHandlers } from './types';

const RETURN_FILTERS = [{ name: '推进情况表（Excel、WPS、CSV）', extensions: ['xlsx', 'xls', 'csv', 'et'] }];

/** Returns are read and analysed in the reader worker, so one bad file never freezes the main process. */
const readersFor = (ctx: AppContext, snap: LedgerSnapshot): ReadersOptions => ({ ledger: readerLedger(snap, listMappings(ctx.ledger)), log: ctx.log });

export const returnsHandlers: FeatureHandlers<'returns:analyse' | 'returns:pick' | 'returns:commit'> = {
  'returns:analyse': async (ctx, { roundId, files, unitId, overrides }) => {
    const snap = readLedgerSnapshot(ctx.ledger);
    // The files are read side by side, as many at a time as there are reader workers.
    return withReaders(readersFor(ctx, snap), (readers) =>
      Promise.all(files.map((f) => previewReturnFile(ctx.ledger, snap, roundId, f.fileName, Buffer.from(f.dataBase64, 'base64'), ctx.today(), unitId, overrides, readers.analyseFile))),
    );
  },
  'returns:pick': async (ctx, { roundId }) => {
    const files = await ctx.shell.openFiles({ title: '选择各单位报回的推进情况表', filters: RETURN_FILTERS, multiple: true });
    const snap = readLedgerSnapshot(ctx.ledger);
    const read = files.map((file) => {
      try {
        return { file, data: fs.readFileSync(file) };
      } catch {
        throw new DomainError('file_unreadable', `无法读取文件“${path.basename(file)}”：请检查文件是否存在、是否正被其他程序打开。`);
      }
    });
    return withReaders(readersFor(ctx, snap), (readers) =>
      Promise.all(
        read.map(async ({ file, data }) => {
          const view = await previewReturnFile(ctx.ledger, snap, roundId, path.basename(file), data, ctx.today(), undefined, undefined, readers.analyseFile);
          return { ...view, source: { fileName: path.basename(file), dataBase64: data.toString('base64') } };
        }),
      ),
    );
  },
  'returns:commit': (ctx, { roundId, files, mappings }) => {
    backupBeforeChange(ctx, 'import');
    return ctx.ledger.db.transaction(() => {
      for (const m of mappings ?? []) rememberMapping(ctx.ledger, m.unitId, m.signature, m.columns as Record<string, number>);
      return commitReturnFiles(ctx.ledger, roundId, files);
    })();
  },
};
