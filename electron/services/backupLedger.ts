// Backups a clerk can rely on: taken once a day and before changes that are hard to take back, each
// checked before it is offered, and restored without a stale -wal ever being replayed onto the copy.
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupList, RestoreOutcome, UnusableBackup } from '../../shared/channels/backups';
import { BACKUP_KIND_LABELS } from '../../shared/backupFacts';
import { DomainError, type AppNotice } from '../../shared/errors';
import {
  backupsDir,
  DAILY_KEPT,
  journalFiles,
  parseBackupName,
  pruneBackups,
  writeDailyBackupIfDue,
  writeEventBackup,
  type EventReason,
} from '../db/backupFiles';
import { supersedeEarlierAttempt } from '../db/busyLedger';
import { openLedger, type Db } from '../db/connection';
import { entityOf } from '../db/entities';
import { describeFileError } from '../db/sqliteErrors';

export { backupsDir, DAILY_KEPT, EVENT_KEPT, type EventReason } from '../db/backupFiles';

/** What taking a backup needs from the app (AppContext fits): the open ledger, where it lives, a log, notices. */
export interface BackupContext {
  ledger: { db: Db };
  ledgerFile: string;
  log: (level: 'info' | 'warn' | 'error', message: string, detail?: unknown) => void;
  /** Messages for the clerk, shown by the app with the next answer it gets from the main process. */
  notices?: AppNotice[];
  /** Set while the ledger could not be opened: there is nothing to back up then. */
  ledgerProblem?: unknown;
}

export interface BackupOutcome {
  created: string | null;
  removed: string[];
}

/** Backs the ledger up at most once a calendar day, then keeps the newest `keep` daily backups. */
export async function backupIfDue(db: Db, dbFile: string, today: string, keep = DAILY_KEPT): Promise<BackupOutcome> {
  const created = writeDailyBackupIfDue(db, dbFile, today);
  return { created, removed: pruneBackups(dbFile, { daily: keep }) };
}

/** The daily backup at start; a failure is logged and told to the clerk, never silent, never fatal. */
export function dailyBackupAtStart(ctx: BackupContext, today: string): string | null {
  if (ctx.ledgerProblem) return null;
  try {
    const created = writeDailyBackupIfDue(ctx.ledger.db, ctx.ledgerFile, today);
    pruneBackups(ctx.ledgerFile);
    return created;
  } catch (err) {
    ctx.log('error', 'daily backup failed', err);
    ctx.notices?.push({
      kind: 'warning',
      message: `今天的自动备份没有完成（${describeFileError(err)}）。台账本身没有受影响，但在问题解决前没有新的备份。请检查“${backupsDir(ctx.ledgerFile)}”所在磁盘的空间和权限，然后在“文件 → 从备份恢复…”中点“立即备份”。`,
    });
    return null;
  }
}

/**
 * An event backup just before a change that is hard to take back (an import commit, a document save).
 * The change goes ahead even if the backup fails (the ledger itself is fine), but the clerk is told.
 */
export function backupBeforeChange(
  ctx: BackupContext,
  reason: Exclude<EventReason, 'migration' | 'restore'>,
  at = new Date(),
): string | null {
  if (ctx.ledgerProblem) return null;
  try {
    const file = writeEventBackup(ctx.ledger.db, ctx.ledgerFile, reason, at);
    // A change retried after waiting on a busy ledger backs up again (the other program may have written
    // meanwhile); the backup of its failed attempt would only push a real one out of the last ten.
    const superseded = supersedeEarlierAttempt(`backup:${reason}`, file);
    if (superseded) fs.rmSync(superseded, { force: true });
    pruneBackups(ctx.ledgerFile);
    return file;
  } catch (err) {
    ctx.log('error', `backup before ${reason} failed`, err);
    ctx.notices?.push({
      kind: 'warning',
      message: `${BACKUP_KIND_LABELS[reason]}的自动备份没有完成（${describeFileError(err)}）。台账本身没有受影响，但出错时将无法退回到这一步之前。请检查“${backupsDir(ctx.ledgerFile)}”所在磁盘的空间和权限。`,
    });
    return null;
  }
}

