// Backup files beside the ledger: their names, how one is written, and how many are kept. The db layer
// owns this (not services/) because opening a ledger takes a backup before it migrates the schema.
import fs from 'node:fs';
import path from 'node:path';
import type { BackupKind } from '../../shared/domain';
import type { Db } from './connection';

export const DAILY_KEPT = 14;
export const EVENT_KEPT = 10;

export type EventReason = Exclude<BackupKind, 'daily' | 'other'>;
const EVENT_REASONS: readonly EventReason[] = ['import', 'document', 'migration', 'restore', 'manual'];

/** backups/ beside the ledger file. */
export function backupsDir(ledgerFile: string): string {
  return path.join(path.dirname(ledgerFile), 'backups');
}

function stemOf(ledgerFile: string): string {
  return path.basename(ledgerFile).replace(/\.[^.]+$/, '');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface ParsedBackupName {
  kind: BackupKind;
  /** Sorts in the order the backups were taken, within its kind. */
  sortKey: string;
  /** When the name says it was taken (an event backup, to the second); null for a daily one (the date only). */
  stampedAt: Date | null;
  day: string;
}

/** Reads what a backup's name says; null for a file in backups/ that is not one of ours. */
export function parseBackupName(ledgerFile: string, name: string): ParsedBackupName | null {
  const stem = escapeRegExp(stemOf(ledgerFile));
  const daily = new RegExp(`^${stem}-(\\d{4}-\\d{2}-\\d{2})\\.sqlite$`).exec(name);
  // The pattern's one group is the day.
  if (daily) return { kind: 'daily', sortKey: daily[1]!, stampedAt: null, day: daily[1]! };
  const event = new RegExp(
    `^${stem}-(\\d{4})-(\\d{2})-(\\d{2})-(\\d{2})(\\d{2})(\\d{2})(?:-(\\d+))?-(${EVENT_REASONS.join('|')})\\.sqlite$`,
  ).exec(name);
  if (!event) return null;
  const [, y, mo, d, h, mi, s, n, reason] = event;
  return {
    kind: reason as EventReason,
    sortKey: `${y}-${mo}-${d}-${h}${mi}${s}-${(n ?? '1').padStart(4, '0')}`,
    stampedAt: new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)),
    day: `${y}-${mo}-${d}`,
  };
}

function localStamp(at: Date): { day: string; time: string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    day: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`,
    time: `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`,
  };
}

/**
 * Writes a consistent copy of the open ledger with VACUUM INTO: synchronous (so it can run right before
 * a migration or a commit), a plain rollback-journal file with no -wal of its own, and never half
 * written under the final name (a .partial is renamed once complete).
 */
export function writeBackupFile(db: Db, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    fs.renameSync(partial, target);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
}

/** Takes today's daily backup unless it exists; returns its path when one was written. */
export function writeDailyBackupIfDue(db: Db, ledgerFile: string, today: string): string | null {
  const target = path.join(backupsDir(ledgerFile), `${stemOf(ledgerFile)}-${today}.sqlite`);
  if (fs.existsSync(target)) return null;
  writeBackupFile(db, target);
  return target;
}

/** Takes an event backup (before an import, a restore, a migration…), named by its local time and reason. */
export function writeEventBackup(db: Db, ledgerFile: string, reason: EventReason, at = new Date()): string {
  const { day, time } = localStamp(at);
  const dir = backupsDir(ledgerFile);
  let target = path.join(dir, `${stemOf(ledgerFile)}-${day}-${time}-${reason}.sqlite`);
  for (let n = 2; fs.existsSync(target); n++)
    target = path.join(dir, `${stemOf(ledgerFile)}-${day}-${time}-${n}-${reason}.sqlite`);
  writeBackupFile(db, target);
  return target;
}

/**
 * Keeps the newest DAILY_KEPT daily and EVENT_KEPT event backups; the two are counted apart so a busy day
 * of imports never pushes out the daily history. Files in backups/ that are not ours are left alone.
 */
export function pruneBackups(
  ledgerFile: string,
  keep: { daily?: number; event?: number; except?: string[] } = {},
): string[] {
  const dir = backupsDir(ledgerFile);
  if (!fs.existsSync(dir)) return [];
  const except = new Set((keep.except ?? []).map((f) => path.resolve(f)));
  const parsed = fs
    .readdirSync(dir)
    .map((name) => ({ name, parsed: parseBackupName(ledgerFile, name) }))
    .filter((f): f is { name: string; parsed: ParsedBackupName } => f.parsed !== null);
  const newestFirst = (a: { parsed: ParsedBackupName }, b: { parsed: ParsedBackupName }) =>
    a.parsed.sortKey < b.parsed.sortKey ? 1 : -1;
  const daily = parsed.filter((f) => f.parsed.kind === 'daily').sort(newestFirst);
  const events = parsed.filter((f) => f.parsed.kind !== 'daily').sort(newestFirst);
  const doomed = [...daily.slice(keep.daily ?? DAILY_KEPT), ...events.slice(keep.event ?? EVENT_KEPT)]
    .map((f) => path.join(dir, f.name))
    .filter((f) => !except.has(path.resolve(f)));
  for (const f of doomed) fs.rmSync(f, { force: true });
  return doomed;
}

/** The journal files SQLite keeps beside a database in WAL mode. */
export function journalFiles(file: string): [wal: string, shm: string] {
  return [`${file}-wal`, `${file}-shm`];
}
