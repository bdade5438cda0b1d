// Fault injection for the app's data folder (cf. Actual Budget's e2e fixtures): a ledger that cannot be
// used, with backups beside it, written before the app starts so both runtimes meet the same files.
import fs from 'node:fs';
import path from 'node:path';
import { createContext } from '../../electron/db/audit';
import { writeBackupFile } from '../../electron/db/backupFiles';
import { openLedger } from '../../electron/db/connection';
import { createUnit } from '../../electron/db/repositories/units';
import { findDemoLedgerFile, loadDemoLedger, readDemoLedgerFile } from '../../electron/services/demoLedger';

/**
 * 'damaged': a ledger whose pages are scribbled over; 'empty': a zero-byte duban.sqlite (both with backups
 * beside them, and the app opens on its recovery screen); 'backups-unwritable': a fresh start whose
 * backups/ cannot be created (a file stands in its place), so the daily backup fails.
 */
export type LedgerFault = 'damaged' | 'empty' | 'backups-unwritable';

/** Faults the app opens on its recovery screen for, instead of the navigation. */
export const RECOVERY_FAULTS: readonly LedgerFault[] = ['damaged', 'empty'];

/** A unit only the newest good backup holds: seeing it proves that backup was restored. */
export const UNIT_ONLY_IN_BACKUP = '县数据资源局';

/** Overwrites a database's middle pages: the header stays valid, the b-tree does not (integrity_check fails). */
export function scribble(file: string): void {
  const bytes = fs.readFileSync(file);
  bytes.fill(0xab, 8192, bytes.length - 8192);
  fs.writeFileSync(file, bytes);
}

function dailyBackup(dataDir: string, day: string, fill: (ctx: ReturnType<typeof createContext>) => void): string {
  const scratch = path.join(dataDir, `seed-${day}.sqlite`);
  // The seed's changes are dated before its backup, as a real day's work would be.
  const ctx = createContext(openLedger(scratch), '测试', () => `${day}T01:00:00.000Z`);
  loadDemoLedger(ctx, readDemoLedgerFile(findDemoLedgerFile()));
  fill(ctx);
  const target = path.join(dataDir, 'backups', `duban-${day}.sqlite`);
  writeBackupFile(ctx.db, target);
  ctx.db.close();
  for (const f of [scratch, `${scratch}-wal`, `${scratch}-shm`]) fs.rmSync(f, { force: true });
  // Each backup's file time on its own day, as the app would have left it.
  const at = new Date(`${day}T01:30:00.000Z`);
  fs.utimesSync(target, at, at);
  return target;
}

/**
 * Three daily backups (11-19 the plain demo; 11-20 the demo plus UNIT_ONLY_IN_BACKUP; 11-21 damaged, so
 * the newest good one is 11-20) and a duban.sqlite with the fault.
 */
export function injectLedgerFault(dataDir: string, fault: LedgerFault): void {
  if (fault === 'backups-unwritable') {
    fs.writeFileSync(path.join(dataDir, 'backups'), '');
    return;
  }
  fs.mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
  dailyBackup(dataDir, '2026-11-19', () => undefined);
  dailyBackup(dataDir, '2026-11-20', (ctx) =>
    createUnit(ctx, { name: UNIT_ONLY_IN_BACKUP, kind: 'county_department' }),
  );
  scribble(dailyBackup(dataDir, '2026-11-21', () => undefined));
  const ledger = path.join(dataDir, 'duban.sqlite');
  if (fault === 'empty') {
    fs.writeFileSync(ledger, '');
    return;
  }
  fs.copyFileSync(path.join(dataDir, 'backups', 'duban-2026-11-19.sqlite'), ledger);
  scribble(ledger);
}