/** A backup the clerk or IT asks for; refused with the reason when it cannot be written. */
export function createBackup(db: Db, ledgerFile: string, at = new Date()): BackupInfo {
  let file: string;
  try {
    file = writeEventBackup(db, ledgerFile, 'manual', at);
    pruneBackups(ledgerFile, { except: [file] });
  } catch (err) {
    throw new DomainError(
      'backup_failed',
      `备份没有完成（${describeFileError(err)}），台账本身没有受影响。请检查“${backupsDir(ledgerFile)}”所在磁盘的空间和权限后重试。`,
    );
  }
  const checked = inspectBackup(ledgerFile, file);
  if (!checked.ok)
    throw new DomainError(
      'backup_failed',
      `刚写好的备份“${path.basename(file)}”没有通过检查（${checked.unusable.problem}）。请检查磁盘后重试。`,
    );
  return checked.info;
}

const PROBLEMS: Record<string, string> = {
  ledger_corrupt: '完整性检查未通过，文件已损坏',
  ledger_not_sqlite: '不是督办台账文件',
  ledger_foreign: '是其他程序的数据库',
  ledger_empty_file: '空文件（0 字节）',
  ledger_newer: '由更新版本的督办台账创建，本程序不能使用',
};

const ACTIONS: Record<string, string> = { create: '新增', update: '修改', delete: '删除', import: '导入' };

interface ChangeRow {
  entity: string;
  action: string;
  label: string | null;
  before: string | null;
  after: string | null;
}

/** 单位“县财政局”: how the 回收站 names an entry (its audit rows carry the entry's summary). */
function binItemOf(row: ChangeRow): string {
  const parse = (json: string | null) => {
    try {
      return json ? (JSON.parse(json) as { kindLabel?: string; label?: string }) : null;
    } catch {
      return null;
    }
  };
  const entry = parse(row.after) ?? parse(row.before);
  return entry?.kindLabel && entry.label ? `${entry.kindLabel}“${entry.label}”` : '';
}

/**
 * The 回收站's own rows: emptying it and deleting from it for good are not undoable and carry no change
 * set label, so without this a purge read as a bare "删除数据".
 */
function describeBinChange(row: ChangeRow): string {
  const item = binItemOf(row);
  switch (row.action) {
    case 'empty': {
      const purged = (JSON.parse(row.after ?? '{}') as { purged?: number }).purged;
      return purged ? `清空回收站（永久删除 ${purged} 项）` : '清空回收站';
    }
    case 'delete':
      return item ? `从回收站永久删除：${item}` : '从回收站永久删除';
    case 'restore':
      return item ? `还原：${item}` : '从回收站还原';
    case 'create':
      return item ? `删除：${item}（移入回收站）` : '移入回收站';
    case 'undo':
      return item ? `撤销（${item}）` : '撤销（回收站）';
    case 'redo':
      return item ? `重做（${item}）` : '重做（回收站）';
    default:
      return '修改回收站';
  }
}

function describeChange(row: ChangeRow): string {
  // A bin row names its item; the change set's label ("删除单位") would not.
  if (row.entity === 'recycle_bin') return describeBinChange(row);
  if (row.label) return row.label;
  const entity = entityOf(row.entity)?.label ?? '数据';
  if (row.action === 'undo') return `撤销（${entity}）`;
  if (row.action === 'redo') return `重做（${entity}）`;
  return `${ACTIONS[row.action] ?? '修改'}${entity}`;
}

/**
 * An event backup's name says when, to the second. A daily one names only its day: its file time says
 * when that day, unless the file was copied since (then the time is another day's and the day is used).
 */
function takenAtOf(parsed: ReturnType<typeof parseBackupName>, mtime: Date): Date {
  if (!parsed) return mtime;
  if (parsed.stampedAt) return parsed.stampedAt;
  // parseBackupName matched the day as YYYY-MM-DD; a part missing would read NaN, an invalid date.
  const [y = NaN, m = NaN, d = NaN] = parsed.day.split('-').map(Number);
  const sameDay = mtime.getFullYear() === y && mtime.getMonth() + 1 === m && mtime.getDate() === d;
  return sameDay ? mtime : new Date(y, m - 1, d);
}

