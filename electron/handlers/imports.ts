import { listImportBatches, undoImportBatch } from '../db/repositories/importBatches';
import type { FeatureHandlers } from './types';

export const importHandlers: FeatureHandlers<'imports:list' | 'imports:undo'> = {
  'imports:list': (ctx) => listImportBatches(ctx.ledger),
  'imports:undo': (ctx, { batchId }) => {
    undoImportBatch(ctx.ledger, batchId);
    return listImportBatches(ctx.ledger);
  },
};
