import fs from 'node:fs';
import path from 'node:path';
import { createContext } from './db/audit';
import { openLedger } from './db/connection';
import type { AppContext, DesktopShell } from './handlers/context';
import { localToday } from './handlers/context';
import { findDemoLedgerFile, isLedgerEmpty, loadDemoLedger, readDemoLedgerFile } from './services/demoLedger';

export interface OpenAppLedgerOptions {
  ledgerFile: string;
  runtime: AppContext['runtime'];
  version: string;
  /** Load the demo ledger when the database is empty (a first start). */
  demoIfEmpty?: boolean;
  resourcesDirs?: string[];
  today?: () => string;
  logDir?: string;
  shell: DesktopShell;
}

/** Opens (or creates) the ledger and builds the context handlers run in: shared by the app, the harness and the CLI. */
export function openAppLedger(options: OpenAppLedgerOptions): AppContext {
  fs.mkdirSync(path.dirname(options.ledgerFile), { recursive: true });
  const db = openLedger(options.ledgerFile, { create: true });
  const ledger = createContext(db);
  if (options.demoIfEmpty && isLedgerEmpty(ledger)) {
    loadDemoLedger(ledger, readDemoLedgerFile(findDemoLedgerFile(options.resourcesDirs)));
  }
  const logDir = options.logDir ?? path.join(path.dirname(options.ledgerFile), 'logs');
  return {
    shell: options.shell,
    ledger,
    ledgerFile: options.ledgerFile,
    runtime: options.runtime,
    version: options.version,
    today: options.today ?? (() => localToday()),
    log: createFileLog(logDir),
  };
}

/** Appends one JSON line per event; internal detail (stacks) goes here, never to the clerk's screen. */
export function createFileLog(dir: string): AppContext['log'] {
  return (level, message, detail) => {
    const line = JSON.stringify({
      at: new Date().toISOString(),
      level,
      message,
      detail: detail instanceof Error ? { message: detail.message, stack: detail.stack } : detail,
    });
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.appendFileSync(path.join(dir, `duban-${localToday()}.log`), line + '\n');
    } catch {
      // A log that cannot be written must not break the clerk's work.
    }
    if (level === 'error') console.error(line);
  };
}
