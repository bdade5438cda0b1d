// `duban summary`: the ledger at a glance (ledger:summary), read-only.
import fs from 'node:fs';
import { DomainError } from '../../../shared/errors';
import { openLedger } from '../../db/connection';
import { parseOptions, requireDb, todayOf, UsageError, type CliIo } from '../args';
import { call, withCliApp } from '../cliApp';
import { formatSummary } from '../formatSummary';

export async function summaryCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseOptions(args, {
    db: { type: 'string' },
    json: { type: 'boolean' },
    today: { type: 'string' },
  });
  const file = requireDb(values);
  const today = todayOf(values);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError(`--today 应为 YYYY-MM-DD 格式的日期，收到“${today}”。`);
  if (!fs.existsSync(file)) throw new DomainError('ledger_missing', `找不到台账文件“${file}”。请检查路径是否正确。`);
  return withCliApp(openLedger(file, { readonly: true }), file, { io, today }, async (app) => {
    const s = await call(app, 'ledger:summary', {});
    io.out(values.json ? JSON.stringify(s, null, 2) + '\n' : formatSummary(s));
    return 0;
  });
}
