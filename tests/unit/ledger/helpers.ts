import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createContext, type LedgerContext } from '../../../electron/db/audit';
import { openLedger } from '../../../electron/db/connection';
import { findDemoLedgerFile, loadDemoLedger, readDemoLedgerFile } from '../../../electron/services/demoLedger';

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'duban-unit-'));
}

/** A fresh ledger file; with demo: true it holds the demo ledger a new installation shows. */
export function freshLedger(options: { demo?: boolean } = {}): { ctx: LedgerContext; file: string } {
  const file = path.join(tempDir(), 'duban.sqlite');
  let tick = 0;
  const ctx = createContext(openLedger(file), '测试', () => new Date(Date.UTC(2026, 10, 23, 1, 0, tick++)).toISOString());
  if (options.demo) loadDemoLedger(ctx, readDemoLedgerFile(findDemoLedgerFile()));
  return { ctx, file };
}

export function auditCount(ctx: LedgerContext): number {
  return (ctx.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
}
