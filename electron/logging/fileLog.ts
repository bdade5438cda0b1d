// The log file format shared by the app and the CLI: one JSON line per event
// ({"at","level","message","detail"}), in daily files that rotate by size and age. Plain Node.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localToday } from '../handlers/context';

export type LogLevel = 'info' | 'warn' | 'error';
export type LogFn = (level: LogLevel, message: string, detail?: unknown) => void;

export interface FileLogOptions {
  /** File name stem: `duban` (the app) or `duban-cli`. */
  stem?: string;
  /** A day's file past this size goes on in `<stem>-<day>.1.log`, `.2.log`, … */
  maxBytes?: number;
  /** Files of days older than this many days are deleted when a new day's file is started. */
  keepDays?: number;
  today?: () => string;
  /** Also print errors on stderr (the app's console; the CLI prints its own Chinese message instead). */
  echoErrors?: boolean;
}

export const LOG_MAX_BYTES = 5 * 1024 * 1024;
export const LOG_KEEP_DAYS = 30;

/** One line of the log, as written (exported for tests and tools that read the log). */
export function formatLogLine(level: LogLevel, message: string, detail?: unknown, at = new Date()): string {
  return JSON.stringify({
    at: at.toISOString(),
    level,
    message,
    detail: detail instanceof Error ? { message: detail.message, stack: detail.stack } : detail,
  });
}

/** Appends one JSON line per event; internal detail (stacks) goes here, never to the clerk's screen. */
export function createFileLog(dir: string, options: FileLogOptions = {}): LogFn {
  const stem = options.stem ?? 'duban';
  const maxBytes = options.maxBytes ?? LOG_MAX_BYTES;
  const keepDays = options.keepDays ?? LOG_KEEP_DAYS;
  const today = options.today ?? (() => localToday());
  let prunedOn: string | null = null;
  return (level, message, detail) => {
    const line = formatLogLine(level, message, detail);
    try {
      fs.mkdirSync(dir, { recursive: true });
      const day = today();
      if (prunedOn !== day) {
        prunedOn = day;
        pruneOldLogs(dir, stem, day, keepDays);
      }
      fs.appendFileSync(currentLogFile(dir, stem, day, maxBytes, Buffer.byteLength(line) + 1), line + '\n');
    } catch {
      // A log that cannot be written must not break the clerk's work.
    }
    if (level === 'error' && (options.echoErrors ?? true)) console.error(line);
  };
}

/** Today's file, or its next part once a line would take it past maxBytes. */
export function currentLogFile(dir: string, stem: string, day: string, maxBytes: number, adding = 0): string {
  for (let part = 0; ; part++) {
    const file = path.join(dir, part === 0 ? `${stem}-${day}.log` : `${stem}-${day}.${part}.log`);
    let size: number;
    try {
      size = fs.statSync(file).size;
    } catch {
      return file;
    }
    if (size === 0 || size + adding <= maxBytes) return file;
  }
}

/** Deletes this stem's files of days more than keepDays before `day` (file names carry the day). */
export function pruneOldLogs(dir: string, stem: string, day: string, keepDays: number): string[] {
  const cutoff = new Date(`${day}T00:00:00Z`);
  cutoff.setUTCDate(cutoff.getUTCDate() - keepDays);
  const oldest = cutoff.toISOString().slice(0, 10);
  const pattern = new RegExp(`^${stem.replace(/[-]/g, '\\-')}-(\\d{4}-\\d{2}-\\d{2})(?:\\.\\d+)?\\.log$`);
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const fileDay = pattern.exec(name)?.[1];
    if (fileDay && fileDay < oldest) {
      fs.rmSync(path.join(dir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}

/**
 * The app's per-user folder as Electron names it (app.getPath('userData') for productName 督办台账):
 * %APPDATA%\督办台账 on Windows. DUBAN_DATA_DIR overrides it, as in the app.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = os.homedir()) {
  if (env.DUBAN_DATA_DIR) return env.DUBAN_DATA_DIR;
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(base, '督办台账');
}

/**
 * Where the CLI logs (`duban-cli-YYYY-MM-DD.log`): DUBAN_LOG_DIR, else the app's own logs folder, so IT finds
 * both programs' lines in one place. Never beside the --db ledger: `summary` and `--dry-run` leave that folder
 * untouched.
 */
export function cliLogDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DUBAN_LOG_DIR ?? path.join(userDataDir(env), 'logs');
}
