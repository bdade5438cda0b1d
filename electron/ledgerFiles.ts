// 文件 → 打开其他台账… / 另存台账为… / 最近打开的台账: the main-side work behind those menu commands (the menu
// and dialogs are in main.ts and menu.ts). Plain Node: unit-tested without Electron.
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../shared/errors';
import { writeBackupFile } from './db/backupFiles';
import { openLedger } from './db/connection';
import { translateLedgerError } from './db/sqliteErrors';
import type { AppContext } from './handlers/context';
import { ledgerGate } from './handlers/ledgerGate';
import { reopenLedger } from './openAppLedger';
import { dailyBackupAtStart } from './services/backupLedger';

export const RECENT_LEDGERS_FILE = 'recent-ledgers.json';
export const RECENT_LEDGERS_MAX = 8;

const samePath = (a: string, b: string) =>
  process.platform === 'win32'
    ? path.resolve(a).toLowerCase() === path.resolve(b).toLowerCase()
    : path.resolve(a) === path.resolve(b);

/** The ledgers opened on this PC, newest first (kept in the app's own folder, not beside any ledger). */
export function readRecentLedgers(userData: string): string[] {
  try {
    const list = JSON.parse(fs.readFileSync(path.join(userData, RECENT_LEDGERS_FILE), 'utf8')) as unknown;
    return Array.isArray(list) ? list.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}

/** Puts `file` first; the list never holds one file twice nor grows past RECENT_LEDGERS_MAX. */
export function rememberLedger(userData: string, file: string): string[] {
  const list = [path.resolve(file), ...readRecentLedgers(userData).filter((f) => !samePath(f, file))].slice(
    0,
    RECENT_LEDGERS_MAX,
  );
  try {
    fs.mkdirSync(userData, { recursive: true });
    fs.writeFileSync(path.join(userData, RECENT_LEDGERS_FILE), JSON.stringify(list, null, 2));
  } catch {
    // The list is a convenience: failing to keep it must not stop the switch.
  }
  return list;
}

/**
 * Makes `file` the app's ledger, in place (dispatch keeps one AppContext), alone through the ledger gate as a
 * restore is. The file is checked read-only first, so a file that is not a ledger, is damaged or comes from a
 * newer version is refused with the open's Chinese message and the current ledger stays open.
 */
export async function switchLedger(ctx: AppContext, file: string): Promise<void> {
  const target = path.resolve(file);
  if (samePath(target, ctx.ledgerFile) && !ctx.ledgerProblem) return;
  await ledgerGate(ctx).run(true, async () => {
    try {
      openLedger(target, { readonly: true }).close();
    } catch (err) {
      throw translateLedgerError(err, target) ?? err;
    }
    const previous = ctx.ledgerFile;
    ctx.ledgerFile = target;
    try {
      reopenLedger(ctx, { create: false });
    } catch (err) {
      // Checked above, so only a file that cannot be written lands here: stay on the ledger that was open.
      ctx.ledgerFile = previous;
      if (!ctx.ledger.db.open) reopenLedger(ctx, { create: false });
      throw translateLedgerError(err, target) ?? err;
    }
    ctx.log('info', `ledger switched from ${previous} to ${target}`);
    dailyBackupAtStart(ctx, ctx.today());
  });
}

/**
 * Writes a consistent copy of the open ledger to `target` (VACUUM INTO, as a backup is written) and keeps
 * working on the current one. Refuses the open ledger itself and a file with a journal of another program.
 */
export async function saveLedgerCopy(ctx: AppContext, target: string): Promise<string> {
  const file = path.resolve(target);
  if (ctx.ledgerProblem) throw new DomainError('ledger_unusable', '当前台账无法打开，不能另存。请先从备份恢复。');
  if (samePath(file, ctx.ledgerFile))
    throw new DomainError('same_ledger', '不能另存到当前台账本身，请选择其他文件名或文件夹。');
  if (fs.existsSync(`${file}-wal`))
    throw new DomainError(
      'ledger_in_use',
      `“${file}”正被其他程序（另一个督办台账或命令行）使用，不能覆盖。请先关闭它，或另选文件名。`,
    );
  await ledgerGate(ctx).run(false, async () => {
    try {
      writeBackupFile(ctx.ledger.db, file);
    } catch (err) {
      throw translateLedgerError(err, file) ?? err;
    }
  });
  ctx.log('info', `ledger saved as ${file}`);
  return file;
}
