// The AppContext the CLI's commands run in, so they call the app's own handlers (through dispatch) and the
// functions those handlers share: the ledger the command opened, no dialogs, messages on stderr.
import fs from 'node:fs';
import type { ChannelName, RequestOf, ResponseOf } from '../../shared/channels';
import { DomainError } from '../../shared/errors';
import { createContext } from '../db/audit';
import { openLedger, type Db } from '../db/connection';
import type { AppContext, DesktopShell } from '../handlers/context';
import { dispatch } from '../handlers/dispatch';
import type { CliIo } from './args';
import { cliLogDir, createFileLog } from '../logging/fileLog';

/** Written in the audit log as who made the change (the app writes 本机用户). */
export const CLI_ACTOR = '命令行';

export interface CliApp extends AppContext {
  io: CliIo;
  /** The error behind the last internal failure dispatch logged: rethrown with its detail (see call). */
  failure?: unknown;
}

/**
 * A desktop without dialogs: a save dialog answers with the command's --out file, an open dialog with
 * nothing (the commands pass the files they were given), and nothing is opened in Excel.
 */
function cliShell(saveTo: string | undefined): DesktopShell {
  return {
    saveFile: () => Promise.resolve(saveTo ?? null),
    openFiles: () => Promise.resolve([]),
    chooseFolder: () => Promise.resolve(null),
    openPath: () => Promise.resolve(),
    showInFolder: () => {},
  };
}

export function cliApp(db: Db, ledgerFile: string, options: { io: CliIo; today: string; saveTo?: string }): CliApp {
  const fileLog = createFileLog(cliLogDir(), { stem: 'duban-cli', echoErrors: false });
  const app: CliApp = {
    shell: cliShell(options.saveTo),
    ledger: createContext(db, CLI_ACTOR),
    ledgerFile,
    runtime: 'cli',
    version: 'cli',
    today: () => options.today,
    // The app writes its log beside the ledger; the CLI keeps that folder untouched and reports on stderr,
    // with the detail in the same line format in the app's logs folder (logging/fileLog.ts, cliLogDir).
    log: (level, message, detail) => {
      if (level === 'error') app.failure = detail;
      fileLog(level, message, detail);
    },
    notices: [],
    io: options.io,
  };
  return app;
}

/**
 * Runs one channel exactly as the window would (validation, busy-ledger retries, Chinese messages) and
 * returns its data; a refusal is thrown as a DomainError, an internal error as itself (runCli prints both).
 */
export async function call<C extends ChannelName>(
  app: CliApp,
  channel: C,
  request: RequestOf<C>,
): Promise<ResponseOf<C>> {
  app.failure = undefined;
  const result = await dispatch(app, channel, request);
  for (const notice of result.notices ?? []) app.io.err(`提示：${notice.message}\n`);
  if (result.ok) return result.data as ResponseOf<C>;
  if (result.error.code === 'internal' && app.failure instanceof Error) throw app.failure;
  throw new DomainError(result.error.code, result.error.message);
}

/**
 * A dry run never writes: it reads the ledger read-only (an older schema is migrated in memory, the file
 * untouched), and without a ledger file it reads against an empty ledger in memory.
 */
export function openLedgerFor(file: string, dryRun: boolean): Db {
  if (dryRun && !fs.existsSync(file)) return openLedger(':memory:', { create: true });
  return openLedger(file, dryRun ? { readonly: true } : { create: true });
}

/** Opens the ledger, runs `use` in a CLI context over it, and closes it whatever happens. */
export async function withCliApp<T>(
  db: Db,
  ledgerFile: string,
  options: { io: CliIo; today: string; saveTo?: string },
  use: (app: CliApp) => Promise<T>,
): Promise<T> {
  try {
    return await use(cliApp(db, ledgerFile, options));
  } finally {
    if (db.open) db.close();
  }
}
