// Opens the app's ledger (the demo on a first start, recovery mode for a bad file) and the handlers' context.
import fs from 'node:fs';
import path from 'node:path';
import { createContext } from './db/audit';
import { DomainError } from '../shared/errors';
import { openLedger, RECOVERABLE_OPEN_FAILURES } from './db/connection';
import type { AppContext, DesktopShell } from './handlers/context';
import { localToday } from './handlers/context';
import { findDemoLedgerFile, isLedgerEmpty, loadDemoLedger, readDemoLedgerFile } from './services/demoLedger';
import { createFileLog } from './logging/fileLog';
import { releaseHeldPreviews } from './services/returns/heldPreviews';

// The log's format and rotation live in logging/fileLog.ts (shared with the CLI).
export { createFileLog };

export interface OpenAppLedgerOptions {
  ledgerFile: string;
  runtime: AppContext['runtime'];
  version: string;
  /** Load the demo ledger on a first start: no file at the path yet. */
  demoIfEmpty?: boolean;
  resourcesDirs?: string[];
  today?: () => string;
  logDir?: string;
  shell: DesktopShell;
}

/**
 * Opens (or creates) the ledger and builds the context handlers run in: shared by the app and the harness
 * (the CLI builds its own per command, electron/cli/cliApp.ts, read-only where it only reads). Only a path where no file exists is a new ledger (and gets the demo on a first start). A file
 * that is there but holds no usable ledger (damaged, empty, not a ledger) is left untouched and the context
 * comes back in recovery mode (`ledgerProblem`), so the app can offer a backup instead of only an error.
 */
export function openAppLedger(options: OpenAppLedgerOptions): AppContext {
  fs.mkdirSync(path.dirname(options.ledgerFile), { recursive: true });
  const logDir = options.logDir ?? path.join(path.dirname(options.ledgerFile), 'logs');
  const log = createFileLog(logDir);
  const isNew = !fs.existsSync(options.ledgerFile);
  const ctx: AppContext = {
    shell: options.shell,
    ledger: createContext(openLedger(':memory:')),
    ledgerFile: options.ledgerFile,
    runtime: options.runtime,
    version: options.version,
    today: options.today ?? (() => localToday()),
    log,
    ledgerProblem: null,
    notices: [],
  };
  reopenLedger(ctx);
  if (!ctx.ledgerProblem && isNew && options.demoIfEmpty && isLedgerEmpty(ctx.ledger)) {
    loadDemoLedger(ctx.ledger, readDemoLedgerFile(findDemoLedgerFile(options.resourcesDirs)));
  }
  return ctx;
}

/**
 * (Re-)opens ctx.ledgerFile and swaps it into the context in place: dispatch keeps one AppContext, so the
 * next call sees the new connection. A file a backup can cure puts the context in recovery mode over an
 * empty stand-in ledger in memory; any other failure (newer version, read-only) is thrown.
 */
export function reopenLedger(ctx: AppContext, options: { create?: boolean } = {}): void {
  const previous = ctx.ledger.db;
  const previousLedger = ctx.ledger;
  try {
    ctx.ledger = createContext(openLedger(ctx.ledgerFile, { create: options.create ?? true }));
    ctx.ledgerProblem = null;
  } catch (err) {
    if (!(err instanceof DomainError) || !RECOVERABLE_OPEN_FAILURES.includes(err.code)) throw err;
    ctx.log('warn', `ledger ${ctx.ledgerFile} cannot be opened: ${err.code}`, err);
    if (!(ctx.ledger.db.open && ctx.ledger.db.memory)) ctx.ledger = createContext(openLedger(':memory:'));
    ctx.ledgerProblem = { code: err.code, message: err.message, ledgerFile: ctx.ledgerFile };
  } finally {
    if (previous !== ctx.ledger.db && previous.open) previous.close();
    // Previews read against the ledger that was open are never committed into another one.
    if (previousLedger !== ctx.ledger) releaseHeldPreviews(previousLedger);
  }
}
