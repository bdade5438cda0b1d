// Read-only channels about the ledger as a whole: app info, summary, snapshot, the plain task list.
import { backupsDir } from '../services/backupLedger';
import { summarizeLedger } from '../services/summarizeLedger';
import { readLedgerSnapshot } from '../db/repositories/snapshot';
import { listTasks } from '../db/repositories/tasks';
import type { FeatureHandlers } from './types';

export const ledgerHandlers: FeatureHandlers<'app:info' | 'ledger:summary' | 'ledger:snapshot' | 'tasks:list'> = {
  'app:info': (ctx) => ({
    version: ctx.version,
    ledgerFile: ctx.ledgerFile,
    backupsDir: backupsDir(ctx.ledgerFile),
    today: ctx.today(),
    runtime: ctx.runtime,
  }),
  'ledger:summary': (ctx) => summarizeLedger(ctx.ledger, ctx.today()),
  'ledger:snapshot': (ctx) => readLedgerSnapshot(ctx.ledger),
  'tasks:list': (ctx) => listTasks(ctx.ledger),
};