export type InspectedBackup = { ok: true; info: BackupInfo } | { ok: false; unusable: UnusableBackup };

/**
 * Opens a backup read-only (the file is never changed), checks its integrity and that it is a ledger
 * this version can open, and reads what a clerk chooses by: counts and the last change.
 */
export function inspectBackup(ledgerFile: string, file: string): InspectedBackup {
  const name = path.basename(file);
  const parsed = parseBackupName(ledgerFile, name);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return { ok: false, unusable: { name, takenAt: '', size: 0, problem: '文件不存在或无法读取' } };
  }
  const takenAt = takenAtOf(parsed, stat.mtime).toISOString();
  const base = { name, takenAt, size: stat.size };
  let db: Db;
  try {
    db = openLedger(file, { readonly: true });
  } catch (err) {
    const problem = err instanceof DomainError ? (PROBLEMS[err.code] ?? '无法打开') : '无法读取';
    return { ok: false, unusable: { ...base, problem } };
  }
  try {
    const counts = db
      .prepare("SELECT COALESCE(SUM(level = 'task'), 0) AS tasks, COALESCE(SUM(level = 'item'), 0) AS items FROM task")
      .get() as { tasks: number; items: number };
    const reports = (db.prepare('SELECT COUNT(*) AS n FROM progress_report').get() as { n: number }).n;
    const last = db
      .prepare(
        'SELECT a.at, a.entity, a.action, a.before, a.after, c.label FROM audit_log a LEFT JOIN change_set c ON c.id = a.change_set_id ORDER BY a.id DESC LIMIT 1',
      )
      .get() as (ChangeRow & { at: string }) | undefined;
    return {
      ok: true,
      info: {
        ...base,
        kind: parsed?.kind ?? 'other',
        tasks: counts.tasks,
        items: counts.items,
        reports,
        lastChange: last ? { at: last.at, what: describeChange(last) } : null,
      },
    };
  } catch {
    return { ok: false, unusable: { ...base, problem: '内容不完整，无法读取' } };
  } finally {
    db.close();
  }
}

/** Every backup beside the ledger, newest first; those that fail their check are listed apart. */
export function listBackups(ledgerFile: string): BackupList {
  const dir = backupsDir(ledgerFile);
  const names = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => parseBackupName(ledgerFile, n)) : [];
  const backups: BackupInfo[] = [];
  const unusable: UnusableBackup[] = [];
  for (const name of names) {
    const checked = inspectBackup(ledgerFile, path.join(dir, name));
    if (checked.ok) backups.push(checked.info);
    else unusable.push(checked.unusable);
  }
  const newestFirst = (a: { takenAt: string; name: string }, b: { takenAt: string; name: string }) =>
    a.takenAt === b.takenAt ? b.name.localeCompare(a.name) : a.takenAt < b.takenAt ? 1 : -1;
  return { backupsDir: dir, backups: backups.sort(newestFirst), unusable: unusable.sort(newestFirst) };
}

/** The backup in backups/ a clerk picked by name; a name is never allowed to reach outside that folder. */
export function backupPath(ledgerFile: string, name: string): string {
  const dir = backupsDir(ledgerFile);
  const file = path.join(dir, name);
  if (path.dirname(file) !== dir || !parseBackupName(ledgerFile, name) || !fs.existsSync(file)) {
    throw new DomainError('backup_missing', `在“${dir}”中找不到备份“${name}”。请重新打开备份列表后再选择。`);
  }
  return file;
}

function localStamp(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
}

/**
 * Renames a ledger that cannot be used (and its -wal/-shm, which belong to it) to
 * duban.sqlite.damaged-YYYYMMDD-HHMMSS beside it: kept for IT, never deleted, out of the way.
 */
