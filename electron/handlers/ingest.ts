import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../shared/errors';
import { reviewIngest } from '../services/reviewIngest';
import { saveIngestedDocument } from '../services/saveIngestedDocument';
import type { FeatureHandlers } from './types';

const DOCUMENT_FILTERS = [{ name: '政策文件（Word、文本）', extensions: ['docx', 'txt', 'md', 'doc', 'pdf'] }];

export const ingestHandlers: FeatureHandlers<'ingest:analyse' | 'ingest:pick' | 'ingest:save'> = {
  'ingest:analyse': (ctx, { fileName, dataBase64 }) => reviewIngest(ctx.ledger, fileName, Buffer.from(dataBase64, 'base64')),
  'ingest:pick': async (ctx) => {
    const [file] = await ctx.shell.openFiles({ title: '选择政策文件', filters: DOCUMENT_FILTERS, multiple: false });
    if (!file) return null;
    let data: Buffer;
    try {
      data = fs.readFileSync(file);
    } catch (err) {
      throw new DomainError('file_unreadable', `无法读取文件“${path.basename(file)}”：${(err as NodeJS.ErrnoException).code === 'EBUSY' ? '文件正被其他程序打开' : '请检查文件是否存在、是否有权限'}。`);
    }
    return reviewIngest(ctx.ledger, path.basename(file), data);
  },
  'ingest:save': (ctx, plan) => saveIngestedDocument(ctx.ledger, plan, ctx.today()),
};
