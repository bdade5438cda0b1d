import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../shared/errors';
import { backupBeforeChange } from '../services/backupLedger';
import { withReaders } from '../services/readers/readers';
import { reviewIngest } from '../services/reviewIngest';
import { saveIngestedDocument } from '../services/saveIngestedDocument';
import type { FeatureHandlers } from './types';

// Documents are read and analysed in the reader worker (electron/services/readers), so one bad file never freezes the main process.
const DOCUMENT_FILTERS = [{ name: '政策文件（Word、文本）', extensions: ['docx', 'txt', 'md', 'doc', 'pdf'] }];

export const ingestHandlers: FeatureHandlers<'ingest:analyse' | 'ingest:pick' | 'ingest:save'> = {
  'ingest:analyse': (ctx, { fileName, dataBase64 }) =>
    withReaders({ log: ctx.log }, (readers) => reviewIngest(ctx.ledger, fileName, Buffer.from(dataBase64, 'base64'), readers.readDocumentFile)),
  'ingest:pick': async (ctx) => {
    const [file] = await ctx.shell.openFiles({ title: '选择政策文件', filters: DOCUMENT_FILTERS, multiple: false });
    if (!file) return null;
    let data: Buffer;
    try {
      data = fs.readFileSync(file);
    } catch (err) {
      throw new DomainError('file_unreadable', `无法读取文件“${path.basename(file)}”：${(err as NodeJS.ErrnoException).code === 'EBUSY' ? '文件正被其他程序打开' : '请检查文件是否存在、是否有权限'}。`);
    }
    return withReaders({ log: ctx.log }, (readers) => reviewIngest(ctx.ledger, path.basename(file), data, readers.readDocumentFile));
  },
  'ingest:save': (ctx, plan) => {
    backupBeforeChange(ctx, 'document');
    return saveIngestedDocument(ctx.ledger, plan, ctx.today());
  },
};