export function moveLedgerAside(ledgerFile: string, at = new Date()): string[] {
  let aside = `${ledgerFile}.damaged-${localStamp(at)}`;
  for (let n = 2; fs.existsSync(aside); n++) aside = `${ledgerFile}.damaged-${localStamp(at)}-${n}`;
  const moved: string[] = [];
  // The journal keeps its suffix so SQLite still pairs it with the file if IT opens the kept copy.
  const renames: [string, string][] = [
    [ledgerFile, aside],
    ...journalFiles(ledgerFile).map((j): [string, string] => [j, aside + j.slice(ledgerFile.length)]),
  ];
  for (const [from, to] of renames) {
    if (!fs.existsSync(from)) continue;
    fs.renameSync(from, to);
    moved.push(to);
  }
  return moved;
}

function fsyncPath(file: string): void {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Directories cannot be synced on Windows; the rename is still atomic there.
  }
}

export interface RestoreOptions {
  ledgerFile: string;
  /** The backup file (in backups/, or any ledger copy IT points the CLI at). */
  source: string;
  /**
   * The open ledger when it is healthy: it is first saved as a 'restore' backup (so the restore can be
   * undone by restoring that), then closed here. null when the ledger is damaged or missing: the file is
   * moved aside instead. The caller re-opens the ledger whenever `current.open` is false afterwards.
   */
  current: Db | null;
  at?: Date;
}

/**
 * Replaces the ledger with a backup. The copy is staged beside the ledger and renamed over it (atomic on
 * one volume), and the ledger's -wal/-shm never survive next to the restored file: a leftover -wal would
 * be replayed onto the copy by SQLite and damage it.
 */
export function restoreFromBackup(options: RestoreOptions): RestoreOutcome {
  const { ledgerFile, source, current } = options;
  const at = options.at ?? new Date();
  const checked = inspectBackup(ledgerFile, source);
  if (!checked.ok) {
    throw new DomainError(
      'backup_unusable',
      `备份“${path.basename(source)}”不能用于恢复：${checked.unusable.problem}。请选择另一份备份。`,
    );
  }
  const staging = `${ledgerFile}.restoring`;
  fs.rmSync(staging, { force: true });
  try {
    fs.copyFileSync(source, staging);
    fsyncPath(staging);
    let savedAs: string | null = null;
    let movedAside: string[] = [];
    if (current) {
      try {
        savedAs = writeEventBackup(current, ledgerFile, 'restore', at);
        pruneBackups(ledgerFile, { except: [savedAs, source] });
      } catch (err) {
        throw new DomainError(
          'restore_backup_failed',
          `恢复前要先把当前台账另存为备份，但没有完成（${describeFileError(err)}）。为免丢失数据，没有恢复，当前台账未改动。请检查“${backupsDir(ledgerFile)}”所在磁盘的空间和权限后重试。`,
        );
      }
      current.close();
      // Closing the last connection checkpoints and deletes the -wal; one still there belongs to another
      // program that has the ledger open, and replacing the file under it would damage the ledger.
      const [wal, shm] = journalFiles(ledgerFile);
      if (fs.existsSync(wal)) {
        throw new DomainError(
          'ledger_busy',
          '台账正被其他程序（如命令行）使用，没有恢复，当前台账未改动。请关闭其他使用该台账的程序后重试。',
        );
      }
      fs.rmSync(shm, { force: true });
    } else {
      movedAside = moveLedgerAside(ledgerFile, at);
    }
    fs.renameSync(staging, ledgerFile);
    fsyncPath(path.dirname(ledgerFile));
    return {
      restored: checked.info,
      savedAs: savedAs && path.basename(savedAs),
      movedAside: movedAside.map((f) => path.basename(f)),
    };
  } catch (err) {
    fs.rmSync(staging, { force: true });
    if (err instanceof DomainError) throw err;
    throw new DomainError(
      'restore_failed',
      `从备份恢复没有完成（${describeFileError(err)}）。请检查“${path.dirname(ledgerFile)}”所在磁盘的空间和权限后重试。`,
    );
  }
}
