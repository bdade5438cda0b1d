// 回收站's channels: list, restore, purge and empty; and the policy documents' list and delete that send items there.
import { z } from 'zod';
import type { DocumentListItem, RecycleBinEntry, RestoreOutcome } from '../domain';
import { channel, idSchema } from './define';

export {
  BIN_KINDS,
  EMPTY_BIN_COUNTS,
  type BinCounts,
  type BinKind,
  type DocumentListItem,
  type RecycleBinEntry,
  type RestoreOutcome,
} from '../domain';

export const recycleBinChannels = {
  'recycleBin:list': channel<RecycleBinEntry[]>()(z.object({})),
  'recycleBin:restore': channel<RestoreOutcome>()(z.object({ id: idSchema })),
  'recycleBin:purge': channel<{ purged: number }>()(z.object({ id: idSchema })),
  'recycleBin:empty': channel<{ purged: number }>()(z.object({})),
  'documents:list': channel<DocumentListItem[]>()(z.object({})),
  'documents:delete': channel<{ deleted: number }>()(z.object({ id: idSchema })),
};
