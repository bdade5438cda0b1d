// The import history's channels: list the import batches, undo one.
import { listImportBatches, undoImportBatch } from '../db/repositories/importBatches';
import type { FeatureHandlers } from './types';

export const importHandlers: FeatureHandlers<'importBatches:list' | 'importBatches:undo'> = {
  'importBatches:list': (ctx) => listImportBatches(ctx.ledger),
  'importBatches:undo': (ctx, { batchId }) => {
    undoImportBatch(ctx.ledger, batchId);
    return listImportBatches(ctx.ledger);
  },
};
