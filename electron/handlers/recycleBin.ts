// 回收站 and the deletes that had no channel before (documents); a restore is one undoable change set,
// emptying and deleting for good are not (they close the undo history behind them instead).
import { deleteDocument, listDocumentsWithUse } from '../db/repositories/documents';
import {
  emptyRecycleBin,
  getBinEntry,
  listRecycleBin,
  purgeBinEntry,
  restoreFromBin,
} from '../db/repositories/recycleBin';
import type { FeatureHandlers } from './types';
import { undoable } from './undoable';

type RecycleBinChannel =
  | 'recycleBin:list'
  | 'recycleBin:restore'
  | 'recycleBin:purge'
  | 'recycleBin:empty'
  | 'documents:list'
  | 'documents:delete';

export const recycleBinHandlers: FeatureHandlers<RecycleBinChannel> = {
  'recycleBin:list': (ctx) => listRecycleBin(ctx.ledger),
  'recycleBin:restore': undoable<'recycleBin:restore'>(
    ({ id }, ctx) => {
      const entry = getBinEntry(ctx.ledger, id);
      return `还原${entry.kindLabel}“${entry.label}”`;
    },
    (ctx, { id }) => restoreFromBin(ctx.ledger, id),
  ),
  'recycleBin:purge': (ctx, { id }) => {
    purgeBinEntry(ctx.ledger, id);
    return { purged: 1 };
  },
  'recycleBin:empty': (ctx) => ({ purged: emptyRecycleBin(ctx.ledger) }),
  'documents:list': (ctx) => listDocumentsWithUse(ctx.ledger),
  'documents:delete': undoable<'documents:delete'>('删除文件', (ctx, { id }) => {
    deleteDocument(ctx.ledger, id);
    return { deleted: id };
  }),
};
