// The import history's channels: list import batches, undo one.
import { z } from 'zod';
import { channel, idSchema } from './define';

export interface ImportBatchView {
  id: number;
  kind: 'returns' | 'document';
  label: string;
  roundName: string;
  unitName: string;
  files: { fileName: string; sha256: string }[];
  counts: Record<string, number>;
  createdAt: string;
  actor: string;
  undoneAt: string | null;
}

export const importChannels = {
  'importBatches:list': channel<ImportBatchView[]>()(z.object({})),
  'importBatches:undo': channel<ImportBatchView[]>()(z.object({ batchId: idSchema })),
};
