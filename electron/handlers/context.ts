// What every handler runs with: the open ledger, where it lives, the clock and the desktop shell; no Electron.
import type { LedgerProblem } from '../../shared/channels/backups';
import type { AppNotice } from '../../shared/errors';
import type { LedgerContext } from '../db/audit';

/**
 * What the desktop around the app offers: native file dialogs and the shell. Electron provides the real
 * ones; the test harness answers with files in a temp folder, so no handler depends on Electron.
 */
export interface DesktopShell {
  /** Ask where to save; null when the clerk cancels. */
  saveFile(options: {
    title: string;
    defaultName: string;
    filters: { name: string; extensions: string[] }[];
  }): Promise<string | null>;
  /** Ask for files to open; [] when the clerk cancels. */
  openFiles(options: {
    title: string;
    filters: { name: string; extensions: string[] }[];
    multiple: boolean;
  }): Promise<string[]>;
  /** Ask for a folder; null when the clerk cancels. */
  chooseFolder(options: { title: string }): Promise<string | null>;
  /** Open a file with its program (Excel/WPS), or show it in its folder. */
  openPath(path: string): Promise<void>;
  showInFolder(path: string): void;
}

/** What every handler may use: the ledger and facts about where it lives. Plain data, no Electron. */
export interface AppContext {
  shell: DesktopShell;
  ledger: LedgerContext;
  ledgerFile: string;
  runtime: 'electron' | 'browser-harness' | 'cli';
  version: string;
  /** ISO date of "today"; injectable so tests can fix the calendar. */
  today: () => string;
  log: (level: 'info' | 'warn' | 'error', message: string, detail?: unknown) => void;
  /**
   * Set when the ledger file could not be opened at start (damaged, empty, not a ledger): `ledger` is then
   * an empty stand-in in memory and dispatch runs only the recovery channels until a restore re-opens it.
   */
  ledgerProblem?: LedgerProblem | null;
  /** How long a write waits for another program's write lock (default BUSY_WAIT_LIMIT_MS); tests shorten it. */
  busyWaitLimitMs?: number;
  /** Told to the clerk with the next response (see AppNotice); dispatch empties it. */
  notices?: AppNotice[];
}

export function localToday(date = new Date()): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
