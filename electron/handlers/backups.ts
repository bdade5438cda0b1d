// 从备份恢复: listing, taking and restoring backups, and the screen a damaged ledger opens at start.
import path from 'node:path';
import type { RestoreOutcome } from '../../shared/channels/backups';
import { DomainError } from '../../shared/errors';
import { reopenLedger } from '../openAppLedger';
import { backupPath, createBackup, listBackups, moveLedgerAside, restoreFromBackup } from '../services/backupLedger';
import type { FeatureHandlers } from './types';

/** The channels that still run while the ledger cannot be opened (see dispatch). */
export const RECOVERY_CHANNELS: ReadonlySet<string> = new Set([
  'app:info',
  'app:reportError',
  'backups:list',
  'backups:restore',
  'recovery:state',
  'recovery:startEmpty',
]);

export const backupHandlers: FeatureHandlers<
  'backups:list' | 'backups:create' | 'backups:restore' | 'recovery:state' | 'recovery:startEmpty'
> = {
  'backups:list': (ctx) => listBackups(ctx.ledgerFile),
  'backups:create': (ctx) => createBackup(ctx.ledger.db, ctx.ledgerFile),
  'backups:restore': (ctx, { name }) => {
    const source = backupPath(ctx.ledgerFile, name);
    let outcome: RestoreOutcome | null = null;
    try {
      outcome = restoreFromBackup({
        ledgerFile: ctx.ledgerFile,
        source,
        current: ctx.ledgerProblem ? null : ctx.ledger.db,
      });
      ctx.log('info', `ledger restored from ${name}`, outcome);
      return outcome;
    } finally {
      // The restore closes the ledger once it commits to replacing it: re-open whatever is there now (the
      // restored copy, or the untouched ledger if it stopped after closing), and leave recovery mode.
      if (!ctx.ledger.db.open || (outcome && ctx.ledgerProblem)) reopenLedger(ctx, { create: false });
    }
  },
  'recovery:state': (ctx) => {
    const list = ctx.ledgerProblem ? listBackups(ctx.ledgerFile) : null;
    return {
      problem: ctx.ledgerProblem ?? null,
      offer: list?.backups[0] ?? null,
      backupsDir: list?.backupsDir ?? '',
      unusable: list?.unusable ?? [],
    };
  },
  'recovery:startEmpty': (ctx) => {
    if (!ctx.ledgerProblem) throw new DomainError('ledger_fine', '台账可以正常打开，不需要另起空台账。');
    const movedAside = moveLedgerAside(ctx.ledgerFile).map((f) => path.basename(f));
    ctx.log('info', `empty ledger started; kept ${movedAside.join(', ')}`);
    reopenLedger(ctx, { create: true });
    return { movedAside };
  },
};
