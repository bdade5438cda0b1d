// Ledgers for unit tests: a fresh or demo ledger in a temp folder, and the app's context over it.
import path from 'node:path';
import { createContext, type LedgerContext } from '../../../electron/db/audit';
import { openLedger } from '../../../electron/db/connection';
import { findDemoLedgerFile, loadDemoLedger, readDemoLedgerFile } from '../../../electron/services/demoLedger';
import type { AppContext } from '../../../electron/handlers/context';
import { scriptedShell } from '../../harness/scriptedShell';
import { makeTempDir } from '../tempDirs';

export function tempDir(): string {
  return makeTempDir('duban-unit-');
}

/** A fresh ledger file; with demo: true it holds the demo ledger a new installation shows. */
export function freshLedger(options: { demo?: boolean } = {}): { ctx: LedgerContext; file: string } {
  const file = path.join(tempDir(), 'duban.sqlite');
  let tick = 0;
  const ctx = createContext(openLedger(file), '测试', () =>
    new Date(Date.UTC(2026, 10, 23, 1, 0, tick++)).toISOString(),
  );
  if (options.demo) loadDemoLedger(ctx, readDemoLedgerFile(findDemoLedgerFile()));
  return { ctx, file };
}

export function auditCount(ctx: LedgerContext): number {
  return (ctx.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
}

export interface LoggedLine {
  level: string;
  message: string;
  detail: unknown;
}

/**
 * The demo ledger behind the AppContext dispatch() gets in the app: scripted dialogs, a fixed today, and
 * what the handlers log kept for the test (`errors` holds the error lines).
 */
export function demoApp(): AppContext & { logged: LoggedLine[]; errors: LoggedLine[] } {
  const { ctx, file } = freshLedger({ demo: true });
  const logged: LoggedLine[] = [];
  const errors: LoggedLine[] = [];
  return {
    shell: scriptedShell(path.join(path.dirname(file), 'out')),
    ledger: ctx,
    ledgerFile: file,
    runtime: 'browser-harness',
    version: 'test',
    today: () => '2026-11-23',
    log: (level, message, detail) => {
      const line = { level, message, detail };
      logged.push(line);
      if (level === 'error') errors.push(line);
    },
    logged,
    errors,
  };
}
