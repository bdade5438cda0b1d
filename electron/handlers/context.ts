import type { LedgerContext } from '../db/audit';

/** What every handler may use: the ledger and facts about where it lives. Plain data, no Electron. */
export interface AppContext {
  ledger: LedgerContext;
  ledgerFile: string;
  runtime: 'electron' | 'browser-harness';
  version: string;
  /** ISO date of "today"; injectable so tests can fix the calendar. */
  today: () => string;
  log: (level: 'info' | 'warn' | 'error', message: string, detail?: unknown) => void;
}

export function localToday(date = new Date()): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
